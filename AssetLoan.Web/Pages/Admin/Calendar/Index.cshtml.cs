using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Calendar;

/// <summary>
/// /admin/calendar: the working calendar — the public holidays the admin keeps (every year or one date, typed and
/// shown in พ.ศ.), and how many working days before the start a loan may be picked up. Every change is audited.
/// </summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public HolidayInput Input { get; set; } = new();

    [BindProperty]
    [Range(0, WorkingCalendar.MaxPickupWorkingDays, ErrorMessage = "จำนวนวันทำการต้องอยู่ระหว่าง {1} ถึง {2}")]
    [Display(Name = "รับพัสดุล่วงหน้าได้ก่อนวันเริ่มยืม (วันทำการ)")]
    public int PickupWorkingDays { get; set; } = WorkingCalendar.DefaultPickupWorkingDays;

    public IReadOnlyList<PublicHoliday> EveryYear { get; private set; } = [];

    public IReadOnlyList<PublicHoliday> Dated { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        PickupWorkingDays = (await db.WorkingCalendarAsync(ct)).PickupWorkingDays;
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(PickupWorkingDays));
        if (ModelState.IsValid && Input.Date is { } date)
        {
            int? year = Input.EveryYear ? null : date.Year;
            if (await db.Holidays().AnyAsync(h => h.Month == date.Month && h.Day == date.Day && h.Year == year, ct))
            {
                ModelState.AddModelError("Input.Date", s["วันที่นี้เป็นวันหยุดอยู่แล้ว"]);
            }
            else
            {
                db.Add(new PublicHoliday(year, date.Month, date.Day, Input.Name ?? ""));
                await db.SaveChangesAsync(ct);
                this.Flash(s["เพิ่มวันหยุด {0} แล้ว", Input.Name?.Trim() ?? ""].Value);
                return RedirectToPage("/Admin/Calendar/Index");
            }
        }

        await ((IShowsRuleErrors)this).ReloadAsync(ct);
        return Page();
    }

    string IShowsRuleErrors.FieldFor(DomainRuleException error) => error.Code == "Holiday.InvalidDate" ? "Input.Date" : "Input.Name";

    async Task IShowsRuleErrors.ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        PickupWorkingDays = (await db.WorkingCalendarAsync(ct)).PickupWorkingDays;
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var holiday = await db.Holidays().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null)
        {
            return NotFound();
        }

        db.Remove(holiday);
        await db.SaveChangesAsync(ct);
        this.Flash(s["ลบวันหยุด {0} แล้ว", holiday.Name].Value);
        return RedirectToPage("/Admin/Calendar/Index");
    }

    public async Task<IActionResult> OnPostPickupAsync(CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        await Data.Settings.SetAsync(db, WorkingCalendars.PickupWorkingDaysKey, PickupWorkingDays.ToString(CultureInfo.InvariantCulture), ct);
        await db.SaveChangesAsync(ct);
        this.Flash(s["บันทึกการตั้งค่าการรับพัสดุล่วงหน้าแล้ว"].Value);
        return RedirectToPage("/Admin/Calendar/Index");
    }

    /// <summary>"13 เม.ย." ("13 Apr") for a holiday every year; "13 เม.ย. 2570" ("13 Apr 2027") for one date.</summary>
    public static string When(PublicHoliday h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.Year is { } y)
        {
            return Display.Date(new DateOnly(y, h.Month, h.Day));
        }

        return Display.IsThai
            ? string.Create(CultureInfo.InvariantCulture, $"{h.Day} {ThaiDate.ShortMonthName(h.Month)}")
            : new DateOnly(2000, h.Month, h.Day).ToString("d MMM", CultureInfo.InvariantCulture);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Holidays().AsNoTracking().ToListAsync(ct);
        EveryYear = all.Where(h => h.EveryYear).OrderBy(h => h.Month).ThenBy(h => h.Day).ToList();
        Dated = all.Where(h => !h.EveryYear).OrderBy(h => h.Year).ThenBy(h => h.Month).ThenBy(h => h.Day).ToList();
    }

    public sealed class HolidayInput
    {
        [Required(ErrorMessage = "กรุณากรอกวันที่")]
        [BuddhistDate]
        [Display(Name = "วันที่ (วว/ดด/ปปปป พ.ศ.)")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "กรุณากรอกชื่อวันหยุด")]
        [StringLength(PublicHoliday.NameMaxLength, ErrorMessage = "ชื่อวันหยุดยาวเกินไป")]
        [Display(Name = "ชื่อวันหยุด")]
        public string? Name { get; set; }

        [Display(Name = "หยุดวันที่นี้ทุกปี")]
        public bool EveryYear { get; set; }
    }
}
