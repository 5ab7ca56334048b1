using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// What the public transparency page (ITA evidence, domain.md §9) shows: the lendable catalogue with what is free,
/// monthly statistics of a fiscal year and an anonymised register. Nothing here carries a name, an ID, a phone, an
/// address, a purpose or a place: only items, quantities, borrower kinds, dates and outcomes.
/// </summary>
public static class TransparencyQueries
{
    /// <summary>
    /// Every audience that includes the public or other agencies. The audience is stored as its flag names ("Staff,
    /// Agencies"), so the database is asked for these values rather than for a bitwise test.
    /// </summary>
    private static readonly BorrowerAudience[] PublicAudiences = Enumerable.Range(0, (int)BorrowerAudience.Everyone + 1)
        .Select(v => (BorrowerAudience)v)
        .Where(a => a.HasFlag(BorrowerAudience.Public) || a.HasFlag(BorrowerAudience.Agencies))
        .ToArray();

    /// <summary>Items the public or other agencies may borrow (not retired).</summary>
    private static IQueryable<CatalogueItem> PublicItems(AppDbContext db) =>
        db.CatalogueItems.AsNoTracking().Where(c => !c.Retired && PublicAudiences.Contains(c.Audience));

    /// <summary>
    /// Items the public or other agencies may borrow, with what is free for [from, to]: all of them, or only
    /// <paramref name="onlyIds"/> (a form that shows a few items counts only those).
    /// </summary>
    public static async Task<IReadOnlyList<PublicCatalogueItem>> PublicCatalogueAsync(this AppDbContext db, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct, IReadOnlyCollection<int>? onlyIds = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = PublicItems(db);
        if (onlyIds is not null)
        {
            if (onlyIds.Count == 0)
            {
                return [];
            }

            query = query.Where(c => onlyIds.Contains(c.Id));
        }

        var items = await query.OrderBy(c => c.Name).ToListAsync(ct);
        var free = await db.AvailabilityAsync(items.Select(i => i.Id).ToList(), from, to, today, firmOnly: false, excludeLoanId: null, ct);
        return items.Select(i => new PublicCatalogueItem(i.Id, i.Name, i.UnitNoun, i.Description, i.Tag, i.IsConsumable,
            i.Audience.HasFlag(BorrowerAudience.Public), i.Audience.HasFlag(BorrowerAudience.Agencies), i.MaxLoanDays,
            free.TryGetValue(i.Id, out var a) ? a.FreeQuantity : 0)).ToList();
    }

    /// <summary>How many items the public catalogue holds (a municipality: tens; a province: thousands).</summary>
    public static Task<int> PublicCatalogueSizeAsync(this AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PublicItems(db).CountAsync(ct);
    }

    /// <summary>
    /// The public items whose name contains <paramref name="text"/> (or whose tag or category is it), first
    /// <paramref name="take"/> by name, and how many match in all.
    /// </summary>
    public static async Task<(IReadOnlyList<int> Ids, int Matching)> FindPublicItemsAsync(this AppDbContext db, string text, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4).ToList();
        if (words.Count == 0)
        {
            return ([], 0);
        }

        var query = PublicItems(db);
        foreach (var word in words)
        {
            var w = word;
            query = query.Where(c => c.Name.Contains(w) || c.Tag == w || db.Categories.Any(k => k.Id == c.CategoryId && k.Name.Contains(w)));
        }

