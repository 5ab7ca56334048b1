using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin;

/// <summary>/admin/regulation: the Admin edits the published borrowing regulation (Markdown) shown on /transparency.</summary>
public sealed class RegulationModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "กรุณากรอกเนื้อหาระเบียบ")]
    [StringLength(50_000, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "ระเบียบการยืมพัสดุ (Markdown)")]
    public string Markdown { get; set; } = "";

    public string PreviewHtml { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Markdown = (await Settings.LoadAsync(db, ct)).RegulationMarkdown;
        PreviewHtml = SafeMarkdown.ToHtml(Markdown);
    }

    /// <summary>Shows how the text will look, without publishing it.</summary>
    public IActionResult OnPostPreview()
    {
        PreviewHtml = SafeMarkdown.ToHtml(Markdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PreviewHtml = SafeMarkdown.ToHtml(Markdown);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await Settings.SetAsync(db, Settings.Keys.RegulationMarkdown, Markdown.Replace("\r\n", "\n", StringComparison.Ordinal), ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขข้อมูลนี้ในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
            return Page();
        }

        this.Flash(s["เผยแพร่ระเบียบการยืมพัสดุฉบับปรับปรุงแล้ว"].Value);
        return RedirectToPage();
    }
}
