using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AssetLoan.Domain;
using AssetLoan.Domain.Payments;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin;

/// <summary>
/// /admin/settings: every choice the regulation leaves to the municipality (<see cref="Data.Settings"/>) except the
/// published regulation text, which has its own editor (/admin/regulation). Every change is audited on save.
/// </summary>
public sealed class SettingsModel(AppDbContext db, IStringLocalizer<SharedResource> s, Infrastructure.Line.LineSecrets lineSecrets) : PageModel
{
    public static IReadOnlyList<Role> ApproverRoles { get; } = [Role.FinanceDirector, Role.Executive];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether a LINE channel token / secret is stored (their values never come back to the page).</summary>
    public (bool Token, bool Secret) LineSet { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await Data.Settings.LoadAsync(db, ct);
        Input = InputModel.From(settings);
        LineSet = (settings.LineOn, settings.LineChannelSecretProtected.Length > 0);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Validate();
        if (!ModelState.IsValid)
        {
            var current = await Data.Settings.LoadAsync(db, ct);
            LineSet = (current.LineOn, current.LineChannelSecretProtected.Length > 0);
            return Page();
        }

        foreach (var (key, value) in Input.ToRows())
        {
            await Data.Settings.SetAsync(db, key, value, ct);
        }

        await SetLineSecretsAsync(ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขการตั้งค่าในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
            return Page();
        }

        this.Flash(s["บันทึกการตั้งค่าแล้ว"].Value);
        return RedirectToPage("/Admin/Settings");
    }

    /// <summary>A blank secret field keeps what is stored; "turn LINE off" removes both. Stored only protected.</summary>
    private async Task SetLineSecretsAsync(CancellationToken ct)
    {
        foreach (var (key, value) in new[] { (Data.Settings.SecretKeys.LineChannelToken, Input.LineChannelToken), (Data.Settings.SecretKeys.LineChannelSecret, Input.LineChannelSecret) })
        {
            if (Input.LineOff)
            {
                await Data.Settings.SetAsync(db, key, "", ct);
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                await Data.Settings.SetAsync(db, key, lineSecrets.Protect(value.Trim()), ct);
            }
        }
    }

