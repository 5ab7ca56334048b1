using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>Loans with damage or loss cases not yet settled (ข้อ ๒๐๙), for the supplies officer.</summary>
public sealed class CompensationsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await (
                from l in db.Loans.AsNoTracking()
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                where l.Compensations.Any(c => c.Status != CompensationStatus.Settled)
                orderby l.Id
                select new Row(l.Id, l.Reference, b.Name, l.Status,
                    l.Compensations.Count(c => c.Status == CompensationStatus.Open),
                    l.Compensations.Count(c => c.Status == CompensationStatus.Decided),
                    l.Compensations.Count(c => c.Status == CompensationStatus.Confirmed)))
            .ToListAsync(ct);
    }

    public sealed record Row(int LoanId, string Reference, string BorrowerName, LoanStatus Status, int Open, int Decided, int Confirmed);
}
