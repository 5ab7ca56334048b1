using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin;

/// <summary>
/// /admin/settings: the choices the regulation leaves to the municipality — who approves each loan case (a delegation
/// order may move off-premises approval to the FinanceDirector), default maximum loan days, the borrower-standing
/// rule, when an approved loan not picked up expires, the municipality's name. Every change is audited on save.
/// </summary>
public sealed class SettingsModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    public static IReadOnlyList<Role> ApproverRoles { get; } = [Role.FinanceDirector, Role.Executive];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await Data.Settings.LoadAsync(db, ct);
        var p = settings.Policy;
        Input = new InputModel
        {
            OnPremisesApprover = p.OnPremisesApprover,
            OffPremisesApprover = p.OffPremisesApprover,
            InterAgencyApprover = p.InterAgencyApprover,
            ConsumableApprover = p.ConsumableApprover,
            DefaultMaxLoanDays = p.DefaultMaxLoanDays,
            BorrowerStandingRule = p.BorrowerStandingRule,
            ExpireAfterDays = p.ExpireAfterDays,
            BookingHorizonDays = p.BookingHorizonDays,
            MunicipalityName = settings.MunicipalityName,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var values = new Dictionary<string, string>
        {
            [Data.Settings.Keys.OnPremisesApprover] = Input.OnPremisesApprover.ToString(),
            [Data.Settings.Keys.OffPremisesApprover] = Input.OffPremisesApprover.ToString(),
            [Data.Settings.Keys.InterAgencyApprover] = Input.InterAgencyApprover.ToString(),
            [Data.Settings.Keys.ConsumableApprover] = Input.ConsumableApprover.ToString(),
            [Data.Settings.Keys.DefaultMaxLoanDays] = Input.DefaultMaxLoanDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.BorrowerStandingRule] = Input.BorrowerStandingRule.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.ExpireAfterDays] = Input.ExpireAfterDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.BookingHorizonDays] = Input.BookingHorizonDays.ToString(CultureInfo.InvariantCulture),
            [Data.Settings.Keys.MunicipalityName] = Input.MunicipalityName!.Trim(),
        };
        foreach (var (key, value) in values)
        {
            await Data.Settings.SetAsync(db, key, value, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขการตั้งค่าในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
            return Page();
        }

        TempData["Flash"] = s["บันทึกการตั้งค่าแล้ว"].Value;
        return Redirect("/admin/settings");
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

        [Required(ErrorMessage = "กรุณากรอกชื่อเทศบาล")]
        [StringLength(200, ErrorMessage = "ชื่อยาวเกินไป")]
        [Display(Name = "ชื่อเทศบาล")]
        public string? MunicipalityName { get; set; }
    }
}
