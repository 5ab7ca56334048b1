using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// The transparency statistics of a fiscal year, month by month. A month that has ended no longer changes (its
/// applications, decisions and returns are dated in it, and who was overdue at its end is history), so it is counted once
/// and kept; only the current month is counted again, and only after a write (<see cref="PublicDataVersion"/>) or at
/// midnight. A year's statistics therefore cost one month's rows, however many loans came before.
/// </summary>
public sealed class PublicStatistics(IMemoryCache cache, PublicDataVersion version)
{
    /// <summary>A correction dated in an ended month (e.g. a paper approval keyed in later) shows within this time.</summary>
    private static readonly TimeSpan EndedMonthLifetime = TimeSpan.FromHours(1);

    public async Task<YearStatistics> YearAsync(AppDbContext db, FiscalYear year, DateOnly today, CancellationToken ct)
    {
        var tallies = new List<MonthTally>();
        foreach (var (y, m) in year.Months())
        {
            var first = new DateOnly(y, m, 1);
            var last = first.AddMonths(1).AddDays(-1);
            if (first > today)
            {
                tallies.Add(new MonthTally(y, m, 0, 0, 0, [], 0, 0, null));
                continue;
            }

            var ended = last < today;
            object key = ended ? ("tally", y, m) : ("tally", y, m, today, version.Current);
            if (!cache.TryGetValue(key, out MonthTally? tally) || tally is null)
            {
                tally = await db.MonthTallyAsync(y, m, ended ? last : today, ct);
                cache.Set(key, tally, ended ? EndedMonthLifetime : TimeSpan.FromMinutes(10));
            }

            tallies.Add(tally);
        }

        var overdueToday = tallies.FirstOrDefault(t => t.Year == today.Year && t.Month == today.Month)?.OverdueAtEnd
            ?? (await OverdueTodayAsync(db, today, ct));
        return TransparencyStatistics.FromTallies(year, tallies, overdueToday);
    }

    private async Task<int> OverdueTodayAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var key = ("tally", today.Year, today.Month, today, version.Current);
        if (!cache.TryGetValue(key, out MonthTally? tally) || tally is null)
        {
            tally = await db.MonthTallyAsync(today.Year, today.Month, today, ct);
            cache.Set(key, tally, TimeSpan.FromMinutes(10));
        }

        return tally.OverdueAtEnd ?? 0;
    }
}
