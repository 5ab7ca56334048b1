using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Apply;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Track;

/// <summary>Find an application by its reference number and the phone given on it (both must match).</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var reference = NormalizeReference(Input.Reference);
        var phone = ThaiPhone.Normalize(Input.Phone);
        var token = reference is null || phone is null ? null : await db.TrackingTokenAsync(reference, phone, ct);
        if (token is null)
        {
            // One message for either mismatch: the form must not reveal which references exist.
            ModelState.AddModelError("", s["ไม่พบคำขอที่ตรงกับเลขที่คำขอและเบอร์โทรศัพท์นี้ กรุณาตรวจสอบอีกครั้ง"]);
            return Page();
        }

        return Redirect($"/track/{token}");
    }

    /// <summary>"12/2569", "๐๐๑๒/๒๕๖๙" or "0012/2569" → "0012/2569".</summary>
    public static string? NormalizeReference(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = new string(input.Trim().Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c).ToArray());
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 100_000
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > ThaiDate.BuddhistEraOffset + 1900
            ? Domain.Loans.Loan.FormatReference(number, year)
            : null;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "กรุณากรอกเลขที่คำขอ")]
        [StringLength(20, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เลขที่คำขอ")]
        public string Reference { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกเบอร์โทรศัพท์")]
        [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ")]
        public string Phone { get; set; } = "";
    }
}
