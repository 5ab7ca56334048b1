using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

public sealed class FollowUpComplianceTests
{
    private static readonly DateOnly Due = new(2026, 3, 10);

    [Theory]
    [InlineData(null, null, "2026-03-09", FollowUpOutcome.NotRequired)] // not due yet
    [InlineData("2026-03-10", null, "2026-04-01", FollowUpOutcome.NotRequired)] // back on the due date
    [InlineData(null, null, "2026-03-17", FollowUpOutcome.NotYetDue)] // deadline day itself: still in time
    [InlineData("2026-03-15", null, "2026-04-01", FollowUpOutcome.NotYetDue)] // back late but before the deadline
    [InlineData(null, null, "2026-03-18", FollowUpOutcome.Missing)] // out after the deadline, no demand
    [InlineData("2026-03-20", null, "2026-04-01", FollowUpOutcome.Missing)] // came back after the deadline, never demanded
    [InlineData(null, "2026-03-17", "2026-04-01", FollowUpOutcome.OnTime)] // demand on the deadline
    [InlineData("2026-03-12", "2026-03-11", "2026-04-01", FollowUpOutcome.OnTime)]
    [InlineData(null, "2026-03-18", "2026-04-01", FollowUpOutcome.Late)] // one day after due + 7
    public void Of_ClassifiesTheFollowUp(string? returnedOn, string? demandOn, string today, FollowUpOutcome expected) =>
        Assert.Equal(expected, FollowUpCompliance.Of(Due, Parse(returnedOn), Parse(demandOn), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-01-05", "2026-01-07", 3)] // inside the period, both ends counted
    [InlineData("2025-12-20", "2026-01-03", 3)] // started before the period
    [InlineData("2026-01-30", null, 2)] // still out: to the end of the period
    [InlineData("2025-12-01", "2025-12-31", 0)] // before the period
    public void DaysOnLoan_CountsTheOverlapWithThePeriod(string handedOverOn, string? returnedOn, int expected) =>
        Assert.Equal(expected, Utilisation.DaysOnLoan(DateOnly.Parse(handedOverOn, System.Globalization.CultureInfo.InvariantCulture), Parse(returnedOn),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));

    [Fact]
    public void Share_IsUnitDaysOverCapacity()
    {
        Assert.Equal(0.5, Utilisation.Share(155, 10, 31), 3);
        Assert.Equal(0, Utilisation.Share(5, 0, 31));
    }

    private static DateOnly? Parse(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
