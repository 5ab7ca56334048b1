using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>จำหน่ายออกจากทะเบียน: the asset stays in the registry with its history, marked disposed; never deleted.</summary>
public sealed class RetireModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    [Required(ErrorMessage = "กรุณาระบุเหตุผลการจำหน่าย")]
    [StringLength(500, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "เหตุผลการจำหน่าย")]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public Asset Asset { get; private set; } = null!;

    public string ItemName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Asset.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Version != Asset.Version)
        {
            return Stale();
        }

        Asset.Retire(Reason!, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        this.Flash(s["จำหน่ายครุภัณฑ์ {0} ออกจากทะเบียนแล้ว ประวัติทั้งหมดยังคงอยู่", Asset.AssetNumber].Value);
        return RedirectToPage("/Assets/Details", new { id });
    }

    string IShowsRuleErrors.ConcurrencyMessage => StaleMessage;

    /// <summary>Someone saved the asset first: show its latest state and take their version, so a second confirm applies to it.</summary>
    async Task IShowsRuleErrors.ReloadAfterConcurrencyAsync(CancellationToken ct)
    {
        await LoadAsync(Asset.Id, ct);
        ModelState.Remove(nameof(Version));
        Version = Asset.Version;
    }

    private const string StaleMessage = "มีผู้อื่นแก้ไขครุภัณฑ์นี้ระหว่างที่ท่านกำลังทำรายการ กรุณาตรวจสอบข้อมูลล่าสุดแล้วยืนยันอีกครั้ง";

    private PageResult Stale()
    {
        ModelState.AddModelError("", s[StaleMessage]);
        ModelState.Remove(nameof(Version));
        Version = Asset.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return false;
        }

        Asset = asset;
        ItemName = await db.CatalogueItems.AsNoTracking().Where(c => c.Id == asset.CatalogueItemId).Select(c => c.Name).FirstAsync(ct);
        return true;
    }
}
