using System.Text.Json;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>
/// /reports/dashboard: กองคลัง's figures for a fiscal year. Every figure is a database count or a projection of a few
/// columns; each chart has the same numbers in a table beside it.
/// </summary>
public sealed class DashboardModel(AppDbContext db, TimeProvider time, PublicDataCache cache) : PageModel
{
    private static readonly LoanStatus[] NotLent = [LoanStatus.Rejected, LoanStatus.Cancelled, LoanStatus.Expired];

    [BindProperty(SupportsGet = true)]
    public int? Fy { get; set; }

    public FiscalYear Year { get; private set; }

    public DateOnly Today { get; private set; }

    public DateOnly PeriodLast { get; private set; }

    public IReadOnlyList<(LoanStatus Status, int Count)> ByStatus { get; private set; } = [];

    /// <summary>Loans listed at most in each list (due this week, overdue); the heading gives the whole count.</summary>
    public const int ListLength = 100;

    /// <summary>Loans named under each follow-up outcome; the count is of all of them.</summary>
    public const int OutcomeLoansShown = 20;

    /// <summary>Items shown in the utilisation chart and table: the most used (a province has thousands).</summary>
    public const int UtilisationShown = 20;

    public IReadOnlyList<LoanBrief> DueThisWeek { get; private set; } = [];

    public int DueThisWeekCount { get; private set; }

