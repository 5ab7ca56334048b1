using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Builders;

/// <summary>
/// Where <see cref="LoanBuilder"/>'s steps find the world a loan lives in: the builder's own items and units for a
/// domain test (everything free, weekends only), or what <c>Support/LoanSetup</c> read from a test database for one loan.
/// </summary>
public interface ILoanWorld
{
    /// <summary>At least the catalogue items of the loan's lines, by id.</summary>
    IReadOnlyDictionary<int, CatalogueItem> Items { get; }

    /// <summary>At least the units the loan holds and the free units of its numbered items, by id.</summary>
    IReadOnlyDictionary<int, Asset> Assets { get; }

    WorkingCalendar Calendar { get; }

    /// <summary>What other loans leave of each item for the loan's dates: against every hold (the check) or only firm ones (the approval).</summary>
    IReadOnlyDictionary<int, ItemAvailability> Availability(bool firmOnly);

    /// <summary>The units of a numbered item no other loan holds for the loan's dates, in the order the check offers them.</summary>
    IEnumerable<Asset> FreeUnits(int catalogueItemId);
}