    /// <summary>Checks beyond the field attributes; each message goes beside its field.</summary>
    private void Validate()
    {
        foreach (var (role, field) in new[]
                 {
                     (Input.OnPremisesApprover, nameof(Input.OnPremisesApprover)), (Input.OffPremisesApprover, nameof(Input.OffPremisesApprover)),
                     (Input.InterAgencyApprover, nameof(Input.InterAgencyApprover)), (Input.ConsumableApprover, nameof(Input.ConsumableApprover)),
                 })
        {
            if (!ApproverRoles.Contains(role))
            {
                ModelState.AddModelError($"Input.{field}", s["ผู้อนุมัติต้องเป็นผู้อำนวยการกองคลังหรือผู้บริหาร"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.PromptPayTarget))
        {
            try
            {
                PromptPay.Payload(Input.PromptPayTarget, null);
            }
            catch (DomainRuleException)
            {
                ModelState.AddModelError("Input.PromptPayTarget", s["เลขพร้อมเพย์ต้องเป็นเลขประจำตัวผู้เสียภาษี 13 หลัก หรือหมายเลขโทรศัพท์มือถือ 10 หลัก"]);
            }
        }

        var template = Input.AssetNumberTemplate?.Trim() ?? "";
        if (template.Length > 0 && !template.Contains("{0", StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.AssetNumberTemplate", s["รูปแบบต้องมีเลขลำดับ เช่น {0000}"]);
        }

        var url = Input.PublicBaseUrl?.Trim() ?? "";
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                                && string.IsNullOrEmpty(uri.Query)))
        {
            ModelState.AddModelError("Input.PublicBaseUrl", s["กรุณากรอกที่อยู่เว็บไซต์แบบเต็ม เช่น https://loan.maekhue.go.th หรือเว้นว่าง"]);
        }

        var line = Input.LineApiBaseUrl?.Trim() ?? "";
        if (line.Length > 0 && !(Uri.TryCreate(line, UriKind.Absolute, out var lineUri) && (lineUri.Scheme == Uri.UriSchemeHttps || lineUri.Scheme == Uri.UriSchemeHttp)))
        {
            ModelState.AddModelError("Input.LineApiBaseUrl", s["กรุณากรอกที่อยู่แบบเต็ม เช่น https://api.line.me หรือเว้นว่าง"]);
        }
    }

    public sealed class InputModel
    {
        [Display(Name = "ผู้อนุมัติ กรณียืมใช้ภายในสถานที่")]
        public Role OnPremisesApprover { get; set; }

        [Display(Name = "ผู้อนุมัติ กรณียืมไปใช้นอกสถานที่")]
        public Role OffPremisesApprover { get; set; }

        [Display(Name = "ผู้อนุมัติ กรณียืมระหว่างหน่วยงานของรัฐ")]
        public Role InterAgencyApprover { get; set; }

        [Display(Name = "ผู้อนุมัติ กรณียืมพัสดุใช้สิ้นเปลือง")]
        public Role ConsumableApprover { get; set; }

        [Range(1, 365, ErrorMessage = "จำนวนวันยืมสูงสุดต้องอยู่ระหว่าง 1–365 วัน")]
        [Display(Name = "จำนวนวันยืมสูงสุดเริ่มต้นของรายการใหม่")]
        public int DefaultMaxLoanDays { get; set; }

        [Display(Name = "ห้ามผู้ที่มีรายการยืมเกินกำหนดหรือค่าเสียหายค้างชำระยื่นคำขอใหม่")]
        public bool BorrowerStandingRule { get; set; }

        [Range(0, 60, ErrorMessage = "จำนวนวันต้องอยู่ระหว่าง 0–60 วัน")]
        [Display(Name = "คำขอที่อนุมัติแล้วแต่ไม่มารับ หมดอายุหลังวันเริ่มยืม (วัน)")]
        public int ExpireAfterDays { get; set; }

        [Range(30, 730, ErrorMessage = "จำนวนวันต้องอยู่ระหว่าง 30–730 วัน")]
        [Display(Name = "รับจองล่วงหน้าได้ไม่เกิน (วัน)")]
        public int BookingHorizonDays { get; set; }

        [Range(1, 20, ErrorMessage = "จำนวนคำขอต้องอยู่ระหว่าง 1–20 รายการ")]
        [Display(Name = "จำนวนคำขอออนไลน์ที่ยังไม่เสร็จสิ้นได้สูงสุดต่อผู้ยืมหนึ่งราย")]
        public int OpenApplicationCap { get; set; }

        [Required(ErrorMessage = "กรุณากรอกชื่อเทศบาล")]
        [StringLength(200, ErrorMessage = "ชื่อยาวเกินไป (ไม่เกิน 200 ตัวอักษร)")]
        [Display(Name = "ชื่อเทศบาล")]
        public string? MunicipalityName { get; set; }

        [Required(ErrorMessage = "กรุณากรอกที่อยู่เทศบาล")]
        [StringLength(300, ErrorMessage = "ที่อยู่ยาวเกินไป (ไม่เกิน 300 ตัวอักษร)")]
        [Display(Name = "ที่อยู่เทศบาล")]
        public string? MunicipalityAddress { get; set; }

        [Display(Name = "พิมพ์เอกสารด้วยเลขไทย (๐–๙)")]
        public bool ThaiDigitsOnDocuments { get; set; }

        [StringLength(30, ErrorMessage = "เลขพร้อมเพย์ยาวเกินไป")]
        [Display(Name = "เลขพร้อมเพย์ของเทศบาลสำหรับรับชำระค่าเสียหาย")]
        public string? PromptPayTarget { get; set; }

        [Required(ErrorMessage = "กรุณากรอกรูปแบบหมายเลขครุภัณฑ์")]
        [StringLength(60, ErrorMessage = "รูปแบบยาวเกินไป (ไม่เกิน 60 ตัวอักษร)")]
        [Display(Name = "รูปแบบหมายเลขครุภัณฑ์ที่ระบบเสนอ")]
        public string? AssetNumberTemplate { get; set; }

        [StringLength(200, ErrorMessage = "ที่อยู่เว็บไซต์ยาวเกินไป")]
        [Display(Name = "ที่อยู่เว็บไซต์สำหรับพิมพ์ในคิวอาร์โค้ดและลิงก์ติดตาม")]
        public string? PublicBaseUrl { get; set; }

        [Range(30, 3650, ErrorMessage = "ระยะเวลาเก็บข้อมูลต้องอยู่ระหว่าง 30–3,650 วัน")]
        [Display(Name = "ระยะเวลาเก็บข้อมูลส่วนบุคคลหลังสิ้นสุดการยืม (วัน)")]
        public int RetentionDays { get; set; }

        [StringLength(200, ErrorMessage = "ที่อยู่เว็บไซต์ยาวเกินไป")]
        [Display(Name = "ที่อยู่ LINE Messaging API")]
        public string? LineApiBaseUrl { get; set; }

        [StringLength(500, ErrorMessage = "ข้อความยาวเกินไป")]
        [DataType(DataType.Password)]
        [Display(Name = "Channel access token ของ LINE Official Account")]
        public string? LineChannelToken { get; set; }

        [StringLength(200, ErrorMessage = "ข้อความยาวเกินไป")]
        [DataType(DataType.Password)]
        [Display(Name = "Channel secret ของ LINE Official Account")]
        public string? LineChannelSecret { get; set; }

        [Display(Name = "ปิดการแจ้งเตือนทาง LINE (ลบ token และ secret ที่เก็บไว้)")]
        public bool LineOff { get; set; }

        [Display(Name = "ต้องใช้การยืนยันตัวตนสองขั้นสำหรับผู้ดูแลระบบ ผู้อนุมัติ และเจ้าหน้าที่พัสดุ")]
        public bool RequireTwoFactor { get; set; }

        [Display(Name = "แบ่งแยกหน้าที่: ผู้บันทึกคำขอแทนผู้ยืมไม่ตรวจสอบและไม่ส่งมอบพัสดุของคำขอนั้นเอง")]
        public bool SeparateDuties { get; set; } = true;

        public static InputModel From(Data.Settings settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            var p = settings.Policy;
            return new InputModel
            {
                OnPremisesApprover = p.OnPremisesApprover,
                OffPremisesApprover = p.OffPremisesApprover,
                InterAgencyApprover = p.InterAgencyApprover,
                ConsumableApprover = p.ConsumableApprover,
                DefaultMaxLoanDays = p.DefaultMaxLoanDays,
                BorrowerStandingRule = p.BorrowerStandingRule,
                ExpireAfterDays = p.ExpireAfterDays,
                BookingHorizonDays = p.BookingHorizonDays,
                OpenApplicationCap = settings.OpenApplicationCap,
                MunicipalityName = settings.MunicipalityName,
                MunicipalityAddress = settings.MunicipalityAddress,
                ThaiDigitsOnDocuments = settings.ThaiDigitsOnDocuments,
                PromptPayTarget = settings.PromptPayTarget,
                AssetNumberTemplate = settings.AssetNumberTemplate,
                PublicBaseUrl = settings.PublicBaseUrl,
                RetentionDays = settings.RetentionDays,
                LineApiBaseUrl = settings.LineApiBaseUrl,
                RequireTwoFactor = settings.RequireTwoFactor,
                SeparateDuties = settings.SeparateDuties,
            };
        }

        /// <summary>One row per setting key, as <see cref="Data.Settings.FromRows"/> reads them back.</summary>
        public IReadOnlyDictionary<string, string> ToRows() => new Dictionary<string, string>
        {
            [Data.Settings.Keys.OnPremisesApprover] = OnPremisesApprover.ToString(),
            [Data.Settings.Keys.OffPremisesApprover] = OffPremisesApprover.ToString(),
            [Data.Settings.Keys.InterAgencyApprover] = InterAgencyApprover.ToString(),
            [Data.Settings.Keys.ConsumableApprover] = ConsumableApprover.ToString(),
            [Data.Settings.Keys.DefaultMaxLoanDays] = DefaultMaxLoanDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.BorrowerStandingRule] = BorrowerStandingRule.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.ExpireAfterDays] = ExpireAfterDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.BookingHorizonDays] = BookingHorizonDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.OpenApplicationCap] = OpenApplicationCap.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.MunicipalityName] = MunicipalityName!.Trim(),
            [Data.Settings.Keys.MunicipalityAddress] = MunicipalityAddress!.Trim(),
            [Data.Settings.Keys.ThaiDigitsOnDocuments] = ThaiDigitsOnDocuments.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.PromptPayTarget] = new string((PromptPayTarget ?? "").Where(char.IsAsciiDigit).ToArray()),
            [Data.Settings.Keys.AssetNumberTemplate] = AssetNumberTemplate!.Trim(),
            [Data.Settings.Keys.PublicBaseUrl] = (PublicBaseUrl ?? "").Trim().TrimEnd('/'),
            [Data.Settings.Keys.RetentionDays] = RetentionDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.LineApiBaseUrl] = (LineApiBaseUrl ?? "").Trim().TrimEnd('/'),
            [Data.Settings.Keys.RequireTwoFactor] = RequireTwoFactor.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.SeparateDuties] = SeparateDuties.ToString(CultureInfo.InvariantCulture),
        };
    }
}
