using System.Linq.Expressions;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// /supplies: the supplies officer's desk — to check, waiting for approval, to hand over today (the pickup window of the
/// working calendar is open), approved and coming up in the next 14 days, out now, due back this week, overdue (with the
/// ข้อ ๒๑๑ demand deadline). Each list shows its first rows and its count; /loans/all finds any loan.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, CurrentActor current) : PageModel
{
    public const int UpcomingDays = 14;

    /// <summary>
    /// A desk list shows this many rows (the most urgent first); its count and "ดูทั้งหมด" (the same loans on /loans/all)
    /// give the rest. Eight lists of 50 made the page 337 KB at province scale; the desk is a to-do list, not a register.
    /// </summary>
    public const int RowsPerList = 20;

    public DateOnly Today { get; private set; }

    /// <summary>The signed-in officer, whom separation of duties may keep from a row's action.</summary>
    public AssetLoan.Domain.People.Actor Me => current.Actor;

    /// <summary>Setting <c>Security.SeparateDuties</c> (issue 14 §9).</summary>
    public bool SeparateDuties { get; private set; } = true;

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    public Queue ToCheck { get; private set; } = Queue.Empty;

    public Queue AwaitingApproval { get; private set; } = Queue.Empty;

    /// <summary>Paper approvals another officer recorded that this officer may confirm (issue 14 §9).</summary>
    public Queue ToConfirm { get; private set; } = Queue.Empty;

    public Queue ToHandOverToday { get; private set; } = Queue.Empty;

    public Queue Upcoming { get; private set; } = Queue.Empty;

    public Queue OutNow { get; private set; } = Queue.Empty;

    public Queue DueThisWeek { get; private set; } = Queue.Empty;

    public Queue Overdue { get; private set; } = Queue.Empty;

    public int AwaitingEndorsement { get; private set; }

    /// <summary>Approved loans shown for handover whose items would not all be on the shelf, with the items that are short.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> ShelfConflicts { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>Of <see cref="AwaitingEndorsement"/>, requests of divisions without a head, routed to the fallback endorser.</summary>
    public int AwaitingFallbackEndorsement { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var calendar = Calendar = await db.WorkingCalendarAsync(ct);
        SeparateDuties = (await Settings.LoadAsync(db, ct)).SeparateDuties;
        var pickableStart = calendar.LatestStartPickableOn(today);
        var upcomingUntil = today.AddDays(UpcomingDays);
        var endOfWeek = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7);
        var approved = db.Loans.Where(l => l.Status == LoanStatus.Approved);

        ToCheck = await SortedHereAsync(db.Loans.ToCheck(), l => l.StartOn, ct);
        AwaitingApproval = await QueueAsync(db.Loans.AwaitingApproval(), l => l.StartOn, ct);
        var confirmable = await db.Loans.ConfirmableByAsync(current.Actor, ct);
        ToConfirm = await QueueAsync(db.Loans.Where(l => confirmable.Contains(l.Id)), l => l.StartOn, ct);
        ToHandOverToday = await QueueAsync(approved.Where(l => l.StartOn <= pickableStart && l.DueOn >= today), l => l.StartOn, ct);
        Upcoming = await QueueAsync(approved.Where(l => l.StartOn > pickableStart && l.StartOn <= upcomingUntil), l => l.StartOn, ct);
        ShelfConflicts = await db.ShelfConflictsAsync([.. ToHandOverToday.Rows.Select(r => r.Id), .. Upcoming.Rows.Select(r => r.Id)], today, calendar, ct);
        OutNow = await QueueAsync(db.Loans.Out(), l => l.DueOn, ct);
        DueThisWeek = await QueueAsync(db.Loans.Out().Where(l => l.DueOn >= today && l.DueOn <= endOfWeek), l => l.DueOn, ct);
        Overdue = await QueueAsync(db.Loans.Overdue(today, calendar), l => l.DueOn, ct);
        AwaitingEndorsement = await db.Loans.AwaitingEndorsement().CountAsync(ct);
        var headed = db.DivisionsWithHead();
        AwaitingFallbackEndorsement = await db.Loans.AwaitingEndorsement().CountAsync(l => !headed.Contains(l.BorrowerDivisionId!.Value), ct);
    }

    /// <summary>
    /// A desk list: its count and its first <see cref="RowsPerList"/> loans by date (then number), each an index read
    /// on (Status, date). At a million loans the loans out were 9,344: reading all their keys to count and page them here
    /// cost more than the rest of the page (bench/run, issue 15).
    /// </summary>
    private async Task<Queue> QueueAsync(IQueryable<Loan> loans, Expression<Func<Loan, DateOnly>> by, CancellationToken ct)
    {
        var count = await loans.CountAsync(ct);
        if (count == 0)
        {
            return Queue.Empty;
        }

        var page = await loans.OrderBy(by).ThenBy(l => l.Id).Select(l => l.Id).Take(RowsPerList).ToListAsync(ct);
        return await RowsAsync(page, count, ct);
    }

    /// <summary>
    /// The list to check, whose filter (a status, or another status and the borrower kind, or an endorsement in the
    /// history) SQLite cannot serve from one index in date order: as one <c>ORDER BY date LIMIT</c> its planner walked the
    /// date index through every loan ever filed looking for the few still open (2.8 s at a million loans, bench/run).
    /// Its ids and dates are read whole (an index read: requests waiting for a check are few) and ordered here.
    /// </summary>
    private async Task<Queue> SortedHereAsync(IQueryable<Loan> loans, Expression<Func<Loan, DateOnly>> by, CancellationToken ct)
    {
        var loan = by.Parameters[0];
        var key = Expression.Lambda<Func<Loan, QueueKey>>(
            Expression.New(typeof(QueueKey).GetConstructors()[0], Expression.Property(loan, nameof(Loan.Id)), by.Body), loan);
        var keys = await loans.Select(key).ToListAsync(ct);
        var page = keys.OrderBy(k => k.On).ThenBy(k => k.Id).Take(RowsPerList).Select(k => k.Id).ToList();
        return keys.Count == 0 ? Queue.Empty : await RowsAsync(page, keys.Count, ct);
    }

    /// <summary>The rows of <paramref name="page"/> (ids in list order) with their borrowers and items.</summary>
    private async Task<Queue> RowsAsync(List<int> page, int count, CancellationToken ct)
    {
        var rows = await (
                from l in db.Loans.AsNoTracking().Where(l => page.Contains(l.Id))
                join b in db.Borrowers on l.BorrowerId equals b.Id
                select new QueueRow(l.Id, l.Reference, b.Name, b.Kind, l.Case, l.StartOn, l.DueOn, l.Status,
                    l.Lines.OrderBy(x => x.Id).Select(x => x.ItemName + " × " + x.Quantity + " " + x.UnitNoun).ToList(),
                    l.Demands.Count, l.RequestedByUserId, l.KeyedInByOfficer))
            .ToListAsync(ct);
        return new Queue([.. rows.OrderBy(r => page.IndexOf(r.Id))], count);
    }

    private sealed record QueueKey(int Id, DateOnly On);

    /// <summary>The first rows of a desk list and how many there are in all.</summary>
    public sealed record Queue(IReadOnlyList<QueueRow> Rows, int Count)
    {
        public static Queue Empty { get; } = new([], 0);
    }

    public sealed record QueueRow(int Id, string Reference, string BorrowerName, BorrowerKind Kind, LoanCase Case, DateOnly StartOn, DateOnly DueOn, LoanStatus Status, IReadOnlyList<string> Items, int Demands, string? RequestedByUserId, bool KeyedInByOfficer)
    {
        public bool IsOutsider => Kind.IsOutsider();

        public DateOnly DemandDeadline => FollowUp.DemandDeadline(DueOn);

        public int DaysOverdue(DateOnly today, WorkingCalendar calendar) => FollowUp.DaysOverdue(DueOn, today, calendar);
    }
}
