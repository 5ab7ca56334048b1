using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// /supplies/paper/{id}: the approver signed the loan slip on paper; the officer records who signed, in which role,
/// under which delegation order, and attaches the scan. The approval re-checks availability like an online one, and
/// waits until the approver named on it or a second officer confirms it on the loan page (issue 14 §9).
/// </summary>
public sealed class PaperModel(AppDbContext db, CurrentActor current, TimeProvider time, FileStorage files, IStringLocalizer<SharedResource> s, ILogger<PaperModel> log) : PageModel
{
    public LoanView View { get; private set; } = null!;

    [BindProperty]
    public string? ApproverName { get; set; }

    [BindProperty]
    public Role ApproverRole { get; set; } = Role.FinanceDirector;

    [BindProperty]
    public string? DelegationOrder { get; set; }

    [BindProperty]
    public IFormFile? Scan { get; set; }

    public static IReadOnlyList<Role> ApproverRoles { get; } = [Role.FinanceDirector, Role.Executive];

    /// <summary>Why the signed-in officer may not record a paper approval now (<see cref="LoanActions.Refusal"/>), or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        ApproverRole = (await Settings.LoadAsync(db, ct)).Policy.ApproverFor(View.Case);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        var (content, extension) = await ReadScanAsync(ct);
        if (content is null)
        {
            return Page();
        }

        string path;
        await using (content)
        {
            path = await files.SaveAsync("paper-approvals", extension!, content, ct);
        }

        var itemIds = View.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        try
        {
            var policy = (await Settings.LoadAsync(db, ct)).Policy;
            await db.InReservationAsync(itemIds, async () =>
            {
                var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
                var firm = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, firmOnly: true, excludeLoanId: id, ct);
                var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
                var reserved = await db.Assets.Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
                loan.RecordPaperApproval(current.Actor, ApproverName ?? "", ApproverRole, DelegationOrder, path, policy, firm, reserved, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            this.Flash(s["บันทึกการอนุมัติตามเอกสารของคำขอเลขที่ {0} แล้ว รอผู้มีอำนาจที่ลงนามหรือเจ้าหน้าที่พัสดุอีกคนยืนยันในระบบก่อนส่งมอบ", View.Reference].Value);
            return RedirectToPage("/Loans/Details", new { id });
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, ex.Code switch
            {
                "Loan.PaperApproverRequired" => nameof(ApproverName),
                "Loan.ApproverRoleMismatch" => nameof(ApproverRole),
                _ => "",
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขคำขอนี้ในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
        }

        Discard(path);
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The scan's bytes and extension, or null with a Thai error beside the file field.</summary>
    private async Task<(MemoryStream? Content, string? Extension)> ReadScanAsync(CancellationToken ct)
    {
        if (Scan is null || Scan.Length == 0)
        {
            ModelState.AddModelError(nameof(Scan), s["กรุณาแนบไฟล์ใบยืมที่ลงนามอนุมัติแล้ว"]);
            return (null, null);
        }

        if (Scan.Length > ScannedForm.MaxBytes)
        {
            ModelState.AddModelError(nameof(Scan), s["ไฟล์ต้องมีขนาดไม่เกิน 5 MB"]);
            return (null, null);
        }

        var content = new MemoryStream();
        await Scan.CopyToAsync(content, ct);
        var extension = ScannedForm.ExtensionOf(content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, 16)));
        if (extension is null)
        {
            await content.DisposeAsync();
            ModelState.AddModelError(nameof(Scan), s["ไฟล์ต้องเป็น PDF, JPEG หรือ PNG เท่านั้น"]);
            return (null, null);
        }

        content.Position = 0;
        return (content, extension);
    }

    private void Discard(string path)
    {
        if (files.PathOf(path) is { } full)
        {
            try
            {
                System.IO.File.Delete(full);
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not delete the unused scan {Path}", path);
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await LoanView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Refusal = LoanActions.Refusal(view.Facts, current.Actor, LoanAction.RecordPaperApproval, await view.ActionContextAsync(db, today, ct));
        return null;
    }
}
