using System.Globalization;
using System.Text;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AssetLoan.Web.Pages.Transparency;

/// <summary>/transparency/stats.csv: the monthly statistics of a fiscal year, UTF-8 with a BOM (so Excel reads Thai), Thai headers.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class StatsModel(AppDbContext db, TimeProvider time, PublicStatistics statistics) : PageModel
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "ปีงบประมาณ", "เดือน", "คำขอยืม", "อนุมัติ", "ไม่อนุมัติ", "ระยะเวลาพิจารณา (มัธยฐาน วัน)", "คืนครบ (รายการ)", "คืนตามกำหนด (รายการ)",
        "คืนตามกำหนด (ร้อยละ)", "ค้างเกินกำหนด ณ สิ้นเดือน",
    ];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var years = await db.FiscalYearsAsync(today, ct);
        var chosen = years.FirstOrDefault(y => y.BuddhistYear == year, years[0]);
        var stats = await statistics.YearAsync(db, chosen, today, ct);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Headers.Select(Quote)));
        foreach (var m in stats.Months)
        {
            csv.AppendLine(Row(chosen, ThaiDate.MonthYear(m.Year, m.Month), m));
        }

        csv.AppendLine(Row(chosen, "รวมทั้งปี (ค้างเกินกำหนด ณ วันนี้)", stats.Total));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"assetloan-statistics-{chosen.BuddhistYear}.csv");
    }

    private static string Row(FiscalYear year, string label, MonthStatistics m) => string.Join(',',
        year.BuddhistYear.ToString(CultureInfo.InvariantCulture),
        Quote(label),
        m.Applications.ToString(CultureInfo.InvariantCulture),
        m.Approvals.ToString(CultureInfo.InvariantCulture),
        m.Rejections.ToString(CultureInfo.InvariantCulture),
        m.MedianDaysToDecision?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
        m.Returned.ToString(CultureInfo.InvariantCulture),
        m.ReturnedOnTime.ToString(CultureInfo.InvariantCulture),
        m.OnTimeRatePercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
        m.OverdueAtEnd?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