        var matching = await query.CountAsync(ct);
        var ids = await query.OrderBy(c => c.Name).Select(c => c.Id).Take(take).ToListAsync(ct);
        return (ids, matching);
    }

    /// <summary>The outcome facts of every loan filed up to the end of <paramref name="year"/> (a municipality files hundreds a year).</summary>
    public static async Task<IReadOnlyList<LoanFact>> LoanFactsAsync(this AppDbContext db, FiscalYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var end = BangkokTime.StartOfDayUtc(year.LastDay.AddDays(1));
        var rows = await db.Loans.AsNoTracking()
            .Where(l => l.SubmittedAtUtc < end)
            .Select(l => new { l.SubmittedAtUtc, l.DecidedAtUtc, Approved = l.ApprovedByName != null, l.Status, l.DueOn, l.HandedOverOn, l.ReturnedOn })
            .ToListAsync(ct);
        return rows.Select(r => new LoanFact(
            BangkokTime.Today(r.SubmittedAtUtc),
            r.DecidedAtUtc is { } d ? BangkokTime.Today(d) : null,
            r.DecidedAtUtc is { } t ? (t - r.SubmittedAtUtc).TotalDays : null,
            r.Approved,
            r.Status == LoanStatus.Rejected,
            r.DueOn,
            r.HandedOverOn,
            r.ReturnedOn)).ToList();
    }

    /// <summary>The fiscal years that have loans, newest first, always including the current one.</summary>
    public static async Task<IReadOnlyList<FiscalYear>> FiscalYearsAsync(this AppDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = await db.Loans.AsNoTracking().MinAsync(l => (int?)l.FiscalYear, ct);
        var current = FiscalYear.Of(today);
        var years = new List<FiscalYear>();
        for (var y = current.BuddhistYear; y >= Math.Min(first ?? current.BuddhistYear, current.BuddhistYear); y--)
        {
            years.Add(new FiscalYear(y));
        }

        return years;
    }

    /// <summary>
    /// One page of the anonymised register of a fiscal year, newest first: what was lent to which kind of borrower, when,
    /// and how it ended. A page reads <paramref name="pageSize"/> + 1 rows over the submission-time index, so its cost
    /// does not depend on how many loans the year holds.
    /// </summary>
    public static async Task<RegisterPage> AnonymisedRegisterAsync(this AppDbContext db, FiscalYear year, DateOnly today, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var calendar = await db.WorkingCalendarAsync(ct);
        page = Math.Clamp(page, 1, MaxRegisterPage);
        var from = BangkokTime.StartOfDayUtc(year.FirstDay);
        var to = BangkokTime.StartOfDayUtc(year.LastDay.AddDays(1));
        var rows = await db.Loans.AsNoTracking()
            .Where(l => l.SubmittedAtUtc >= from && l.SubmittedAtUtc < to)
            .OrderByDescending(l => l.SubmittedAtUtc).ThenByDescending(l => l.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize + 1)
            .Select(l => new
            {
                l.SubmittedAtUtc,
                l.BorrowerKind,
                l.StartOn,
                l.DueOn,
                l.Status,
                l.ReturnedOn,
                Lines = l.Lines.Select(x => new RegisterLine(x.ItemName, x.Quantity, x.UnitNoun)).ToList(),
            })
            .ToListAsync(ct);
        var shown = rows.Take(pageSize).Select(r => new RegisterRow(BangkokTime.Today(r.SubmittedAtUtc), r.Lines, r.BorrowerKind, r.StartOn, r.DueOn, r.Status,
            ReturnTiming(r.Status, r.DueOn, r.ReturnedOn, today, calendar), r.ReturnedOn is { } back ? calendar.DaysLate(r.DueOn, back) : 0)).ToList();
        return new RegisterPage(shown, page, rows.Count > pageSize && page < MaxRegisterPage);
    }

    /// <summary>Deep pages cost more (the database skips the rows before them); the full register is in the statistics CSV's year.</summary>
    public const int MaxRegisterPage = 1000;

    /// <summary>
    /// The counts of one calendar month, each read by its own range over an index (submitted, decided, returned), so a
    /// month costs what that month holds, not what the whole history holds. <paramref name="overdueOn"/>: the day on which
    /// loans out past their due date are counted (the month's last day, or today for the current month); null for a month
    /// still to come. Same definitions as <see cref="TransparencyStatistics.Compute"/>, which the tests compare it with.
    /// </summary>
    public static async Task<MonthTally> MonthTallyAsync(this AppDbContext db, int year, int month, DateOnly? overdueOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var calendar = await db.WorkingCalendarAsync(ct);
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var from = BangkokTime.StartOfDayUtc(first);
        var to = BangkokTime.StartOfDayUtc(last.AddDays(1));
        var loans = db.Loans.AsNoTracking();
        var applications = await loans.CountAsync(l => l.SubmittedAtUtc >= from && l.SubmittedAtUtc < to, ct);
        var decided = await loans
            .Where(l => l.DecidedAtUtc >= from && l.DecidedAtUtc < to && (l.ApprovedByName != null || l.Status == LoanStatus.Rejected))
            .Select(l => new { l.SubmittedAtUtc, DecidedAtUtc = l.DecidedAtUtc!.Value, Approved = l.ApprovedByName != null, Rejected = l.Status == LoanStatus.Rejected })
            .ToListAsync(ct);
        var returned = await loans.CountAsync(l => l.ReturnedOn >= first && l.ReturnedOn <= last, ct);
        // On time by date is counted in SQL; a return after the due date may still be on time when the due date fell on a
        // weekend or holiday (returned on the next working day), which only the calendar can tell: those few are read.
        var onTimeByDate = await loans.CountAsync(l => l.ReturnedOn >= first && l.ReturnedOn <= last && l.ReturnedOn <= l.DueOn, ct);
        var afterDue = await loans
            .Where(l => l.ReturnedOn >= first && l.ReturnedOn <= last && l.ReturnedOn > l.DueOn)
            .Select(l => new { l.DueOn, ReturnedOn = l.ReturnedOn!.Value })
            .ToListAsync(ct);
        var onTime = onTimeByDate + afterDue.Count(r => calendar.ReturnedOnTime(r.DueOn, r.ReturnedOn));
        int? overdue = null;
        if (overdueOn is { } day)
        {
            // Overdue on a day = due on or before the last working day before it (the return-by day has passed).
            var dueBy = calendar.OverdueIfDueOnOrBefore(day);
            overdue = await loans.CountAsync(l => l.HandedOverOn <= day && l.DueOn <= dueBy && (l.ReturnedOn == null || l.ReturnedOn > day), ct);
        }
        var days = decided.Select(d => (d.DecidedAtUtc - d.SubmittedAtUtc).TotalDays).Order().ToArray();
        return new MonthTally(year, month, applications, decided.Count(d => d.Approved), decided.Count(d => d.Rejected), days, returned, onTime, overdue);
    }

    /// <summary>On time includes a return on the first working day after a due date on a weekend or holiday.</summary>
    private static ReturnTiming ReturnTiming(LoanStatus status, DateOnly dueOn, DateOnly? returnedOn, DateOnly today, WorkingCalendar calendar) =>
        returnedOn is { } back ? calendar.ReturnedOnTime(dueOn, back) ? Data.ReturnTiming.OnTime : Data.ReturnTiming.Late
        : FollowUp.IsOverdue(status, dueOn, today, calendar) ? Data.ReturnTiming.Overdue
        : LoanTransitions.IsOut(status) ? Data.ReturnTiming.NotYetDue
        : Data.ReturnTiming.NotApplicable;
}