    public IReadOnlyList<OverdueBrief> Overdue { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public IReadOnlyDictionary<FollowUpOutcome, OutcomeFigure> Compliance { get; private set; } = new Dictionary<FollowUpOutcome, OutcomeFigure>();

    /// <summary>The <see cref="UtilisationShown"/> most used items of the <see cref="UtilisedItems"/> in the catalogue.</summary>
    public IReadOnlyList<ItemUse> Utilisation { get; private set; } = [];

    public int UtilisedItems { get; private set; }

    public IReadOnlyList<ItemUse> MostBorrowed { get; private set; } = [];

    public IReadOnlyList<(BorrowerKind Kind, int Loans, int Borrowers)> ByKind { get; private set; } = [];

    public double? MedianDaysToDecision { get; private set; }

    public int Decided { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Year = new FiscalYear(Reports.FiscalYearOrCurrent(Fy, time));
        PeriodLast = Year.LastDay < Today ? Year.LastDay : Today;

        // The figures read a year of loans (a province: hundreds of thousands): computed once per year and day, and
        // again after any write to the loans, the registry or the calendar on any instance (PublicDataVersion).
        var f = await cache.KeptAsync(new DashboardFigure(Year.BuddhistYear, Today), () => FiguresAsync(ct));
        (ByStatus, DueThisWeek, DueThisWeekCount, Overdue, OverdueCount, Compliance) = (f.ByStatus, f.DueThisWeek, f.DueThisWeekCount, f.Overdue, f.OverdueCount, f.Compliance);
        (Utilisation, UtilisedItems, MostBorrowed, ByKind, MedianDaysToDecision, Decided) = (f.Utilisation, f.UtilisedItems, f.MostBorrowed, f.ByKind, f.MedianDaysToDecision, f.Decided);
    }

    private async Task<Figures> FiguresAsync(CancellationToken ct)
    {
        var fy = Year.BuddhistYear;
        var yearLoans = db.Loans.AsNoTracking().Where(l => l.FiscalYear == fy);

        var byStatus = (await yearLoans.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(s => s.Key).Select(s => (s.Key, s.Count)).ToList();

        var today = Today;
        var weekEnd = today.AddDays(6);
        var dueThisWeek = db.Loans.AsNoTracking().Out().Where(l => l.DueOn >= today && l.DueOn <= weekEnd);
        var dueCount = await dueThisWeek.CountAsync(ct);
        var due = await Briefs(dueThisWeek).Take(ListLength).ToListAsync(ct);

        var calendar = await db.WorkingCalendarAsync(ct);
        var overdue = db.Loans.AsNoTracking().Overdue(today, calendar);
        var overdueCount = await overdue.CountAsync(ct);
        var overdueList = (await (from l in overdue
                                  join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                                  orderby l.DueOn, l.Id
                                  select new { l.Id, l.Reference, b.Name, l.DueOn, Demands = l.Demands.Count })
                .Take(ListLength).ToListAsync(ct))
            .Select(o => new OverdueBrief(o.Id, o.Reference, o.Name, o.DueOn, FollowUp.DemandDeadline(o.DueOn), o.Demands,
                FollowUp.DemandMissed(LoanStatus.HandedOver, o.DueOn, today, o.Demands > 0, calendar)))
            .ToList();

        // ข้อ ๒๑๑ for the year's loans that were still out after their due date: every loan is classified, each outcome
        // shows its count and its first loans (a province has thousands; the page stays a page).
        var followed = await (from l in yearLoans
                              where l.HandedOverOn != null && l.DueOn < today && (l.ReturnedOn == null || l.ReturnedOn > l.DueOn)
                              orderby l.Number
                              select new { l.Id, l.Reference, l.BorrowerId, l.DueOn, l.ReturnedOn, First = l.Demands.Min(d => (DateOnly?)d.IssuedOn) })
            .ToListAsync(ct);
        var outcomes = followed
            .GroupBy(f => FollowUpCompliance.Of(f.DueOn, f.ReturnedOn, f.First, today, calendar))
            .Where(g => g.Key != FollowUpOutcome.NotRequired)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), First: g.Take(OutcomeLoansShown).ToList()));
        var namesNeeded = outcomes.Values.SelectMany(o => o.First).Select(f => f.BorrowerId).Distinct().ToList();
        var names = await db.Borrowers.AsNoTracking().Where(b => namesNeeded.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var compliance = outcomes.ToDictionary(o => o.Key, o => new OutcomeFigure(o.Value.Count,
            o.Value.First.Select(f => new LoanBrief(f.Id, f.Reference, names.GetValueOrDefault(f.BorrowerId, ""), f.DueOn)).ToList()));

        var utilisation = await UtilisationAsync(Year.FirstDay, PeriodLast, ct);

        var mostBorrowed = (await (from x in db.LoanLines.AsNoTracking()
                                   join l in yearLoans on x.LoanId equals l.Id
                                   where !NotLent.Contains(l.Status)
                                   group x by x.CatalogueItemId into g
                                   select new { g.Key, Loans = g.Select(x => x.LoanId).Distinct().Count(), Quantity = g.Sum(x => x.Quantity) })
                .OrderByDescending(g => g.Loans).ThenByDescending(g => g.Quantity).Take(10).ToListAsync(ct))
            .Join(await db.CatalogueItems.AsNoTracking().Select(c => new { c.Id, c.Name, c.UnitNoun }).ToListAsync(ct), g => g.Key, c => c.Id,
                (g, c) => new ItemUse(c.Id, c.Name, c.UnitNoun, g.Loans, g.Quantity, 0, 0))
            .ToList();

        var byKind = (await yearLoans.GroupBy(l => l.BorrowerKind)
                .Select(g => new { g.Key, Loans = g.Count(), Borrowers = g.Select(l => l.BorrowerId).Distinct().Count() })
                .ToListAsync(ct))
            .OrderBy(k => k.Key).Select(k => (k.Key, k.Loans, k.Borrowers)).ToList();

        var decisions = await yearLoans.Where(l => l.DecidedAtUtc != null).Select(l => new { l.SubmittedAtUtc, l.DecidedAtUtc }).ToListAsync(ct);
        return new Figures(byStatus, due, dueCount, overdueList, overdueCount, compliance,
            utilisation.Take(UtilisationShown).ToList(), utilisation.Count, mostBorrowed, byKind,
            TransparencyStatistics.Median(decisions.Select(d => (d.DecidedAtUtc!.Value - d.SubmittedAtUtc).TotalDays).ToList()), decisions.Count);
    }

