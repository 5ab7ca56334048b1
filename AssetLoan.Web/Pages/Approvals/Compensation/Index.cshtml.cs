using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Approvals.Compensation;

/// <summary>
/// Compensation decisions waiting for the FinanceDirector (ข้อ ๒๐๙; domain.md §7). The Approvals folder also admits
/// the Executive, but only the FinanceDirector confirms compensation, so others are refused here.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await AwaitingConfirmationAsync(db, ct);
        return Page();
    }

    /// <summary>Loans with compensation decisions the FinanceDirector has yet to confirm; /approvals lists them too.</summary>
    public static async Task<IReadOnlyList<Row>> AwaitingConfirmationAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (
                from l in db.Loans.AsNoTracking()
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                where l.Compensations.Any(c => c.Status == CompensationStatus.Decided)
                orderby l.Id
                select new Row(l.Id, l.Reference, b.Name,
                    l.Compensations.Count(c => c.Status == CompensationStatus.Decided),
                    l.Compensations.Where(c => c.Status == CompensationStatus.Decided).Sum(c => c.FinalAmount ?? 0)))
            .ToListAsync(ct);
    }

    public sealed record Row(int LoanId, string Reference, string BorrowerName, int Cases, decimal Total);
}
