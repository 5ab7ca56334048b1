using AssetLoan.Domain.Calendar;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>What the books pages share: the fiscal year asked for, or the current one (Bangkok).</summary>
public static class Reports
{
    public static int FiscalYearOrCurrent(int? fy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var current = FiscalYear.Of(BangkokTime.Today(time.GetUtcNow().UtcDateTime)).BuddhistYear;
        // A Gregorian year typed by mistake (2026) or nonsense falls back to the current year.
        return fy is >= 2500 and <= 2700 ? fy.Value : current;
    }

    public static IEnumerable<int> RecentYears(int around, TimeProvider time)
    {
        var current = FiscalYearOrCurrent(null, time);
        var first = Math.Min(around, current) - 4;
        var last = Math.Max(around, current);
        for (var y = last; y >= first; y--)
        {
            yield return y;
        }
    }
}
