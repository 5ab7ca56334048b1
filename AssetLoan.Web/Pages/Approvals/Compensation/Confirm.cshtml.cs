using AssetLoan.Domain;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Supplies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Approvals.Compensation;

/// <summary>The FinanceDirector confirms the officer's compensation decision, case by case.</summary>
public sealed class ConfirmModel(AppDbContext db, TimeProvider time, CurrentActor current, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    private int loanId;

    public LoanDeskHeader Loan { get; private set; } = null!;

    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int loanId, CancellationToken ct)
    {
        return await LoadAsync(loanId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int loanId, int caseId, CancellationToken ct)
    {
        var loan = await db.LoanAsync(loanId, ct);
        if (loan is null)
        {
            return NotFound();
        }

        this.loanId = loanId;
        loan.ConfirmCompensation(caseId, current.Actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);

        this.Flash(string.Format(System.Globalization.CultureInfo.CurrentCulture, s["ยืนยันการชดใช้ของรายการยืมเลขที่ {0} แล้ว"].Value, loan.Reference));
        // Back to this loan's cases: what is left to confirm, and the notice of each confirmed case to print.
        return RedirectToPage("/Approvals/Compensation/Confirm", new { loanId });
    }

    Task IShowsRuleErrors.ReloadAsync(CancellationToken ct) => LoadAsync(loanId, ct);

    private async Task<bool> LoadAsync(int loanId, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, loanId, ct);
        if (summary is null)
        {
            return false;
        }

        Loan = summary;
        Cases = await CompensationCases.ForLoanAsync(db, loanId, ct);
        return true;
    }
}
