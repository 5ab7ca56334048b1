using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Loans;

/// <summary>
/// /loans/{id}: the request, its lines, who decided what on whose authority; the borrower cancels before handover,
/// corrects a sent-back request, or asks for more days before the due date.
/// </summary>
[ReadableBy(Roles.Auditor)]
[HandlerRoles("Attachment", Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive, Roles.Auditor)]
[HandlerRoles("ConfirmApproval", Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive)]
public sealed class DetailsModel(AppDbContext db, CurrentActor current, TimeProvider time, FileStorage files, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    public LoanView View { get; private set; } = null!;

    /// <summary>Keyed in from the paper register (issue 13 §10): the approval reference and date; null otherwise.</summary>
    public PaperMark? FromPaper { get; private set; }

    public sealed record PaperMark(string? Reference, DateOnly? ApprovedOn);

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    public Actor Me => current.Actor;

    [BindProperty]
    public CancelInput Cancel { get; set; } = new();

    [BindProperty]
    public ExtendInput Extend { get; set; } = new();

    [BindProperty]
    public ResubmitInput Resubmit { get; set; } = new();

    public bool IsOwn => View.IsOwnRequest(Me);

    public bool IsOfficer => Me.Has(Role.SuppliesOfficer);

    /// <summary>The actions the signed-in user may take on this loan now (<see cref="LoanActions.For"/>): every button below comes from it.</summary>
    public IReadOnlySet<LoanAction> Actions { get; private set; } = new HashSet<LoanAction>();

    public bool Offers(LoanAction action) => Actions.Contains(action);

    /// <summary>
    /// The demand letter: issued by the officer the set allows (<see cref="LoanAction.RecordDemand"/>), and read, once the
    /// loan is overdue, by those the letter page lets read it.
    /// </summary>
    public bool ShowsDemandLetter => Offers(LoanAction.RecordDemand)
        || (View.IsOverdue(Today) && (Me.Has(Role.FinanceDirector) || Me.Has(Role.Executive) || Me.Has(Role.Auditor)));

    /// <summary>Items not yet on a sent-back request that its borrower may add when correcting it.</summary>
    public IReadOnlyList<ItemChoice> OtherItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        Resubmit = new ResubmitInput
        {
            Purpose = View.Purpose,
            Place = View.Place,
            StartOn = View.StartOn < Today ? Today : View.StartOn,
            DueOn = View.DueOn < Today ? Today : View.DueOn,
            Lines = View.Lines.Select(l => new ResubmitLine { ItemId = l.CatalogueItemId, Quantity = l.Quantity })
                .Concat(OtherItems.Select(i => new ResubmitLine { ItemId = i.Id, Quantity = 0 })).ToList(),
        };
        Extend = new ExtendInput { NewDueOn = View.DueOn.AddDays(1) };
        return Page();
    }

    /// <summary>The scanned paper approval, for supplies staff and approvers only.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, CancellationToken ct)
    {
        var path = await db.Loans.AsNoTracking().Where(l => l.Id == id).Select(l => l.PaperApprovalPath).SingleOrDefaultAsync(ct);
        var full = path is null ? null : files.PathOf(path);
        if (full is null)
        {
            return NotFound();
        }

        var type = Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".pdf" => "application/pdf",
            ".png" => "image/png",
            _ => "image/jpeg",
        };
        return PhysicalFile(full, type, $"approval-{id}{Path.GetExtension(full)}");
    }

    public Task<IActionResult> OnPostConfirmApprovalAsync(int id, CancellationToken ct) =>
        CommandAsync(id, loan => loan.ConfirmPaperApproval(Me, Now), s["ยืนยันการอนุมัติแล้ว ส่งมอบพัสดุได้"], ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        CommandAsync(id, loan => loan.Cancel(Me, Cancel.Reason, Now), s["ยกเลิกคำขอแล้ว"], ct);

    public Task<IActionResult> OnPostExtendAsync(int id, CancellationToken ct)
    {
        var newDue = Extend.NewDueOn;
        if (newDue is null && ModelState.GetFieldValidationState("Extend.NewDueOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Extend.NewDueOn", s["กรุณาระบุวันส่งคืนใหม่"]);
        }

        return CommandAsync(id, loan => loan.RequestExtension(Me, newDue!.Value, Extend.Reason ?? "", Today, Now),
            s["ส่งคำขอขยายเวลาแล้ว รอผู้มีอำนาจพิจารณา"], ct);
    }

    public async Task<IActionResult> OnPostResubmitAsync(int id, CancellationToken ct)
    {
        var (start, due) = (Resubmit.StartOn, Resubmit.DueOn);
        foreach (var (value, field) in new[] { (start, "Resubmit.StartOn"), (due, "Resubmit.DueOn") })
        {
            if (value is null && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, s[LoanForm.DateFormatMessage]);
            }
        }

        // Items and quantities change too (issue 16 §1); a form without them keeps the lines.
        var lines = Resubmit.Lines.Count == 0 ? null : Resubmit.Lines.Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList();
        return await CommandAsync(id, async loan =>
        {
            var shortages = await db.ResubmitLoanAsync(loan, Me, new LoanRequestEdit(Resubmit.Purpose ?? "", Resubmit.Place ?? "", start!.Value, due!.Value, lines), Today, Now, ct);
            LoanForm.AddShortages(ModelState, s, shortages, Resubmit.Lines.Select(l => l.ItemId).ToList(), "Resubmit.Lines",
                OtherItems.Select(i => (i.Id, i.UnitNoun)).Concat(loan.Lines.Select(l => (Id: l.CatalogueItemId, l.UnitNoun)))
                    .DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.UnitNoun));
            return shortages.Count == 0;
        }, s["ยื่นคำขออีกครั้งแล้ว"], ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Load tracked, one domain call, save once; a refused rule or a lost race escapes to <see cref="RuleErrorFilter"/>.</summary>
    private Task<IActionResult> CommandAsync(int id, Action<Loan> act, string flash, CancellationToken ct) =>
        CommandAsync(id, async loan =>
        {
            act(loan);
            await db.SaveChangesAsync(ct);
            return true;
        }, flash, ct);

    /// <summary>As above, for a command that saves itself and may refuse without a rule exception (false: back to the form).</summary>
    private async Task<IActionResult> CommandAsync(int id, Func<Loan, Task<bool>> act, string flash, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
        if (!await act(loan))
        {
            return Page();
        }

        this.Flash(flash);
        return RedirectToPage("/Loans/Details", new { id });
    }

    /// <summary>
    /// Each button's form has its own fields: a missing reason goes beside the reason box of the form that was posted, the
    /// dates and lines of a correction beside theirs. The page was loaded before the verb ran, so nothing reloads.
    /// </summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error, string handler) => (handler, error.Code) switch
    {
        ("Cancel", "Loan.ReasonRequired") => "Cancel.Reason",
        ("Extend", "Loan.ExtensionNotLater" or "Loan.ExtensionAfterDue") => "Extend.NewDueOn",
        ("Extend", "Loan.ReasonRequired") => "Extend.Reason",
        ("Resubmit", _) => LoanForm.FieldFor(error.Code, "Resubmit", "Lines"),
        _ => "",
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await LoanView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        if (!view.MayBeViewedBy(Me))
        {
            return Forbid();
        }

        View = view;
        FromPaper = await db.Loans.AsNoTracking().Where(l => l.Id == id && l.FromPaper)
            .Select(l => new PaperMark(l.PaperApprovalReference, l.PaperApprovedOn)).SingleOrDefaultAsync(ct);
        Actions = view.ActionsFor(Me, await view.ActionContextAsync(db, Today, ct));
        if (Offers(LoanAction.Resubmit))
        {
            // A sent-back request may also gain items (issue 16 §1): what this borrower may borrow, with what is free.
            OtherItems = (await LoanForm.ChoicesAsync(db, view.BorrowerKind, view.StartOn, view.DueOn, Today, ct))
                .Where(c => view.Lines.All(l => l.CatalogueItemId != c.Id)).ToList();
        }

        return null;
    }

    public sealed class CancelInput
    {
        public string? Reason { get; set; }
    }

    public sealed class ExtendInput
    {
        [BuddhistDate]
        public DateOnly? NewDueOn { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class ResubmitInput
    {
        public string? Purpose { get; set; }

        public string? Place { get; set; }

        [BuddhistDate]
        public DateOnly? StartOn { get; set; }

        [BuddhistDate]
        public DateOnly? DueOn { get; set; }

        public List<ResubmitLine> Lines { get; set; } = [];
    }

    public sealed class ResubmitLine
    {
        public int ItemId { get; set; }

        [Range(0, 100_000)]
        public int Quantity { get; set; }
    }
}
