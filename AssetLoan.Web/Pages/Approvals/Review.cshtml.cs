using System.ComponentModel.DataAnnotations;
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

namespace AssetLoan.Web.Pages.Approvals;

/// <summary>
/// /approvals/review/{id}: approve or reject a checked request, or decide an extension. Approval runs in the
/// reservation transaction against what other <em>approved</em> loans hold, so the loser of a race for the last
/// units is told in Thai that they are gone. A delegate's order number comes from their account and is confirmed here.
/// </summary>
public sealed class ReviewModel(AppDbContext db, CurrentActor current, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    private int loanId;

    public LoanView View { get; private set; } = null!;

    /// <summary>The signed-in approver's delegation order (ปลัดเทศบาล acting for the mayor), null for the principal.</summary>
    public string? AccountDelegationOrder { get; private set; }

    public ApprovalPolicy Policy { get; private set; } = ApprovalPolicy.Default;

    [BindProperty]
    public string? DelegationOrder { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ExtensionNote { get; set; }

    /// <summary>The actions the signed-in user may take on this loan now (<see cref="LoanActions.For"/>): the forms below come from it.</summary>
    public IReadOnlySet<LoanAction> Actions { get; private set; } = new HashSet<LoanAction>();

    /// <summary>A decision (the request, or an extension) waits on this loan.</summary>
    public bool AwaitsDecision => View.Can(LoanAction.Approve) || View.PendingExtension is not null;

    /// <summary>Why the signed-in user may not decide this request (the rule code the domain would refuse with), or null.</summary>
    public string? Refusal { get; private set; }

    [BindProperty]
    [StringLength(500, ErrorMessage = "เหตุผลยาวเกินไป")]
    public string? ExtensionOverLimitReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        DelegationOrder = AccountDelegationOrder;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        var itemIds = View.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        return await CommandAsync(id, async loan =>
        {
            var firm = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, firmOnly: true, excludeLoanId: id, ct);
            var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
            var reserved = await db.Assets.AsNoTracking().Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            loan.Approve(current.Actor, Policy, DelegationOrder, asDelegate: AccountDelegationOrder is not null, firm, reserved, Now);
        }, itemIds, "อนุมัติคำขอเลขที่ {0} แล้ว", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        return await CommandAsync(id, loan =>
        {
            loan.Reject(current.Actor, Policy, Reason ?? "", Now);
            return Task.CompletedTask;
        }, null, "ไม่อนุมัติคำขอเลขที่ {0} แล้ว", ct);
    }

    public async Task<IActionResult> OnPostExtensionAsync(int id, bool approve, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        var itemIds = View.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        return await CommandAsync(id, async loan =>
        {
            // Every later commitment counts, checked reservations included: an extension never breaks a later loan.
            var pending = loan.PendingExtension;
            var extra = pending is null
                ? new Dictionary<int, ItemAvailability>()
                : await db.AvailabilityAsync(itemIds, loan.DueOn.AddDays(1), pending.RequestedDueOn, today, firmOnly: false, excludeLoanId: id, ct);
            var items = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            loan.DecideExtension(current.Actor, Policy, approve, ExtensionNote, extra, items, ExtensionOverLimitReason, Now);
        }, itemIds, approve ? "อนุมัติให้ขยายเวลาคำขอเลขที่ {0} แล้ว" : "ไม่อนุมัติให้ขยายเวลาคำขอเลขที่ {0}", ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Load tracked, one domain call, save once — inside the reservation transaction when items are at stake. A refused
    /// rule or a lost race escapes to <see cref="RuleErrorFilter"/>.
    /// </summary>
    private async Task<IActionResult> CommandAsync(int id, Func<Loan, Task> act, IReadOnlyCollection<int>? reserveItems, string flash, CancellationToken ct)
    {
        async Task<string> Work()
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
            await act(loan);
            await db.SaveChangesAsync(ct);
            return loan.Reference;
        }

        var reference = reserveItems is null ? await Work() : await db.InReservationAsync(reserveItems, Work, ct);
        this.Flash(s[flash, reference].Value);
        return RedirectToPage("/Approvals/Index");
    }

    /// <summary>Each decision has its own reason box: a missing reason goes beside the box of the form that was posted.</summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error, string handler) => error.Code switch
    {
        "Loan.ReasonRequired" => handler switch
        {
            "Reject" => nameof(Reason),
            "Extension" => nameof(ExtensionNote),
            _ => "",
        },
        "Loan.DelegationOrderRequired" => nameof(DelegationOrder),
        "Loan.ExtensionTooLong" => nameof(ExtensionOverLimitReason),
        _ => "",
    };

    Task IShowsRuleErrors.ReloadAsync(CancellationToken ct) => LoadAsync(loanId, ct);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await LoanView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        loanId = id;
        View = view;
        var context = await view.ActionContextAsync(db, BangkokTime.Today(time.GetUtcNow().UtcDateTime), ct);
        Policy = context.Policy;
        Actions = view.ActionsFor(current.Actor, context);
        Refusal = LoanActions.Refusal(view.Facts, current.Actor, view.Can(LoanAction.Approve) ? LoanAction.Approve : LoanAction.DecideExtension, context);
        var userId = current.Actor.UserId;
        AccountDelegationOrder = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DelegationOrder).SingleOrDefaultAsync(ct);
        return null;
    }
}
