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
public sealed class DetailsModel(AppDbContext db, CurrentActor current, TimeProvider time, FileStorage files, IStringLocalizer<SharedResource> s) : PageModel
{
    public LoanView View { get; private set; } = null!;

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

    public bool MayCancel => View.Can(LoanAction.Cancel) && (IsOwn || IsOfficer);

    public bool MayReduce => View.Can(LoanAction.Reduce) && IsOfficer && !IsOwn;

    public bool MayExtend => View.Can(LoanAction.RequestExtension) && (IsOwn || IsOfficer) && Today <= View.DueOn && View.PendingExtension is null;

    public bool MayResubmit => View.Can(LoanAction.Resubmit) && (IsOwn || IsOfficer);

    public ApprovalPolicy Policy { get; private set; } = ApprovalPolicy.Default;

    /// <summary>The approve/reject (or extension) decision is waiting and the domain would let the signed-in user take it.</summary>
    public bool MayDecide => (View.Can(LoanAction.Approve) || View.PendingExtension is not null)
        && Loan.DecisionRefusal(Me, Policy, View.Case, IsOwn) is null;

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
        };
        Extend = new ExtendInput { NewDueOn = View.DueOn.AddDays(1) };
        return Page();
    }

    /// <summary>The scanned paper approval, for supplies staff and approvers only.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, CancellationToken ct)
    {
        if (!(Me.Has(Role.SuppliesOfficer) || Me.Has(Role.FinanceDirector) || Me.Has(Role.Executive)))
        {
            return Forbid();
        }

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

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        CommandAsync(id, "Cancel.Reason", loan => loan.Cancel(Me, Cancel.Reason, Now), s["ยกเลิกคำขอแล้ว"], ct);

    public Task<IActionResult> OnPostExtendAsync(int id, CancellationToken ct)
    {
        var newDue = Extend.NewDueOn;
        if (newDue is null && ModelState.GetFieldValidationState("Extend.NewDueOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Extend.NewDueOn", s["กรุณาระบุวันส่งคืนใหม่"]);
        }

        return CommandAsync(id, "Extend.Reason", loan => loan.RequestExtension(Me, newDue!.Value, Extend.Reason ?? "", Today, Now),
            s["ส่งคำขอขยายเวลาแล้ว รอผู้มีอำนาจพิจารณา"], ct, code => code is "Loan.ExtensionNotLater" or "Loan.ExtensionAfterDue" ? "Extend.NewDueOn" : null);
    }

    public async Task<IActionResult> OnPostResubmitAsync(int id, CancellationToken ct)
    {
        var itemIds = await db.LoanLines.Where(x => x.LoanId == id).Select(x => x.CatalogueItemId).ToListAsync(ct);
        var items = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var (start, due) = (Resubmit.StartOn, Resubmit.DueOn);
        foreach (var (value, field) in new[] { (start, "Resubmit.StartOn"), (due, "Resubmit.DueOn") })
        {
            if (value is null && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, s[LoanForm.DateFormatMessage]);
            }
        }

        return await CommandAsync(id, "", loan => loan.Resubmit(Me, new LoanRequestEdit(Resubmit.Purpose ?? "", Resubmit.Place ?? "", start!.Value, due!.Value), items, Today, Now),
            s["ยื่นคำขออีกครั้งแล้ว"], ct, code => LoanForm.FieldFor(code, "Resubmit") is { Length: > 0 } f ? f : null);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Load tracked, one domain call, save once; a broken rule goes back to the form beside its field.</summary>
    private async Task<IActionResult> CommandAsync(int id, string reasonField, Action<Loan> act, string flash, CancellationToken ct, Func<string, string?>? fieldFor = null)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var loan = await db.Loans.Include(l => l.Lines).ThenInclude(x => x.Units).Include(l => l.History).Include(l => l.Extensions)
            .AsSplitQuery().SingleAsync(l => l.Id == id, ct);
        try
        {
            act(loan);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = flash;
            return Redirect($"/loans/{id}");
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, fieldFor?.Invoke(ex.Code) ?? (ex.Code == "Loan.ReasonRequired" ? reasonField : ""));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขคำขอนี้ในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
        }

        return Page();
    }

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
        Policy = (await Settings.LoadAsync(db, ct)).Policy;
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
    }
}
