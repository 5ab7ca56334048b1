using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Endorsements;

/// <summary>/endorsements/{id}: the division head endorses a staff request, or sends it back with a reason.</summary>
public sealed class ReviewModel(AppDbContext db, CurrentActor current, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    public LoanView View { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The actions the signed-in head may take here (<see cref="LoanActions.Refusal"/> for Endorse and SendBack): the page's buttons come from it.</summary>
    public IReadOnlySet<LoanAction> Actions { get; private set; } = new HashSet<LoanAction>();

    public bool Offers(LoanAction action) => Actions.Contains(action);

    /// <summary>The division whose head endorses this request: the borrower's, or the fallback when it has no head.</summary>
    public int? EndorsingDivisionId { get; private set; }

    /// <summary>This head endorses for a division without a head.</summary>
    public bool OnBehalf => EndorsingDivisionId != View.BorrowerDivisionId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostEndorseAsync(int id, CancellationToken ct) =>
        CommandAsync(id, loan => loan.Endorse(current.Actor, Now, EndorsingDivisionId), "เห็นชอบคำขอเลขที่ {0} แล้ว ส่งต่อเจ้าหน้าที่พัสดุ", ct);

    public Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken ct) =>
        CommandAsync(id, loan => loan.SendBack(current.Actor, Reason ?? "", Now, EndorsingDivisionId), "ส่งคำขอเลขที่ {0} กลับให้ผู้ยืมแก้ไขแล้ว", ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> CommandAsync(int id, Action<Loan> act, string flash, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
        act(loan);
        await db.SaveChangesAsync(ct);
        this.Flash(s[flash, loan.Reference].Value);
        return RedirectToPage("/Endorsements/Index");
    }

    string IShowsRuleErrors.FieldFor(DomainRuleException error) => error.Code == "Loan.ReasonRequired" ? nameof(Reason) : "";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await LoanView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        // A head sees only the requests whose endorsement is theirs to give (the domain's person-rule of Endorse, in any
        // status): their own division's, or as the fallback those of a division without a head; never their own request.
        EndorsingDivisionId = await db.EndorsingDivisionAsync(view.BorrowerDivisionId, ct);
        if (EndorsingDivisionId is null || LoanActions.EndorseRefusal(view.Facts, current.Actor, EndorsingDivisionId) is not null)
        {
            return Forbid();
        }

        View = view;
        var context = (await view.ActionContextAsync(db, BangkokTime.Today(Now), ct)) with { EndorsingDivisionId = EndorsingDivisionId };
        Actions = new[] { LoanAction.Endorse, LoanAction.SendBack }
            .Where(a => LoanActions.Refusal(view.Facts, current.Actor, a, context) is null).ToHashSet();
        return null;
    }
}
