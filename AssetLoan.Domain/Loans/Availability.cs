namespace AssetLoan.Domain.Loans;

/// <summary>
/// One loan's claim on a catalogue item for a span of days (a pool quantity, or one numbered unit).
/// <paramref name="To"/> is <see cref="DateOnly.MaxValue"/> for a loan out past its due date: it holds until it is back.
/// </summary>
public sealed record Commitment(int LoanId, int CatalogueItemId, int? AssetId, int Quantity, DateOnly From, DateOnly To, bool Firm, string Reference = "")
{
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && To >= from;
}

/// <summary>
/// What is free of one catalogue item for a period, as the reservation and approval rules see it.
/// <paramref name="Competing"/>: the other loans' commitments that were counted (for naming conflicts by reference).
/// </summary>
public sealed record ItemAvailability(int CatalogueItemId, int FreeQuantity, IReadOnlySet<int> HeldAssetIds, IReadOnlyList<Commitment>? Competing = null)
{
    /// <summary>The references of the loans that hold <paramref name="assetId"/>, or any quantity when null.</summary>
    public IReadOnlyList<string> ReferencesHolding(int? assetId) =>
        (Competing ?? []).Where(c => assetId is null || c.AssetId == assetId).Select(c => c.Reference).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// What a handover re-checks, computed inside its transaction for [the handover day, the due date] without the loan
/// itself: <paramref name="Firm"/> counts approved and out loans (pool counts, reserved units held elsewhere);
/// <paramref name="All"/> counts every hold, so a substitute unit is never one another request has reserved.
/// </summary>
public sealed record ShelfCheck(IReadOnlyDictionary<int, ItemAvailability> Firm, IReadOnlyDictionary<int, ItemAvailability> All);

/// <summary>
/// The one availability function every path uses (request form, check, approval, extension, handover).
/// A unit or quantity is committed from the moment a loan reserves it until it is physically back (domain.md §5): a
/// loan that is out past its due date keeps its units committed for every later period, until they come back.
/// </summary>
public static class AvailabilityCalculator
{
    /// <summary>
    /// A commitment's span from a loan's dates. A loan out past its due date is open-ended: nobody knows when its items
    /// come back, so every later period must do without them (and a loan whose pickup comes early holds from today).
    /// </summary>
    public static (DateOnly From, DateOnly To) Span(DateOnly startOn, DateOnly dueOn, bool isOut, DateOnly today) =>
        (isOut && today < startOn ? today : startOn, isOut && today > dueOn ? DateOnly.MaxValue : dueOn);

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

    /// <summary>
    /// Free units of a numbered item: its lendable units less every unit other loans hold. A held unit that broke,
    /// went missing or was retired on the shelf still counts: the loan holding it was promised a unit and is given a
    /// free one at its handover, so that one is not free for anybody else. (A unit out on a loan stays on loan, and
    /// lendable, until it is back: every held unit that is not lendable is a reservation waiting for a substitute.)
    /// </summary>
    public static int UnitsFree(int lendableUnits, IReadOnlySet<int> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return Math.Max(0, lendableUnits - held.Count);
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
