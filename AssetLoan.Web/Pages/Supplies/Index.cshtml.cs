using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// /supplies: the supplies officer's work queue — to check, waiting for approval, to hand over today, due today,
/// overdue (with the ข้อ ๒๑๑ demand deadline). Handover, return and demand pages are linked, not built here.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<QueueRow> ToCheck { get; private set; } = [];

    public IReadOnlyList<QueueRow> AwaitingApproval { get; private set; } = [];

    public IReadOnlyList<QueueRow> ToHandOverToday { get; private set; } = [];

    public IReadOnlyList<QueueRow> DueToday { get; private set; } = [];

    public IReadOnlyList<QueueRow> Overdue { get; private set; } = [];

    public int AwaitingEndorsement { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        ToCheck = await RowsAsync(db.Loans.ToCheck().OrderBy(l => l.StartOn).ThenBy(l => l.Id), ct);
        AwaitingApproval = await RowsAsync(db.Loans.AwaitingApproval().OrderBy(l => l.StartOn).ThenBy(l => l.Id), ct);
        ToHandOverToday = await RowsAsync(db.Loans.Where(l => l.Status == LoanStatus.Approved && l.StartOn <= today && l.DueOn >= today).OrderBy(l => l.Id), ct);
        DueToday = await RowsAsync(db.Loans.Out().Where(l => l.DueOn == today).OrderBy(l => l.Id), ct);
        Overdue = await RowsAsync(db.Loans.Overdue(today).OrderBy(l => l.DueOn).ThenBy(l => l.Id), ct);
        AwaitingEndorsement = await db.Loans.AwaitingEndorsement().CountAsync(ct);
    }

    private async Task<IReadOnlyList<QueueRow>> RowsAsync(IQueryable<Loan> loans, CancellationToken ct) =>
        await (
                from l in loans.AsNoTracking()
                join b in db.Borrowers on l.BorrowerId equals b.Id
                select new QueueRow(l.Id, l.Reference, b.Name, b.Kind, l.Case, l.StartOn, l.DueOn, l.Status,
                    l.Lines.OrderBy(x => x.Id).Select(x => x.ItemName + " × " + x.Quantity + " " + x.UnitNoun).ToList(),
                    l.Demands.Count))
            .ToListAsync(ct);

    public sealed record QueueRow(int Id, string Reference, string BorrowerName, BorrowerKind Kind, LoanCase Case, DateOnly StartOn, DateOnly DueOn, LoanStatus Status, IReadOnlyList<string> Items, int Demands)
    {
        public bool IsOutsider => Kind.IsOutsider();

        public DateOnly DemandDeadline => FollowUp.DemandDeadline(DueOn);

        public int DaysOverdue(DateOnly today) => FollowUp.DaysOverdue(DueOn, today);
    }
}
