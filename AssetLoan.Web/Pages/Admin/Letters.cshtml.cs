using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin;

/// <summary>
/// /admin/letters: the municipality's letters (<see cref="LetterSettings"/>) — the letter code printed after "ที่", the
/// sending unit and its phone, the signer of the demand letter and of the compensation notice (name, position,
/// acting/delegated line), the ข้อ ๒๐๙ undertaking on the slip and the blank forms, and the emblem (ครุฑ), accepted only
/// as a PNG or JPEG and stored re-encoded (<see cref="EmblemImage"/>). Every change is audited on save.
/// </summary>
[RequestSizeLimit(EmblemImage.MaxBytes + (256 * 1024))]
public sealed class LettersModel(AppDbContext db, FileStorage files, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? EmblemDataUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var letters = await LetterSettings.LoadAsync(db, ct);
        Input = InputModel.From(letters);
        EmblemDataUrl = await Pages.Supplies.OfficialLetter.EmblemDataUrlAsync(files, letters, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await LetterSettings.LoadAsync(db, ct);
        byte[]? emblem = null;
        if (Input.Emblem is { Length: > 0 } upload)
        {
            emblem = upload.Length <= EmblemImage.MaxBytes ? EmblemImage.Reencode(await ReadAsync(upload, ct)) : null;
            if (emblem is null)
            {
                ModelState.AddModelError("Input.Emblem", s["ตราครุฑต้องเป็นไฟล์ภาพ PNG หรือ JPEG ขนาดไม่เกิน 2 MB"]);
            }
        }

        if (!ModelState.IsValid)
        {
            EmblemDataUrl = await Pages.Supplies.OfficialLetter.EmblemDataUrlAsync(files, current, ct);
            return Page();
        }

        foreach (var (key, value) in Input.ToRows())
        {
            await Settings.SetAsync(db, key, value, ct);
        }

        string? saved = null;
        if (emblem is not null)
        {
            saved = await files.SaveAsync("emblem", ".png", new MemoryStream(emblem), ct);
            await Settings.SetAsync(db, LetterSettings.Keys.EmblemPath, saved, ct);
        }
        else if (Input.RemoveEmblem)
        {
            await Settings.SetAsync(db, LetterSettings.Keys.EmblemPath, "", ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Pages.Supplies.SignatureImage.Delete(files, saved);
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขการตั้งค่าในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
            return Page();
        }

        if ((saved is not null || Input.RemoveEmblem) && current.HasEmblem)
        {
            Pages.Supplies.SignatureImage.Delete(files, current.EmblemPath);
        }

        this.Flash(s["บันทึกการตั้งค่าหนังสือราชการแล้ว"].Value);
        return RedirectToPage("/Admin/Letters");
    }

    private static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "กรุณากรอกรหัสหนังสือ")]
        [StringLength(30, ErrorMessage = "รหัสหนังสือยาวเกินไป")]
        [Display(Name = "รหัสหนังสือ (พิมพ์หลังคำว่า \"ที่\" เช่น ชม ๕๒๓๐๑)")]
        public string LetterCode { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกส่วนราชการเจ้าของเรื่อง")]
        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ส่วนราชการเจ้าของเรื่อง")]
        public string Office { get; set; } = "";

        [StringLength(60, ErrorMessage = "หมายเลขโทรศัพท์ยาวเกินไป")]
        [Display(Name = "โทรศัพท์ของส่วนราชการ")]
        public string? OfficePhone { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ผู้ลงนามหนังสือทวงถาม: ชื่อ")]
        public string? DemandSignerName { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ผู้ลงนามหนังสือทวงถาม: ตำแหน่ง (ว่างไว้ = นายกเทศมนตรี)")]
        public string? DemandSignerPosition { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ผู้ลงนามหนังสือทวงถาม: ปฏิบัติราชการแทน/รักษาราชการแทน")]
        public string? DemandSignerActing { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ผู้ลงนามหนังสือแจ้งให้ชดใช้: ชื่อ")]
        public string? NoticeSignerName { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ผู้ลงนามหนังสือแจ้งให้ชดใช้: ตำแหน่ง (ว่างไว้ = นายกเทศมนตรี)")]
        public string? NoticeSignerPosition { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ผู้ลงนามหนังสือแจ้งให้ชดใช้: ปฏิบัติราชการแทน/รักษาราชการแทน")]
        public string? NoticeSignerActing { get; set; }

        [Required(ErrorMessage = "กรุณากรอกข้อความรับรองของผู้ยืม")]
        [StringLength(3000, ErrorMessage = "ข้อความยาวเกินไป")]
        [Display(Name = "ข้อความรับรองของผู้ยืม (ข้อ ๒๐๙) บนใบยืมและแบบฟอร์ม")]
        public string Undertaking { get; set; } = "";

        [Display(Name = "ตราครุฑ (PNG หรือ JPEG ไม่เกิน 2 MB)")]
        public IFormFile? Emblem { get; set; }

        [Display(Name = "ลบตราครุฑ")]
        public bool RemoveEmblem { get; set; }

        public static InputModel From(LetterSettings l) => new()
        {
            LetterCode = l.LetterCode,
            Office = l.Office,
            OfficePhone = l.OfficePhone,
            DemandSignerName = l.DemandSigner.Name,
            DemandSignerPosition = l.DemandSigner.Position,
            DemandSignerActing = l.DemandSigner.Acting,
            NoticeSignerName = l.NoticeSigner.Name,
            NoticeSignerPosition = l.NoticeSigner.Position,
            NoticeSignerActing = l.NoticeSigner.Acting,
            Undertaking = l.Undertaking,
        };

        public IEnumerable<(string Key, string Value)> ToRows()
        {
            yield return (LetterSettings.Keys.LetterCode, LetterCode.Trim());
            yield return (LetterSettings.Keys.Office, Office.Trim());
            yield return (LetterSettings.Keys.OfficePhone, OfficePhone?.Trim() ?? "");
            yield return (LetterSettings.Keys.DemandSignerName, DemandSignerName?.Trim() ?? "");
            yield return (LetterSettings.Keys.DemandSignerPosition, DemandSignerPosition?.Trim() ?? "");
            yield return (LetterSettings.Keys.DemandSignerActing, DemandSignerActing?.Trim() ?? "");
            yield return (LetterSettings.Keys.NoticeSignerName, NoticeSignerName?.Trim() ?? "");
            yield return (LetterSettings.Keys.NoticeSignerPosition, NoticeSignerPosition?.Trim() ?? "");
            yield return (LetterSettings.Keys.NoticeSignerActing, NoticeSignerActing?.Trim() ?? "");
            yield return (LetterSettings.Keys.Undertaking, Undertaking.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        }
    }
}
