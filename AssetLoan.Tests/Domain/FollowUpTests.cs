using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>ข้อ ๒๑๑: the demand is due no later than 7 calendar days after the due date.</summary>
public sealed class FollowUpTests
{
    private readonly LoanScenario _s = new();

    [Theory]
    [InlineData("2026-12-31", "2027-01-07")]
    [InlineData("2026-11-25", "2026-12-02")]
    [InlineData("2027-02-28", "2027-03-07")]
    [InlineData("2028-02-28", "2028-03-06")]
    [InlineData("2026-09-30", "2026-10-07")]
    public void DemandDeadline_IsSevenCalendarDaysAfterTheDueDate(string due, string deadline)
    {
        var dueOn = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), FollowUp.DemandDeadline(dueOn));
    }

    [Fact]
    public void DemandMissed_OnlyAfterTheDeadlineAndWithoutADemand()
    {
        var due = new DateOnly(2026, 12, 31);

        Assert.False(FollowUp.DemandMissed(LoanStatus.HandedOver, due, new DateOnly(2027, 1, 7), anyDemand: false, WorkingCalendar.WeekendsOnly));
        Assert.True(FollowUp.DemandMissed(LoanStatus.HandedOver, due, new DateOnly(2027, 1, 8), anyDemand: false, WorkingCalendar.WeekendsOnly));
        Assert.False(FollowUp.DemandMissed(LoanStatus.HandedOver, due, new DateOnly(2027, 1, 8), anyDemand: true, WorkingCalendar.WeekendsOnly));
        Assert.False(FollowUp.DemandMissed(LoanStatus.Returned, due, new DateOnly(2027, 1, 8), anyDemand: false, WorkingCalendar.WeekendsOnly));
        Assert.True(FollowUp.DemandMissed(LoanStatus.PartlyReturned, due, new DateOnly(2027, 2, 1), anyDemand: false, WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void Overdue_StartsTheDayAfterTheDueDate()
    {
        var due = new DateOnly(2026, 12, 31);

        Assert.False(FollowUp.IsOverdue(LoanStatus.HandedOver, due, due, WorkingCalendar.WeekendsOnly));
        Assert.True(FollowUp.IsOverdue(LoanStatus.HandedOver, due, new DateOnly(2027, 1, 1), WorkingCalendar.WeekendsOnly));
        Assert.Equal(8, FollowUp.DaysOverdue(due, new DateOnly(2027, 1, 8), WorkingCalendar.WeekendsOnly));
        Assert.Equal(0, FollowUp.DaysOverdue(due, due, WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void RecordDemand_OverdueLoan_IsRecordedInTheHistory()
    {
        var loan = _s.HandedOver(dueOn: LoanScenario.Today.AddDays(1));
        var today = LoanScenario.Today.AddDays(4);

        loan.RecordDemand(_s.Officer, today, DemandChannel.Letter, "หนังสือที่ มท 5201/123", today, LoanScenario.Now.AddDays(4), WorkingCalendar.WeekendsOnly);

        var demand = Assert.Single(loan.Demands);
        Assert.Equal(DemandChannel.Letter, demand.Channel);
        Assert.Equal("นางสาวพัชรี ใจดี", demand.ByName);
        Assert.Equal("Demand", loan.History[^1].Summary);
    }

    [Fact]
    public void RecordDemand_NotYetOverdue_Throws()
    {
        var loan = _s.HandedOver(dueOn: LoanScenario.Today.AddDays(1));

        var ex = Assert.Throws<DomainRuleException>(() => loan.RecordDemand(_s.Officer, LoanScenario.Today, DemandChannel.Phone, null, LoanScenario.Today.AddDays(1), LoanScenario.Now, WorkingCalendar.WeekendsOnly));

        Assert.Equal("Loan.NotOverdue", ex.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void RecordDemand_DatedOnTheDueDateOrInTheFuture_Throws(int issuedOffset)
    {
        var loan = _s.HandedOver(dueOn: LoanScenario.Today.AddDays(1));
        var today = LoanScenario.Today.AddDays(4);

        var ex = Assert.Throws<DomainRuleException>(() => loan.RecordDemand(_s.Officer, LoanScenario.Today.AddDays(issuedOffset), DemandChannel.Phone, null, today, LoanScenario.Now, WorkingCalendar.WeekendsOnly));

        Assert.Equal("Loan.DemandDate", ex.Code);
    }

    [Fact]
    public void ShouldExpire_AfterThePickupWindowOrTheDueDate()
    {
        var loan = _s.Approved(startOn: LoanScenario.Today, dueOn: LoanScenario.Today.AddDays(6));

        Assert.False(loan.ShouldExpire(LoanScenario.Today.AddDays(3), afterDays: 3));
        Assert.True(loan.ShouldExpire(LoanScenario.Today.AddDays(4), afterDays: 3));

        var shortLoan = new LoanScenario().Approved(startOn: LoanScenario.Today, dueOn: LoanScenario.Today.AddDays(1));
        Assert.True(shortLoan.ShouldExpire(LoanScenario.Today.AddDays(2), afterDays: 3));
    }

    [Fact]
    public void Expire_ReleasesTheReservation()
    {
        var loan = _s.Approved(tents: 2, chairs: 0, startOn: LoanScenario.Today, dueOn: LoanScenario.Today.AddDays(6));

        loan.Expire(LoanScenario.Today.AddDays(4), 3, LoanScenario.Now.AddDays(4));

        Assert.Equal(LoanStatus.Expired, loan.Status);
        Assert.Empty(_s.TentLine(loan).Units);
    }

    [Theory]
    [InlineData(3, "2026-12-04")] // three days after the start, before the due date
    [InlineData(30, "2026-12-10")] // never later than the due date
    [InlineData(0, "2026-12-01")]
    public void PickupDeadline_IsStartPlusDaysCappedAtDue(int afterDays, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Loan.PickupDeadline(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 10), afterDays));
}
