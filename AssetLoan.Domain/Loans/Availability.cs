namespace AssetLoan.Domain.Loans;

/// <summary>One loan's claim on a catalogue item for a span of days (a pool quantity, or one numbered unit).</summary>
public sealed record Commitment(int LoanId, int CatalogueItemId, int? AssetId, int Quantity, DateOnly From, DateOnly To, bool Firm)
{
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && To >= from;
}

/// <summary>What is free of one catalogue item for a period, as the reservation and approval rules see it.</summary>
public sealed record ItemAvailability(int CatalogueItemId, int FreeQuantity, IReadOnlySet<int> HeldAssetIds);

/// <summary>
/// The one availability function every path uses (request form, check, approval, extension, handover).
/// A loan that is out counts until it is returned: its span ends at the later of its due date and today.
/// </summary>
public static class AvailabilityCalculator
{
    /// <summary>Builds a commitment's span from a loan's dates, stretching an overdue loan to today.</summary>
    public static (DateOnly From, DateOnly To) Span(DateOnly startOn, DateOnly dueOn, bool isOut, DateOnly today) =>
        (startOn, isOut && today > dueOn ? today : dueOn);

    /// <summary>
    /// What a pool can lend at all: the quantity on hand less the units damaged at a return and not yet repaired
    /// (ชำรุดรอซ่อม), as numbered units under repair are not lendable either.
    /// </summary>
    public static int PoolCapacity(int onHand, int underRepair) => Math.Max(0, onHand - Math.Max(0, underRepair));

    /// <summary>
    /// Free pool quantity for the period: capacity minus the busiest day's commitments (a request for three days that
    /// meets different loans on different days is limited by the worst day).
    /// </summary>
    public static int PoolFree(int capacity, IEnumerable<Commitment> commitments, DateOnly from, DateOnly to, bool firmOnly, int? excludeLoanId = null)
    {
        var relevant = Relevant(commitments, from, to, firmOnly, excludeLoanId).ToList();
        if (relevant.Count == 0)
        {
            return Math.Max(0, capacity);
        }

        // The busiest day is the start of one of the commitments (or the period's start).
        var candidates = relevant.Select(c => c.From < from ? from : c.From).Append(from).Distinct();
        var peak = candidates.Max(day => relevant.Where(c => c.From <= day && c.To >= day).Sum(c => c.Quantity));
        return Math.Max(0, capacity - peak);
    }

    public static IReadOnlySet<int> UnitsHeld(IEnumerable<Commitment> commitments, DateOnly from, DateOnly to, bool firmOnly, int? excludeLoanId = null) =>
        Relevant(commitments, from, to, firmOnly, excludeLoanId)
            .Where(c => c.AssetId is not null)
            .Select(c => c.AssetId!.Value)
            .ToHashSet();

    /// <summary>Free quantity per day of a month, for the calendar.</summary>
    public static IReadOnlyList<(DateOnly Day, int Free)> Calendar(int capacity, IReadOnlyList<Commitment> commitments, DateOnly from, DateOnly to)
    {
        var days = new List<(DateOnly, int)>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var used = commitments.Where(c => c.From <= d && c.To >= d).Sum(c => c.Quantity);
            days.Add((d, Math.Max(0, capacity - used)));
        }

        return days;
    }

    private static IEnumerable<Commitment> Relevant(IEnumerable<Commitment> commitments, DateOnly from, DateOnly to, bool firmOnly, int? excludeLoanId) =>
        commitments.Where(c => c.Overlaps(from, to) && (!firmOnly || c.Firm) && c.LoanId != excludeLoanId);
}