/// <summary>Computes the monthly statistics of a fiscal year from loan facts; pure, so it is tested without a database.</summary>
public static class TransparencyStatistics
{
    public static YearStatistics Compute(IEnumerable<LoanFact> facts, FiscalYear year, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        var all = facts.ToList();
        var months = year.Months().Select(m =>
        {
            var first = new DateOnly(m.Year, m.Month, 1);
            var last = first.AddMonths(1).AddDays(-1);
            return Summarise(all, first, last, m.Year, m.Month, first > today ? null : OverdueOn(all, last < today ? last : today, calendar), calendar);
        }).ToList();
        var total = Summarise(all, year.FirstDay, year.LastDay, 0, 0, OverdueOn(all, today, calendar), calendar);
        return new YearStatistics(year, months, total);
    }

    /// <summary>Loans out on <paramref name="day"/> past their last on-time return day (overdue is derived, never stored).</summary>
    public static int OverdueOn(IEnumerable<LoanFact> facts, DateOnly day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return facts.Count(f => f.HandedOverOn is { } h && h <= day && calendar.IsOverdue(f.DueOn, day) && (f.ReturnedOn is null || f.ReturnedOn > day));
    }

    /// <summary>The year from its months' tallies; the year's median is taken over every decision of the year.</summary>
    public static YearStatistics FromTallies(FiscalYear year, IReadOnlyList<MonthTally> months, int overdueToday)
    {
        ArgumentNullException.ThrowIfNull(months);
        var rows = months.Select(m => Row(m.Year, m.Month, m.Applications, m.Approvals, m.Rejections, m.DaysToDecision, m.Returned, m.ReturnedOnTime, m.OverdueAtEnd)).ToList();
        var total = Row(0, 0, months.Sum(m => m.Applications), months.Sum(m => m.Approvals), months.Sum(m => m.Rejections),
            months.SelectMany(m => m.DaysToDecision).ToList(), months.Sum(m => m.Returned), months.Sum(m => m.ReturnedOnTime), overdueToday);
        return new YearStatistics(year, rows, total);
    }