    /// <summary>
    /// Share of unit-days on loan per catalogue item over [first, last]: each handed-over line counts its issued
    /// quantity for the days between handover and full return (or the end of the period), against the item's units
    /// (numbered: registered, not retired; pooled: the pool) × the period's days. Lines stream; nothing is held per loan.
    /// </summary>
    private async Task<IReadOnlyList<ItemUse>> UtilisationAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var periodDays = last.DayNumber - first.DayNumber + 1;
        var items = await db.CatalogueItems.AsNoTracking().Where(c => !c.Retired)
            .Select(c => new { c.Id, c.Name, c.UnitNoun, c.TrackingMode, c.PoolQuantity }).ToListAsync(ct);
        var units = await db.Assets.AsNoTracking().Where(a => a.RetiredAtUtc == null).GroupBy(a => a.CatalogueItemId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var unitDays = new Dictionary<int, long>();
        var loans = new Dictionary<int, int>();
        // The loans on loan for some day of the period — handed over by its end and not back before its start — read
        // as three disjoint index ranges: handed over within it, and of those handed over before it, the ones returned
        // within or after it and the ones still out (an out status: a loan handed over and not fully back is out, and
        // only such a loan is; the availability model test checks it after every step). As one condition (handed over
        // ≤ last and not returned before first) PostgreSQL walked the handover index through all history, and "not
        // returned" alone is every loan never handed over (1.4–2.5 s at a million loans, bench/run).
        var all = db.Loans.AsNoTracking();
        var inPeriod = all.Where(l => l.HandedOverOn >= first && l.HandedOverOn <= last && (l.ReturnedOn == null || l.ReturnedOn >= first))
            .Concat(all.Where(l => l.HandedOverOn < first && l.ReturnedOn >= first))
            .Concat(all.Where(l => LoanTransitions.OutStatuses.Contains(l.Status) && l.HandedOverOn < first && l.ReturnedOn == null))
            .Select(l => new { l.Id, l.HandedOverOn, l.ReturnedOn });
        var lines = from x in db.LoanLines.AsNoTracking()
                    join l in inPeriod on x.LoanId equals l.Id
                    where x.IssuedQuantity > 0
                    select new { x.CatalogueItemId, x.IssuedQuantity, HandedOverOn = l.HandedOverOn!.Value, l.ReturnedOn };
        await foreach (var x in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            var days = Domain.Loans.Utilisation.DaysOnLoan(x.HandedOverOn, x.ReturnedOn, first, last);
            unitDays[x.CatalogueItemId] = unitDays.GetValueOrDefault(x.CatalogueItemId) + ((long)days * x.IssuedQuantity);
            loans[x.CatalogueItemId] = loans.GetValueOrDefault(x.CatalogueItemId) + 1;
        }

        return items.Select(i =>
            {
                var capacity = i.TrackingMode == TrackingMode.Pooled ? i.PoolQuantity : units.GetValueOrDefault(i.Id);
                var used = unitDays.GetValueOrDefault(i.Id);
                return new ItemUse(i.Id, i.Name, i.UnitNoun, loans.GetValueOrDefault(i.Id), capacity, used,
                    Math.Round(Domain.Loans.Utilisation.Share(used, capacity, periodDays) * 100, 1));
            })
            .OrderByDescending(i => i.Percent).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
    }

    private IQueryable<LoanBrief> Briefs(IQueryable<Loan> loans) =>
        from l in loans
        join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
        orderby l.DueOn, l.Id
        select new LoanBrief(l.Id, l.Reference, b.Name, l.DueOn);

    public static string Chart(string type, string label, IEnumerable<string> labels, IEnumerable<double> data) =>
        JsonSerializer.Serialize(new { type, label, labels, data });

    public static string OutcomeText(FollowUpOutcome o) => o switch
    {
        FollowUpOutcome.OnTime => "ทวงถามทันกำหนด (ภายใน 7 วัน)",
        FollowUpOutcome.Late => "ทวงถามล่าช้า (เกิน 7 วัน)",
        FollowUpOutcome.Missing => "ไม่ได้ทวงถาม (เลยกำหนดแล้ว)",
        FollowUpOutcome.NotYetDue => "ยังไม่ถึงกำหนดทวงถาม / คืนก่อนถึงกำหนดทวงถาม",
        _ => "คืนตามกำหนด",
    };

    public static readonly FollowUpOutcome[] Outcomes = [FollowUpOutcome.OnTime, FollowUpOutcome.Late, FollowUpOutcome.Missing, FollowUpOutcome.NotYetDue];

    public sealed record LoanBrief(int Id, string Reference, string BorrowerName, DateOnly DueOn);

    /// <summary>How many of the year's loans had this follow-up outcome, and the first of them by number.</summary>
    public sealed record OutcomeFigure(int Count, IReadOnlyList<LoanBrief> First);

    private sealed record Figures(
        IReadOnlyList<(LoanStatus Status, int Count)> ByStatus,
        IReadOnlyList<LoanBrief> DueThisWeek,
        int DueThisWeekCount,
        IReadOnlyList<OverdueBrief> Overdue,
        int OverdueCount,
        IReadOnlyDictionary<FollowUpOutcome, OutcomeFigure> Compliance,
        IReadOnlyList<ItemUse> Utilisation,
        int UtilisedItems,
        IReadOnlyList<ItemUse> MostBorrowed,
        IReadOnlyList<(BorrowerKind Kind, int Loans, int Borrowers)> ByKind,
        double? MedianDaysToDecision,
        int Decided);

    public sealed record OverdueBrief(int Id, string Reference, string BorrowerName, DateOnly DueOn, DateOnly DemandDeadline, int Demands, bool DemandMissed);

    /// <summary>An item's use in the period: loans, quantity or units, unit-days on loan and the share in percent.</summary>
    public sealed record ItemUse(int Id, string Name, string UnitNoun, int Loans, int Units, long UnitDays, double Percent);
}
