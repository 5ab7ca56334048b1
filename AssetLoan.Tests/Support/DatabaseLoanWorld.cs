using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Support;

/// <summary>
/// A test database as <see cref="LoanBuilder"/>'s steps see it for one loan on one day, read the way the pages read it
/// (<c>db.AvailabilityAsync</c> and <c>db.FreeUnitsAsync</c> without the loan itself, tracked items and units, the
/// working calendar), so a step's changes to items and units are saved with the loan.
/// </summary>
public sealed class DatabaseLoanWorld : ILoanWorld
{
    private readonly IReadOnlyDictionary<int, ItemAvailability> _held;
    private readonly IReadOnlyDictionary<int, ItemAvailability> _firm;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<Asset>> _freeUnits;

    private DatabaseLoanWorld(IReadOnlyDictionary<int, CatalogueItem> items, IReadOnlyDictionary<int, Asset> assets, WorkingCalendar calendar,
        IReadOnlyDictionary<int, ItemAvailability> held, IReadOnlyDictionary<int, ItemAvailability> firm, IReadOnlyDictionary<int, IReadOnlyList<Asset>> freeUnits)
    {
        Items = items;
        Assets = assets;
        Calendar = calendar;
        _held = held;
        _firm = firm;
        _freeUnits = freeUnits;
    }

    public IReadOnlyDictionary<int, CatalogueItem> Items { get; }

    public IReadOnlyDictionary<int, Asset> Assets { get; }

    public WorkingCalendar Calendar { get; }

    public static async Task<DatabaseLoanWorld> ReadAsync(AppDbContext db, Loan loan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loan);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var held = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, firmOnly: false, loan.Id, default);
        var firm = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, firmOnly: true, loan.Id, default);
        var freeUnits = new Dictionary<int, IReadOnlyList<Asset>>();
        foreach (var itemId in loan.Lines.Where(l => !l.IsPooled).Select(l => l.CatalogueItemId).Distinct())
        {
            freeUnits[itemId] = await db.FreeUnitsAsync(itemId, loan.StartOn, loan.DueOn, today, loan.Id, default);
        }

        var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
        var assets = await db.Assets.Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        foreach (var unit in freeUnits.Values.SelectMany(u => u))
        {
            assets.TryAdd(unit.Id, unit);
        }

        return new DatabaseLoanWorld(items, assets, await db.WorkingCalendarAsync(default), held, firm, freeUnits);
    }

    public IReadOnlyDictionary<int, ItemAvailability> Availability(bool firmOnly) => firmOnly ? _firm : _held;

    public IEnumerable<Asset> FreeUnits(int catalogueItemId) => _freeUnits.GetValueOrDefault(catalogueItemId, []);
}
