using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>The one availability function (domain.md §5): pool peak-day overlap, overdue loans, firm holds.</summary>
public sealed class AvailabilityCalculatorTests
{
    private static readonly DateOnly D1 = new(2026, 12, 1);

    [Fact]
    public void UnitsFree_AHeldUnitThatBrokeOnTheShelf_StillCountsAgainstTheGoodOnes()
    {
        // Four tents; loan 1 holds units 1 and 2, then units 1 and 3 break: two are lendable and loan 1 needs both
        // (unit 1 is replaced at its handover), so none is free though unit 4 is held by nobody.
        Assert.Equal(0, AvailabilityCalculator.UnitsFree(2, new HashSet<int> { 1, 2 }));
        Assert.Equal(1, AvailabilityCalculator.UnitsFree(3, new HashSet<int> { 1, 2 }));
        Assert.Equal(0, AvailabilityCalculator.UnitsFree(1, new HashSet<int> { 1, 2 }));
        Assert.Equal(4, AvailabilityCalculator.UnitsFree(4, new HashSet<int>()));
    }

    [Fact]
    public void PoolFree_NoCommitments_IsCapacity() =>
        Assert.Equal(300, AvailabilityCalculator.PoolFree(300, [], D1, D1.AddDays(2), firmOnly: false));

    [Fact]
    public void PoolFree_LoansOnDifferentDays_LimitedByBusiestDayNotTheSum()
    {
        // 1–2 Dec: 100 chairs; 3–4 Dec: 150 chairs. A request for 1–4 Dec meets both, but never on the same day.
        Commitment[] c = [Pool(1, 100, D1, D1.AddDays(1)), Pool(2, 150, D1.AddDays(2), D1.AddDays(3))];
        Assert.Equal(150, AvailabilityCalculator.PoolFree(300, c, D1, D1.AddDays(3), firmOnly: false));
    }

    [Fact]
    public void PoolFree_OverlappingLoans_SumOnTheSharedDay()
    {
        Commitment[] c = [Pool(1, 100, D1, D1.AddDays(2)), Pool(2, 150, D1.AddDays(2), D1.AddDays(3))];
        Assert.Equal(50, AvailabilityCalculator.PoolFree(300, c, D1, D1.AddDays(3), firmOnly: false));
    }

    [Fact]
    public void PoolFree_CommitmentStartingBeforeThePeriod_CountsFromThePeriodStart()
    {
        Commitment[] c = [Pool(1, 120, D1.AddDays(-5), D1), Pool(2, 100, D1, D1.AddDays(1))];
        Assert.Equal(80, AvailabilityCalculator.PoolFree(300, c, D1, D1.AddDays(1), firmOnly: false));
    }

    [Fact]
    public void PoolFree_BackToBackLoans_DoNotOverlap()
    {
        Commitment[] c = [Pool(1, 300, D1.AddDays(-2), D1.AddDays(-1))];
        Assert.Equal(300, AvailabilityCalculator.PoolFree(300, c, D1, D1, firmOnly: false));
    }

    [Fact]
    public void PoolFree_FirmOnly_IgnoresCheckedReservations()
    {
        Commitment[] c = [Pool(1, 200, D1, D1, firm: false), Pool(2, 50, D1, D1, firm: true)];
        Assert.Equal(50, AvailabilityCalculator.PoolFree(300, c, D1, D1, firmOnly: false));
        Assert.Equal(250, AvailabilityCalculator.PoolFree(300, c, D1, D1, firmOnly: true));
    }

    [Fact]
    public void PoolFree_ExcludesTheLoanItself()
    {
        Commitment[] c = [Pool(7, 250, D1, D1)];
        Assert.Equal(300, AvailabilityCalculator.PoolFree(300, c, D1, D1, firmOnly: false, excludeLoanId: 7));
    }

    [Fact]
    public void PoolFree_NeverBelowZero()
    {
        // After a stock count the pool holds fewer than the loans already out.
        Commitment[] c = [Pool(1, 20, D1, D1, firm: true)];
        Assert.Equal(0, AvailabilityCalculator.PoolFree(5, c, D1, D1, firmOnly: true));
    }

    [Fact]
    public void Span_OverdueLoanOut_BlocksEveryLaterPeriodUntilBack()
    {
        var today = D1.AddDays(10);
        var (from, to) = AvailabilityCalculator.Span(D1, D1.AddDays(2), isOut: true, today);
        Assert.Equal(D1, from);
        Assert.Equal(DateOnly.MaxValue, to);
        Commitment[] c = [Pool(1, 100, from, to, firm: true)];
        Assert.Equal(200, AvailabilityCalculator.PoolFree(300, c, today, today, firmOnly: true));
        Assert.Equal(200, AvailabilityCalculator.PoolFree(300, c, today.AddDays(30), today.AddDays(31), firmOnly: true));
    }

    [Fact]
    public void Span_OutNotYetDue_KeepsItsDueDate()
    {
        var (_, to) = AvailabilityCalculator.Span(D1, D1.AddDays(2), isOut: true, D1.AddDays(1));
        Assert.Equal(D1.AddDays(2), to);
    }

    [Fact]
    public void Span_ApprovedNotOut_KeepsItsDueDate()
    {
        var (_, to) = AvailabilityCalculator.Span(D1, D1.AddDays(2), isOut: false, D1.AddDays(10));
        Assert.Equal(D1.AddDays(2), to);
    }

    [Fact]
    public void UnitsHeld_OnlyOverlappingAndFirmWhenAsked()
    {
        Commitment[] c =
        [
            new(1, 5, 101, 1, D1, D1.AddDays(1), Firm: true),
            new(2, 5, 102, 1, D1, D1.AddDays(1), Firm: false),
            new(3, 5, 103, 1, D1.AddDays(5), D1.AddDays(6), Firm: true),
        ];
        Assert.Equal([101, 102], AvailabilityCalculator.UnitsHeld(c, D1, D1, firmOnly: false).Order());
        Assert.Equal([101], AvailabilityCalculator.UnitsHeld(c, D1, D1, firmOnly: true));
        Assert.Equal([102], AvailabilityCalculator.UnitsHeld(c, D1, D1, firmOnly: false, excludeLoanId: 1));
    }

    [Fact]
    public void Calendar_FreePerDay()
    {
        Commitment[] c = [Pool(1, 100, D1, D1.AddDays(1)), Pool(2, 250, D1.AddDays(1), D1.AddDays(1))];
        var days = AvailabilityCalculator.Calendar(300, c, D1, D1.AddDays(2));
        Assert.Equal([200, 0, 300], days.Select(d => d.Free));
    }

    private static Commitment Pool(int loanId, int quantity, DateOnly from, DateOnly to, bool firm = true) =>
        new(loanId, 5, null, quantity, from, to, firm);
}
