using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>ทะเบียนคุมการยืมพัสดุ: its totals against the database, its exports, and a loan crossing 30 September.</summary>
public sealed class LoanRegisterTests(BooksScenario app) : IClassFixture<BooksScenario>
{
    [Fact]
    public async Task Totals_EqualDirectCountsFromTheDatabase()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var doc = await GetAsync(client, "/reports/register?fy=2569");

        var expected = await app.WithDbAsync(async db => new
        {
            Loans = await db.Loans.CountAsync(l => l.FiscalYear == 2569),
            Requested = await db.LoanLines.Where(x => db.Loans.Any(l => l.Id == x.LoanId && l.FiscalYear == 2569)).SumAsync(x => x.Quantity),
            Issued = await db.LoanLines.Where(x => db.Loans.Any(l => l.Id == x.LoanId && l.FiscalYear == 2569)).SumAsync(x => x.IssuedQuantity),
            HandedOver = await db.Loans.CountAsync(l => l.FiscalYear == 2569 && l.HandedOverOn != null),
            Returned = await db.Loans.CountAsync(l => l.FiscalYear == 2569 && l.ReturnedOn != null),
            Demands = await db.Demands.CountAsync(d => db.Loans.Any(l => l.Id == d.LoanId && l.FiscalYear == 2569)),
            Cases = await db.CompensationCases.CountAsync(c => db.Loans.Any(l => l.Id == c.LoanId && l.FiscalYear == 2569)),
        });
        Assert.True(expected.Loans >= 3, "the scenario files loans in 2569");
        Assert.Equal(expected.Loans.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture), Total(doc, "loans"));
        Assert.Equal(expected.Requested.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture), Total(doc, "requested"));
        Assert.Equal(expected.Issued.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture), Total(doc, "issued"));
        Assert.Equal($"{expected.HandedOver}", Total(doc, "handedover"));
        Assert.Equal($"{expected.Returned}", Total(doc, "returned"));
        Assert.Equal($"{expected.Demands}", Total(doc, "demands"));
        Assert.StartsWith($"{expected.Cases} ", Total(doc, "compensation"), StringComparison.Ordinal);
        Assert.Equal(expected.Loans, doc.QuerySelectorAll("tr[data-loan]").Length);
    }

    [Fact]
    public async Task LoanCrossingSeptember_IsInTheRegisterOfTheYearItWasFiled()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var y2569 = await GetAsync(client, "/reports/register?fy=2569");
        var y2570 = await GetAsync(client, "/reports/register?fy=2570");

        var row = y2569.QuerySelector($"tr[data-loan='{app.Crossing}']");
        Assert.NotNull(row);
        Assert.Null(y2570.QuerySelector($"tr[data-loan='{app.Crossing}']"));
        Assert.NotNull(y2570.QuerySelector($"tr[data-loan='{app.Later}']"));
        Assert.Null(y2569.QuerySelector($"tr[data-loan='{app.Later}']"));
        var text = row!.TextContent;
        Assert.Contains("เต็นท์ ขนาด 4×8 ม. 2 หลัง", text, StringComparison.Ordinal);
        Assert.Contains("ชำรุด 1", text, StringComparison.Ordinal);
        Assert.Contains("3 ต.ค. 2569", text, StringComparison.Ordinal); // returned in the next fiscal year, shown in พ.ศ.
        // The phone shows its last four digits only.
        Assert.Contains("xxx-xxx-5678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("234-5678", y2569.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_KindAndItem_NarrowTheRowsAndTheTotals()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Director);
        var projector = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == LoanSetup.Projector).Select(c => c.Id).SingleAsync());

        var staff = await GetAsync(client, "/reports/register?fy=2569&kind=Staff");
        var withProjector = await GetAsync(client, $"/reports/register?fy=2569&item={projector}");

        var staffCount = await app.WithDbAsync(db => db.Loans.CountAsync(l => l.FiscalYear == 2569 && l.BorrowerKind == BorrowerKind.Staff));
        Assert.Equal($"{staffCount}", Total(staff, "loans"));
        Assert.Equal(staffCount, staff.QuerySelectorAll("tr[data-loan]").Length);
        var expected = await app.WithDbAsync(db => db.Loans.Where(l => l.FiscalYear == 2569 && l.Lines.Any(x => x.CatalogueItemId == projector))
            .OrderBy(l => l.Number).Select(l => l.Id).ToListAsync());
        Assert.Contains(app.Early, expected);
        Assert.Equal(expected.Select(id => $"{id}").ToArray(), withProjector.QuerySelectorAll("tr[data-loan]").Select(r => r.GetAttribute("data-loan") ?? "").ToArray());
        Assert.Equal($"{expected.Count}", Total(withProjector, "loans"));
    }

    [Fact]
    public async Task Xlsx_ReadsBackWithThaiIntact()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var response = await client.GetAsync("/reports/register.xlsx?fy=2569");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        var loans = await app.WithDbAsync(db => db.Loans.CountAsync(l => l.FiscalYear == 2569));
        Assert.Equal(loans + 1, rows.Count); // every loan and the totals line
        var reference = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == app.Crossing).Select(l => l.Reference).SingleAsync());
        var crossing = rows.Single(r => (string?)r["เลขที่"] == reference);
        Assert.Equal("จัดงานประชุมผู้ปกครองนักเรียน", crossing["วัตถุประสงค์"]);
        Assert.Equal("บุคลากรภายใน", crossing["ประเภทผู้ยืม"]);
        Assert.StartsWith("เต็นท์ ขนาด 4×8 ม. 2 หลัง (", (string?)crossing["รายการ หมายเลขครุภัณฑ์ จำนวน"], StringComparison.Ordinal);
        Assert.Equal(22d, Convert.ToDouble(crossing["จำนวนที่ขอยืม"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("28 ก.ย. 2569", crossing["วันที่ยื่นคำขอ"]);
        Assert.Equal($"รวม {loans} รายการ", rows[^1]["เลขที่"]);
    }

    [Fact]
    public async Task Csv_HasTheBomThaiHeadersAndNeutralisedFormulas()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var response = await client.GetAsync("/reports/register.csv?fy=2569");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("เลขที่,วันที่ยื่นคำขอ,ผู้ยืม,ประเภทผู้ยืม,", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") ประชุม\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownExportFormat_IsNotFound()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/register.pdf?fy=2569")).StatusCode);
    }

    private static string Total(AngleSharp.Dom.IDocument doc, string key) =>
        doc.QuerySelector($"[data-total='{key}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"no total {key}");

    private static async Task<AngleSharp.Dom.IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
