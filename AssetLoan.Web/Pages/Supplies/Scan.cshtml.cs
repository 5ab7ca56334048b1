using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// สแกนป้าย: a camera (scan.js + qr-scanner), a USB/Bluetooth scanner typing into the field, or a person typing.
/// A GET form: a look-up changes nothing, and a scanning station left open all day never meets an expired
/// antiforgery token. The tag's page (<c>/a/{tag}</c>) shows the actions that fit.
/// </summary>
public sealed class ScanModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        var tag = (await db.FindByScanAsync(Code, ct))?.Tag;
        if (tag is null)
        {
            ModelState.AddModelError(nameof(Code), s["ไม่พบครุภัณฑ์หรือรหัสป้ายนี้ในทะเบียน"]);
            return Page();
        }

        return Redirect($"/a/{tag}");
    }
}
