using System.Net;
using System.Text;
using AssetLoan.Tests.Support;
using MiniExcelLibs;

namespace AssetLoan.Tests.Web;

/// <summary>Reads only: exports of the demo registry as seeded.</summary>
public sealed class AssetExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Csv_StartsWithTheUtf8BomAndHoldsThaiHeadersAndRows()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var response = await client.GetAsync("/assets/export?format=csv&q=" + Uri.EscapeDataString("เต็นท์"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("หมายเลขครุภัณฑ์,รายการ,วันที่ได้มา,ราคา,หน่วยงาน,สถานที่,สภาพ,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 16, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("490-64-0001,เต็นท์ ขนาด 4×8 ม.,15/03/2564,18500.00,กองคลัง,โรงเก็บพัสดุ กองคลัง,ดี,ครุภัณฑ์อื่น,ว่าง พร้อมให้ยืม,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_HoldsTheFilteredRowsWithThaiHeaders()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var response = await client.GetAsync("/assets/export?format=xlsx&q=490-66");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("490-66-0001", rows[0]["หมายเลขครุภัณฑ์"]);
        Assert.Equal("เต็นท์ ขนาด 3×3 ม.", rows[0]["รายการ"]);
        Assert.Equal(4900d, rows[0]["ราคา"]);
    }

    [Fact]
    public async Task Csv_NothingMatches_StillHasTheHeader()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/assets/export?format=csv&status=lost"));

        Assert.Single(text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Csv_ExportedFileImportsElsewhereWithoutChange()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var exported = await client.GetByteArrayAsync("/assets/export?format=csv&q=" + Uri.EscapeDataString("พย7110"));

        // Into this registry the numbers exist already: every row must be refused for that reason and no other.
        var form = await HtmlForm.LoadAsync(client, "/assets/import", "form[enctype='multipart/form-data']");
        var doc = await HtmlForm.ParseAsync(await form.AttachFile("Upload", "export.csv", exported, "text/csv").SubmitAsync(client));

        var errors = doc.QuerySelectorAll(".import-errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว", e, StringComparison.Ordinal));
    }
}