    private static MonthStatistics Row(int year, int month, int applications, int approvals, int rejections, IReadOnlyList<double> days, int returned, int onTime, int? overdue) =>
        new(year, month, applications, approvals, rejections, Median(days), returned, onTime, returned == 0 ? null : 100.0 * onTime / returned, overdue);

    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static MonthStatistics Summarise(List<LoanFact> all, DateOnly first, DateOnly last, int year, int month, int? overdue, WorkingCalendar calendar)
    {
        bool In(DateOnly? d) => d is { } x && x >= first && x <= last;
        var decided = all.Where(f => In(f.DecidedOn) && (f.Approved || f.Rejected)).ToList();
        var returned = all.Where(f => In(f.ReturnedOn)).ToList();
        var onTime = returned.Count(f => calendar.ReturnedOnTime(f.DueOn, f.ReturnedOn!.Value));
        return new MonthStatistics(
            year,
            month,
            all.Count(f => In(f.SubmittedOn)),
            decided.Count(f => f.Approved),
            decided.Count(f => f.Rejected),
            Median(decided.Select(f => f.DaysToDecision!.Value).ToList()),
            returned.Count,
            onTime,
            returned.Count == 0 ? null : 100.0 * onTime / returned.Count,
            overdue);
    }
}

public sealed record PublicCatalogueItem(int Id, string Name, string UnitNoun, string? Description, string Tag, bool IsConsumable, bool ForPublic, bool ForAgencies, int MaxLoanDays, int Free);

/// <summary>One loan as the statistics see it: dates and outcomes only.</summary>
public sealed record LoanFact(DateOnly SubmittedOn, DateOnly? DecidedOn, double? DaysToDecision, bool Approved, bool Rejected, DateOnly DueOn, DateOnly? HandedOverOn, DateOnly? ReturnedOn);

/// <summary>A month (Year/Month = 0 for the whole fiscal year).</summary>
public sealed record MonthStatistics(int Year, int Month, int Applications, int Approvals, int Rejections, double? MedianDaysToDecision, int Returned, int ReturnedOnTime, double? OnTimeRatePercent, int? OverdueAtEnd);

/// <summary><see cref="Total"/>'s <see cref="MonthStatistics.OverdueAtEnd"/> is the number overdue today.</summary>
public sealed record YearStatistics(FiscalYear Year, IReadOnlyList<MonthStatistics> Months, MonthStatistics Total);

/// <summary>The counts of one month; <see cref="DaysToDecision"/> sorted, so that the year's median can be taken across months.</summary>
public sealed record MonthTally(int Year, int Month, int Applications, int Approvals, int Rejections, IReadOnlyList<double> DaysToDecision, int Returned, int ReturnedOnTime, int? OverdueAtEnd);

public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, int Page, bool HasNext);

public sealed record RegisterLine(string ItemName, int Quantity, string UnitNoun);

public sealed record RegisterRow(DateOnly SubmittedOn, IReadOnlyList<RegisterLine> Lines, BorrowerKind Kind, DateOnly StartOn, DateOnly DueOn, LoanStatus Status, ReturnTiming Timing, int DaysLate);

public enum ReturnTiming
{
    NotApplicable,
    NotYetDue,
    OnTime,
    Late,
    Overdue,
}
