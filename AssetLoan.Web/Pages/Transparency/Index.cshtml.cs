using System.Text.Json;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Transparency;

/// <summary>
/// /transparency (ITA evidence, domain.md §9): the regulation and its procedure, blank forms, the catalogue with
/// today's availability, monthly statistics of a fiscal year and the anonymised register, a page at a time. No personal
/// data. Anonymous visitors get it from the output cache (<see cref="PublicPageCache"/>).
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s, PublicDataCache cache, PublicStatistics statistics) : PageModel
{
    public string RegulationHtml { get; private set; } = "";

    /// <summary>
    /// The catalogue is shown this many items at a time (<c>?items=</c>): a municipality's tens of items fit on one page,
    /// a province's thousands made the page 1.7 MB (bench/run, issue 15).
    /// </summary>
    public const int CataloguePageSize = 50;

    /// <summary>This page of the public catalogue, with what is free today.</summary>
    public IReadOnlyList<PublicCatalogueItem> Catalogue { get; private set; } = [];

    public int CataloguePage { get; private set; } = 1;

    public int CatalogueCount { get; private set; }

    public int CataloguePages => Math.Max(1, (CatalogueCount + CataloguePageSize - 1) / CataloguePageSize);

    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];

    public FiscalYear Year { get; private set; }

    public YearStatistics Statistics { get; private set; } = null!;

    public const int RegisterPageSize = 50;

    public RegisterPage Register { get; private set; } = new([], 1, false);

    public DateOnly Today { get; private set; }

    /// <summary>The chart's data, for transparency.js (CSP allows no inline script).</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(int? year, [FromQuery(Name = "page")] int? registerPage, [FromQuery(Name = "items")] int? cataloguePage, CancellationToken ct)
    {
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var settings = await cache.SettingsAsync(db, ct);
        RegulationHtml = SafeMarkdown.ToHtml(settings.RegulationMarkdown);
        var catalogue = await cache.PublicCatalogueTodayAsync(db, Today, ct);
        CatalogueCount = catalogue.Count;
        CataloguePage = Math.Clamp(cataloguePage ?? 1, 1, CataloguePages);
        Catalogue = [.. catalogue.Skip((CataloguePage - 1) * CataloguePageSize).Take(CataloguePageSize)];
        Years = await db.FiscalYearsAsync(Today, ct);
        Year = Years.FirstOrDefault(y => y.BuddhistYear == year, Years[0]);
        Statistics = await statistics.YearAsync(db, Year, Today, ct);
        Register = await db.AnonymisedRegisterAsync(Year, Today, registerPage ?? 1, RegisterPageSize, ct);
        ChartJson = JsonSerializer.Serialize(new
        {
            labels = Statistics.Months.Select(m => MonthLabel(m.Year, m.Month, shortName: true)),
            series = new[]
            {
                new { label = s["คำขอยืม"].Value, data = Statistics.Months.Select(m => (double?)m.Applications) },
                new { label = s["อนุมัติ"].Value, data = Statistics.Months.Select(m => (double?)m.Approvals) },
                new { label = s["ไม่อนุมัติ"].Value, data = Statistics.Months.Select(m => (double?)m.Rejections) },
            },
            onTime = new { label = s["คืนตามกำหนด (ร้อยละ)"].Value, data = Statistics.Months.Select(m => m.OnTimeRatePercent) },
            countAxis = s["จำนวนคำขอ"].Value,
            percentAxis = s["ร้อยละ"].Value,
        });
    }

    public static string MonthLabel(int year, int month, bool shortName = false) =>
        Display.IsThai
            ? shortName ? $"{ThaiDate.ShortMonthName(month)} {(ThaiDate.ToBuddhistYear(year) % 100):00}" : ThaiDate.MonthYear(year, month)
            : new DateOnly(year, month, 1).ToString(shortName ? "MMM yy" : "MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
