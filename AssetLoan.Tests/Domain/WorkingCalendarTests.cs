using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

public sealed class WorkingCalendarTests
{
    // 28 Nov 2026 is a Saturday; 5 Dec 2026 (วันพ่อแห่งชาติ) a Saturday; 13–15 Apr 2027 (สงกรานต์) Tue–Thu.
    private static readonly DateOnly Saturday = new(2026, 11, 28);
    private static readonly WorkingCalendar Thai = new(PublicHoliday.FixedThaiHolidays.Select(h => new PublicHoliday(null, h.Month, h.Day, h.Name)));
    private readonly LoanScenario _s = new();

    [Fact]
    public void SaturdayFuneral_TentsPickedUpFridayAndReturnedMonday_NotOverdue()
    {
        var loan = _s.Approved(tents: 2, chairs: 0, startOn: Saturday, dueOn: Saturday);

        var window = loan.HandoverWindow(Thai);
        Assert.Equal(new DateOnly(2026, 11, 27), window.From);
        loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, new DateOnly(2026, 11, 27), LoanScenario.Now, Thai);

        Assert.Equal(LoanStatus.HandedOver, loan.Status);
        Assert.False(loan.IsOverdue(new DateOnly(2026, 11, 30), Thai));
        Assert.True(loan.IsOverdue(new DateOnly(2026, 12, 1), Thai));
        Assert.Equal(0, FollowUp.DaysOverdue(loan.DueOn, new DateOnly(2026, 11, 30), Thai));
        Assert.Equal(1, FollowUp.DaysOverdue(loan.DueOn, new DateOnly(2026, 12, 1), Thai));
    }

    [Fact]
    public void HandOver_BeforeThePickupDay_ThrowsNotYet()
    {
        var loan = _s.Approved(tents: 1, chairs: 0, startOn: Saturday, dueOn: Saturday);

        var ex = Assert.Throws<DomainRuleException>(() =>
            loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, new DateOnly(2026, 11, 26), LoanScenario.Now, Thai));

        Assert.Equal("Loan.HandoverNotYet", ex.Code);
        Assert.Equal(LoanStatus.Approved, loan.Status);
    }

    [Fact]
    public void HandOver_NoPickupDaysBeforeStart_OpensOnTheStart()
    {
        var loan = _s.Approved(tents: 1, chairs: 0, startOn: Saturday, dueOn: Saturday);
        var strict = new WorkingCalendar([], pickupWorkingDays: 0);

        Assert.Equal(Saturday, loan.HandoverWindow(strict).From);
        Assert.Throws<DomainRuleException>(() =>
            loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, new DateOnly(2026, 11, 27), LoanScenario.Now, strict));
    }

    [Fact]
    public void PickupFrom_SkipsHolidaysAndWeekends()
    {
        // Due to start Saturday 5 Dec 2026 (a holiday itself): the last working day before is Friday 4 Dec.
        Assert.Equal(new DateOnly(2026, 12, 4), Thai.PickupFrom(new DateOnly(2026, 12, 5)));
        // Start Friday 16 Apr 2027: 13–15 Apr are Songkran, so pickup opens Monday 12 Apr.
        Assert.Equal(new DateOnly(2027, 4, 12), Thai.PickupFrom(new DateOnly(2027, 4, 16)));
        Assert.Equal(new DateOnly(2027, 4, 9), new WorkingCalendar(Thai.Holidays, 2).PickupFrom(new DateOnly(2027, 4, 16)));
    }

    [Fact]
    public void ReturnBy_DueOnAHolidayRun_IsTheFirstWorkingDayAfter()
    {
        Assert.Equal(new DateOnly(2027, 4, 16), Thai.ReturnBy(new DateOnly(2027, 4, 13)));
        Assert.Equal(new DateOnly(2026, 12, 7), Thai.ReturnBy(new DateOnly(2026, 12, 5)));
        Assert.Equal(new DateOnly(2026, 12, 4), Thai.ReturnBy(new DateOnly(2026, 12, 4)));
        Assert.True(Thai.ReturnedOnTime(new DateOnly(2027, 4, 13), new DateOnly(2027, 4, 16)));
        Assert.False(Thai.ReturnedOnTime(new DateOnly(2027, 4, 13), new DateOnly(2027, 4, 17)));
    }

    [Fact]
    public void OverdueIfDueOnOrBefore_AgreesWithIsOverdueForEveryDueDate()
    {
        for (var today = new DateOnly(2026, 12, 1); today < new DateOnly(2027, 5, 1); today = today.AddDays(1))
        {
            var cutoff = Thai.OverdueIfDueOnOrBefore(today);
            for (var due = today.AddDays(-10); due <= today; due = due.AddDays(1))
            {
                Assert.Equal(Thai.IsOverdue(due, today), due <= cutoff);
            }
        }
    }

    [Fact]
    public void LatestStartPickableOn_AgreesWithPickupFrom()
    {
        for (var today = new DateOnly(2026, 12, 1); today < new DateOnly(2027, 5, 1); today = today.AddDays(1))
        {
            var latest = Thai.LatestStartPickableOn(today);
            for (var start = today; start <= today.AddDays(10); start = start.AddDays(1))
            {
                Assert.Equal(Thai.PickupFrom(start) <= today, start <= latest);
            }
        }
    }

    [Fact]
    public void ThaiDays_NameAndAbbreviation()
    {
        Assert.Equal("วันศุกร์ที่ 27 พฤศจิกายน 2569", ThaiDays.WithDate(new DateOnly(2026, 11, 27)));
        Assert.Equal("ศ.", ThaiDays.Abbreviation(DayOfWeek.Friday));
        Assert.Equal("พฤ.", ThaiDays.Abbreviation(DayOfWeek.Thursday));
    }

    [Fact]
    public void PublicHoliday_EveryYearOrOneDate()
    {
        Assert.True(new PublicHoliday(null, 4, 13, "วันสงกรานต์").FallsOn(new DateOnly(2030, 4, 13)));
        Assert.False(PublicHoliday.On(new DateOnly(2027, 2, 21), "วันมาฆบูชา").FallsOn(new DateOnly(2028, 2, 21)));
        Assert.Equal("Holiday.InvalidDate", Assert.Throws<DomainRuleException>(() => new PublicHoliday(2027, 2, 30, "x")).Code);
        Assert.Equal("Holiday.NameRequired", Assert.Throws<DomainRuleException>(() => new PublicHoliday(null, 1, 1, " ")).Code);
    }

    [Theory]
    [InlineData("8/2570", 8, 2570)]
    [InlineData("0008/2570", 8, 2570)]
    [InlineData(" ๘/๒๕๗๐ ", 8, 2570)]
    public void LoanReference_ParsesBothSpellings(string text, int number, int year)
    {
        Assert.True(LoanReference.TryParse(text, out var n, out var y));
        Assert.Equal((number, year), (n, y));
    }

    [Theory]
    [InlineData("8/70")]
    [InlineData("abc")]
    [InlineData("0/2570")]
    public void LoanReference_RefusesOtherText(string text) => Assert.False(LoanReference.TryParse(text, out _, out _));

    [Fact]
    public void Endorse_HeadOfFallbackDivision_WhenBorrowersDivisionHasNoHead_EndorsesOnBehalf()
    {
        var loan = Loan.Submit(new LoanRequest("ประชุม", "ห้องประชุม", false, LoanScenario.Today, LoanScenario.Today, [new RequestedLine(_s.Chairs.Id, 5)]),
            _s.Borrower, _s.Items, _s.Employee, 1, FiscalYear.Of(LoanScenario.Today), LoanScenario.Today, LoanScenario.Now);
        var financeHead = _s.Head with { UserId = "u-fin", DivisionId = 2 };

        Assert.Equal(2, EndorsementRouting.EndorsingDivision(_s.Borrower.DivisionId, borrowerDivisionHasHead: false, fallbackDivisionId: 2));
        Assert.Equal(_s.Borrower.DivisionId, EndorsementRouting.EndorsingDivision(_s.Borrower.DivisionId, borrowerDivisionHasHead: true, fallbackDivisionId: 2));
        Assert.Equal("Loan.EndorserOtherDivision", Assert.Throws<DomainRuleException>(() => loan.Endorse(financeHead, LoanScenario.Now)).Code);
        loan.Endorse(financeHead, LoanScenario.Now, endorsingDivisionId: 2);

        Assert.Equal(LoanStatus.Endorsed, loan.Status);
        Assert.Equal(EndorsementRouting.FallbackNote, loan.History[^1].Note);
    }
}
