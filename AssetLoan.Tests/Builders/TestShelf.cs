using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Builders;

/// <summary>A handover re-check that finds everything on the shelf, for tests whose subject is not availability.</summary>
public static class TestShelf
{
    public static ShelfCheck Free(IReadOnlyDictionary<int, CatalogueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var free = items.Keys.ToDictionary(id => id, id => new ItemAvailability(id, int.MaxValue, new HashSet<int>()));
        return new ShelfCheck(free, free);
    }
}
