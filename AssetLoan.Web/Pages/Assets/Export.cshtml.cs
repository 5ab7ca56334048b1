using System.Globalization;
using System.Text;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>
/// /assets/export?format=xlsx|csv with the list's filters. Thai headers, the import columns first (an export can be
/// imported into another registry); CSV is UTF-8 with a BOM so Excel shows Thai, and is streamed row by row.
/// </summary>
public sealed class ExportModel(AppDbContext db, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<string> Headers =
        [.. ImportColumns.All, "ประเภทครุภัณฑ์", "สถานะ", "หมายเลขเครื่อง (Serial)", "รหัสป้าย QR"];

    [BindProperty(SupportsGet = true)]
    public AssetFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var query = await db.SearchAssetsAsync(Filter, ct);
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{ThaiDate.ToBuddhistYear(today.Year)}-{today.Month:00}-{today.Day:00}");
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            await WriteCsvAsync(query, stamp, ct);
            return new EmptyResult();
        }

        var rows = await query.ToListAsync(ct);
        using var stream = new MemoryStream();
        // An empty result still gets its header row, so the officer sees the export worked and found nothing.
        var sheet = rows.Count > 0 ? rows.Select(ToXlsxRow).ToList() : [Headers.ToDictionary(h => h, _ => (object?)null)];
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "ทะเบียนครุภัณฑ์", excelType: ExcelType.XLSX, cancellationToken: ct);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ทะเบียนครุภัณฑ์-{stamp}.xlsx");
    }

    private async Task WriteCsvAsync(IQueryable<AssetListRow> query, string stamp, CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"assets-{stamp}.csv",
            FileNameStar = $"ทะเบียนครุภัณฑ์-{stamp}.csv",
        }.ToString();
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await writer.WriteAsync(("\uFEFF" + Csv.Line(Headers)).AsMemory(), ct);
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(Csv.Line(ToCells(row)).AsMemory(), ct);
        }

        await writer.FlushAsync(ct);
    }

    private static string?[] ToCells(AssetListRow r) =>
    [
        r.AssetNumber,
        r.ItemName,
        RegistryFormat.InputDate(r.AcquiredOn),
        r.Price.ToString("0.00", CultureInfo.InvariantCulture),
        r.DivisionName,
        r.Location,
        r.Condition,
        r.CategoryName,
        AssetText.Status(r.IsRetired ? Domain.Assets.AssetStatus.Disposed : r.Status),
        r.SerialNumber,
        r.Tag,
    ];

    private static Dictionary<string, object?> ToXlsxRow(AssetListRow r)
    {
        var cells = ToCells(r);
        var row = new Dictionary<string, object?>(Headers.Count);
        for (var i = 0; i < Headers.Count; i++)
        {
            row[Headers[i]] = Headers[i] == ImportColumns.Price ? r.Price : cells[i];
        }

        return row;
    }
}
