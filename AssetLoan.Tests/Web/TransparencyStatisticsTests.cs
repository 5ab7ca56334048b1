using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;

namespace AssetLoan.Tests.Web;

public sealed class TransparencyStatisticsTests
{
    private static readonly FiscalYear Year2569 = new(2569);

    private static LoanFact Fact(string submitted, string? decided, double? days, bool approved, bool rejected, string due, string? handed, string? returned) =>
        new(DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture), decided is null ? null : DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture),
            days, approved, rejected, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            handed is null ? null : DateOnly.Parse(handed, System.Globalization.CultureInfo.InvariantCulture),
            returned is null ? null : DateOnly.Parse(returned, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly LoanFact[] Facts =
    [
        Fact("2025-10-05", "2025-10-07", 2, true, false, "2025-10-12", "2025-10-10", "2025-10-12"), // returned on the due date
        Fact("2025-10-20", "2025-10-21", 1, false, true, "2025-10-25", null, null),                  // rejected
        Fact("2025-11-01", "2025-11-05", 4, true, false, "2025-11-08", "2025-11-06", "2025-11-15"),  // returned a week late
        Fact("2025-11-10", "2025-11-11", 1, true, false, "2025-11-14", "2025-11-12", null),          // still out
        Fact("2025-09-28", "2025-09-29", 1, true, false, "2025-09-30", "2025-09-29", "2025-09-30"),  // previous fiscal year
    ];

    [Fact]
    public void Compute_CountsEachMonthByWhenThingsHappened()
    {
        var stats = TransparencyStatistics.Compute(Facts, Year2569, new DateOnly(2025, 12, 10), WorkingCalendar.WeekendsOnly);

        Assert.Equal(12, stats.Months.Count);
        Assert.Equal((2025, 10), (stats.Months[0].Year, stats.Months[0].Month));
        Assert.Equal((2026, 9), (stats.Months[11].Year, stats.Months[11].Month));
        var october = stats.Months[0];
        Assert.Equal((2, 1, 1, 1.5), (october.Applications, october.Approvals, october.Rejections, october.MedianDaysToDecision!.Value));
        Assert.Equal((1, 1, 100.0, 0), (october.Returned, october.ReturnedOnTime, october.OnTimeRatePercent!.Value, october.OverdueAtEnd!.Value));
        var november = stats.Months[1];
        Assert.Equal((2, 2, 0, 2.5), (november.Applications, november.Approvals, november.Rejections, november.MedianDaysToDecision!.Value));
        Assert.Equal((1, 0, 0.0, 1), (november.Returned, november.ReturnedOnTime, november.OnTimeRatePercent!.Value, november.OverdueAtEnd!.Value));
        Assert.Equal(1, stats.Months[2].OverdueAtEnd);
        Assert.Null(stats.Months[2].OnTimeRatePercent);
        Assert.Null(stats.Months[3].OverdueAtEnd);
    }

    [Fact]
    public void Compute_TotalCoversTheFiscalYearOnlyAndOverdueNow()
    {
        var total = TransparencyStatistics.Compute(Facts, Year2569, new DateOnly(2025, 12, 10), WorkingCalendar.WeekendsOnly).Total;
        Assert.Equal((4, 3, 1), (total.Applications, total.Approvals, total.Rejections));
        Assert.Equal(1.5, total.MedianDaysToDecision);
        Assert.Equal((2, 1, 50.0), (total.Returned, total.ReturnedOnTime, total.OnTimeRatePercent!.Value));
        Assert.Equal(1, total.OverdueAtEnd);
    }

    [Fact]
    public void OverdueOn_CountsLoansOutPastTheirLastOnTimeReturnDayOnThatDay()
    {
        var calendar = WorkingCalendar.WeekendsOnly;
        // Due Saturday 8 Nov 2025: a return on Monday 10 Nov is on time, so it is overdue from Tuesday.
        Assert.Equal(0, TransparencyStatistics.OverdueOn(Facts, new DateOnly(2025, 11, 10), calendar));
        Assert.Equal(1, TransparencyStatistics.OverdueOn(Facts, new DateOnly(2025, 11, 11), calendar));
        Assert.Equal(0, TransparencyStatistics.OverdueOn(Facts, new DateOnly(2025, 11, 8), calendar));
        Assert.Equal(1, TransparencyStatistics.OverdueOn(Facts, new DateOnly(2025, 11, 15), calendar));
    }

    [Theory]
    [InlineData(new double[] { 3 }, 3)]
    [InlineData(new double[] { 5, 1, 3 }, 3)]
    [InlineData(new double[] { 4, 1, 2, 10 }, 3)]
    public void Median_OddAndEvenCounts(double[] values, double expected) => Assert.Equal(expected, TransparencyStatistics.Median(values));

    [Fact]
    public void Median_NoValues_IsNull() => Assert.Null(TransparencyStatistics.Median([]));
}
