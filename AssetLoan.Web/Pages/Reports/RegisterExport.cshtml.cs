using System.Globalization;
using System.Text;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Assets;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>
/// /reports/register.xlsx?fy=… and /reports/register.csv?fy=…: the register with the page's filters, read from the
/// database one batch at a time. CSV is UTF-8 with a BOM and streamed to the response; the workbook is written to a
/// temporary file as the batches arrive and then sent, so a year of 100,000 loans never sits in memory.
/// </summary>
public sealed class RegisterExportModel(AppDbContext db, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "เลขที่", "วันที่ยื่นคำขอ", "ผู้ยืม", "ประเภทผู้ยืม", "หน่วยงาน/ที่อยู่", "โทรศัพท์", "วัตถุประสงค์", "สถานที่ใช้",
        "รายการ หมายเลขครุภัณฑ์ จำนวน", "จำนวนที่ขอยืม", "กำหนดส่งคืน", "ผู้อนุมัติ", "วันที่อนุมัติ", "วันที่ส่งมอบ", "ผู้ส่งมอบ",
        "วันที่คืน", "ผู้รับคืน", "สภาพเมื่อคืน", "วันที่ทวงถาม", "ค่าเสียหาย (บาท)", "หมายเหตุ",
    ];

    [BindProperty(SupportsGet = true)]
    public RegisterFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        var fy = Reports.FiscalYearOrCurrent(Filter.Fy, time);
        var loans = await LoanRegister.LoansAsync(db, Filter, fy, ct);
        var totals = await LoanRegister.TotalsAsync(loans, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"ทะเบียนคุมการยืมพัสดุ-{fy}");
        var ascii = string.Create(CultureInfo.InvariantCulture, $"loan-register-{fy}");
        if (csv)
        {
            Response.ContentType = "text/csv; charset=utf-8";
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = ascii + ".csv", FileNameStar = name + ".csv" }.ToString();
            await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
            await writer.WriteAsync(("\uFEFF" + Csv.Line(Headers)).AsMemory(), ct);
            await foreach (var row in LoanRegister.StreamAsync(db, loans, ct))
            {
                await writer.WriteAsync(Csv.Line(Cells(row).Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))).AsMemory(), ct);
            }

            await writer.WriteAsync(Csv.Line(TotalCells(totals).Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))).AsMemory(), ct);
            await writer.FlushAsync(ct);
            return new EmptyResult();
        }

        var path = Path.Combine(Path.GetTempPath(), $"assetloan-register-{Guid.NewGuid():N}.xlsx");
        var rows = LoanRegister.StreamAsync(db, loans, ct).ToBlockingEnumerable(ct).Select(ToSheetRow)
            .Append(ToSheetRow(TotalCells(totals)));
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
        {
            MiniExcel.SaveAs(file, rows, sheetName: "ทะเบียนคุมการยืม", excelType: ExcelType.XLSX);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    private static Dictionary<string, object?> ToSheetRow(RegisterRow r) => ToSheetRow(Cells(r));

    private static Dictionary<string, object?> ToSheetRow(object?[] cells)
    {
        var row = new Dictionary<string, object?>(Headers.Count);
        for (var i = 0; i < Headers.Count; i++)
        {
            row[Headers[i]] = cells[i];
        }

        return row;
    }

    private static object?[] Cells(RegisterRow r) =>
    [
        r.Reference,
        ThaiDate.Format(r.FiledOn),
        r.BorrowerName,
        LoanText.Kind(r.Kind),
        r.DivisionOrAddress,
        r.MaskedPhone,
        r.Purpose,
        r.Place,
        string.Join("; ", r.Lines.Select(l => l.Text)),
        r.Lines.Sum(l => l.Quantity),
        ThaiDate.Format(r.DueOn),
        r.Approval,
        Date(r.ApprovedOn),
        Date(r.HandedOverOn),
        r.HandedOverByName,
        Date(r.ReturnedOn),
        r.ReceivedBackByName,
        string.Join("; ", r.Lines.Select(l => l.Condition).Where(c => c is not null)),
        string.Join(", ", r.DemandDates.Select(ThaiDate.Format)),
        r.CompensationCases == 0 ? null : r.CompensationAmount,
        r.Remarks,
    ];

    private static object?[] TotalCells(RegisterTotals t)
    {
        var cells = new object?[Headers.Count];
        cells[0] = string.Create(CultureInfo.InvariantCulture, $"รวม {t.Loans:#,##0} รายการ");
        cells[9] = t.QuantityRequested;
        cells[18] = string.Create(CultureInfo.InvariantCulture, $"{t.Demands} ครั้ง");
        cells[19] = t.CompensationAmount;
        return cells;
    }

    private static string? Date(DateOnly? d) => d is { } day ? ThaiDate.Format(day) : null;
}
