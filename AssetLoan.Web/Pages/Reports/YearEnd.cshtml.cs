using System.Globalization;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>/reports/year-end?fy=2569: what was out on loan at the end of 30 September (ข้อ ๒๑๓), for the stock check.</summary>
public sealed class YearEndModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Fy { get; set; }

    public FiscalYear Year { get; private set; }

    public IReadOnlyList<YearEndRow> Rows { get; private set; } = [];

    public string Municipality { get; private set; } = "";

    /// <summary>The admin's Thai-digit setting: print.js then puts the printed sheet's figures in Thai digits.</summary>
    public bool ThaiDigitsInPrint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = new FiscalYear(DefaultYear(Fy, time));
        Rows = await YearEndList.ReadAsync(db, Year, ct);
        var settings = await Settings.LoadAsync(db, ct);
        Municipality = settings.MunicipalityName;
        ThaiDigitsInPrint = settings.ThaiDigitsOnDocuments;
    }

    /// <summary>Without a year: the last year that has ended (the stock check looks back).</summary>
    public static int DefaultYear(int? fy, TimeProvider time)
    {
        var current = Reports.FiscalYearOrCurrent(null, time);
        return fy is null ? current - 1 : Reports.FiscalYearOrCurrent(fy, time);
    }
}

/// <summary>/reports/year-end.xlsx?fy=2569.</summary>
public sealed class YearEndExportModel(AppDbContext db, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<string> Headers =
        ["ลำดับ", "รายการ", "หมายเลขครุภัณฑ์", "จำนวน", "หน่วยนับ", "เลขที่คำขอ", "ผู้ยืม", "ประเภทผู้ยืม", "วันที่ส่งมอบ", "กำหนดส่งคืน", "คืนภายหลังเมื่อ"];

    public async Task<IActionResult> OnGetAsync(string format, int? fy, CancellationToken ct)
    {
        if (!string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        var year = new FiscalYear(YearEndModel.DefaultYear(fy, time));
        var rows = await YearEndList.ReadAsync(db, year, ct);
        var sheet = rows.Count == 0
            ? [Headers.ToDictionary(h => h, _ => (object?)null)]
            : rows.Select((r, i) => new Dictionary<string, object?>
            {
                [Headers[0]] = i + 1,
                [Headers[1]] = r.ItemName,
                [Headers[2]] = r.AssetNumber,
                [Headers[3]] = r.Quantity,
                [Headers[4]] = r.UnitNoun,
                [Headers[5]] = r.Reference,
                [Headers[6]] = r.BorrowerName,
                [Headers[7]] = LoanText.Kind(r.Kind),
                [Headers[8]] = ThaiDate.Format(r.HandedOverOn),
                [Headers[9]] = ThaiDate.Format(r.DueOn),
                [Headers[10]] = r.ReturnedSinceOn is { } d ? ThaiDate.Format(d) : null,
            }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "คงค้าง 30 ก.ย.", excelType: ExcelType.XLSX, cancellationToken: ct);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"พัสดุที่ยืมคงค้าง-30ก.ย.{year.BuddhistYear}.xlsx"));
    }
}
