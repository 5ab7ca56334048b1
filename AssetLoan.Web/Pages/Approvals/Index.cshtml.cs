using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Approvals;

/// <summary>
/// /approvals: checked requests whose case the signed-in approver may approve under the current settings (the
/// Executive may approve any case), never their own; pending extension requests of the same kind; and, for the
/// FinanceDirector, compensation decisions waiting for his confirmation.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor current) : PageModel
{
    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public IReadOnlyList<Row> Extensions { get; private set; } = [];

    /// <summary>Approvals signed on paper and recorded by an officer, waiting for this approver's confirmation (issue 14 §9).</summary>
    public IReadOnlyList<Row> ToConfirm { get; private set; } = [];

    /// <summary>Compensation decisions to confirm (ข้อ ๒๐๙): the FinanceDirector's, so only he sees them here.</summary>
    public IReadOnlyList<Compensation.IndexModel.Row> Compensations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = current.Actor;
        var policy = (await Settings.LoadAsync(db, ct)).Policy;
        var cases = Enum.GetValues<LoanCase>().Where(c => policy.MayApprove(me, c)).ToList();
        var mine = (IQueryable<Loan> q) => q.Where(l => cases.Contains(l.Case) && l.BorrowerUserId != me.UserId
            && !(l.RequestedByUserId == me.UserId && !l.KeyedInByOfficer));
        Requests = await RowsAsync(mine(db.Loans.AwaitingApproval()), ct);
        var confirmable = await db.Loans.ConfirmableByAsync(me, ct);
        ToConfirm = await RowsAsync(db.Loans.Where(l => confirmable.Contains(l.Id)), ct);
        Extensions = await RowsAsync(mine(db.Loans.Out().Where(l => l.Extensions.Any(e => e.Status == ExtensionStatus.Pending))), ct);
        if (me.Has(Domain.People.Role.FinanceDirector))
        {
            Compensations = await Compensation.IndexModel.AwaitingConfirmationAsync(db, ct);
        }
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<Loan> loans, CancellationToken ct) =>
        await (
                from l in loans.AsNoTracking()
                join b in db.Borrowers on l.BorrowerId equals b.Id
                orderby l.StartOn, l.Id
                select new Row(l.Id, l.Reference, b.Name, b.Kind, l.Case, l.StartOn, l.DueOn, l.Purpose,
                    l.Lines.OrderBy(x => x.Id).Select(x => x.ItemName + " × " + x.Quantity + " " + x.UnitNoun).ToList(),
                    l.Extensions.Where(e => e.Status == ExtensionStatus.Pending).Select(e => (DateOnly?)e.RequestedDueOn).FirstOrDefault()))
            .ToListAsync(ct);

    public sealed record Row(int Id, string Reference, string BorrowerName, BorrowerKind Kind, LoanCase Case, DateOnly StartOn, DateOnly DueOn, string Purpose, IReadOnlyList<string> Items, DateOnly? RequestedDueOn)
    {
        public bool IsOutsider => Kind.IsOutsider();
    }
}
