using System.Net;
using System.Text;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Pages.Assets;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AssetLoan.Tests.Web;

public sealed class AssetImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "หมายเลขครุภัณฑ์,รายการ,วันที่ได้มา,ราคา,หน่วยงาน,สถานที่,สภาพ";

    [Fact]
    public async Task Preview_FileWithBadRows_ShowsRowLevelThaiErrorsAndWritesNothing()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var csv = Csv(
            "IMP-A-0001,เต็นท์ ขนาด 4×8 ม.,15/03/2564,18500,กองคลัง,โรงเก็บพัสดุ,ดี",
            "IMP-A-0001,เต็นท์ ขนาด 4×8 ม.,15/03/2564,18500,,,",
            "490-64-0001,เต็นท์ ขนาด 4×8 ม.,15/03/2564,18500,,,",
            "IMP-A-0004,ยานอวกาศ,15/03/2564,18500,,,",
            "IMP-A-0005,เต็นท์ ขนาด 4×8 ม.,31/02/2569,18500,,,",
            "IMP-A-0006,เต็นท์ ขนาด 4×8 ม.,15/03/2564,หนึ่งพัน,,,",
            "IMP-A-0007,เต็นท์ ขนาด 4×8 ม.,15/03/2564,100,กองไม่มีจริง,,",
            "IMP-A-0008,เก้าอี้พลาสติก,15/03/2564,100,,,");
        var before = await CountAsync();

        var response = await UploadAsync(client, "register.csv", csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        var errors = doc.QuerySelector(".import-errors")!.TextContent;
        Assert.Contains("แถวที่ 3 · คอลัมน์ หมายเลขครุภัณฑ์: หมายเลขซ้ำกับแถวที่ 2 ในไฟล์นี้", errors, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 4 · คอลัมน์ หมายเลขครุภัณฑ์: หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว", errors, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 5 · คอลัมน์ รายการ: ไม่พบรายการ \"ยานอวกาศ\"", errors, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 6 · คอลัมน์ วันที่ได้มา: วันที่ \"31/02/2569\" ไม่ถูกต้อง", errors, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 7 · คอลัมน์ ราคา: ราคา \"หนึ่งพัน\" ไม่ถูกต้อง", errors, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 8 · คอลัมน์ หน่วยงาน: ไม่พบหน่วยงาน \"กองไม่มีจริง\"", errors, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 9 · คอลัมน์ รายการ: รายการ \"เก้าอี้พลาสติก\" นับเป็นจำนวนรวม", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("แถวที่ 2 ·", errors, StringComparison.Ordinal);
        Assert.Contains("ยังไม่มีการบันทึกข้อมูลใดๆ", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form[action*='handler=Confirm']"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Confirm_ValidCsvWithBom_ImportsEveryRow()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var csv = Csv(
            "IMP-B-0001,เต็นท์ ขนาด 4×8 ม.,15/03/2564,\"18,500.00\",กองคลัง,โรงเก็บพัสดุ,ดี",
            "IMP-B-0002,เต็นท์ ขนาด 4x8 ม.,2021-03-16,18500,FIN,,",
            "",
            "IMP-B-0003,เครื่องสูบน้ำ,๐๑/๐๘/๒๕๖๒,15500.5,กองช่าง,\"โรงเก็บ, กองช่าง\",\"ใช้งานได้ \"\"ดี\"\"\"");

        var preview = await UploadAsync(client, "ทะเบียนเดิม.csv", csv);

        var doc = await HtmlForm.ParseAsync(preview);
        Assert.Contains("พร้อมนำเข้า 3 รายการ", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ข้ามแถวว่าง 1 แถว", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Assets.AnyAsync(a => a.AssetNumber.StartsWith("IMP-B-"))));

        var confirm = await HtmlForm.From(doc, "form[action*='handler=Confirm']", "/assets/import").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var imported = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.AssetNumber.StartsWith("IMP-B-")).OrderBy(a => a.AssetNumber).ToListAsync());
        Assert.Equal(3, imported.Count);
        var fin = await app.WithDbAsync(db => db.Divisions.Where(d => d.Code == "FIN").Select(d => d.Id).SingleAsync());
        Assert.Equal(new DateOnly(2021, 3, 15), imported[0].AcquiredOn);
        Assert.Equal(18_500m, imported[0].Price);
        Assert.Equal(fin, imported[0].DivisionId);
        Assert.Equal(fin, imported[1].DivisionId);
        Assert.Equal(new DateOnly(2019, 8, 1), imported[2].AcquiredOn);
        Assert.Equal(15_500.50m, imported[2].Price);
        Assert.Equal("โรงเก็บ, กองช่าง", imported[2].Location);
        Assert.Equal("ใช้งานได้ \"ดี\"", imported[2].Condition);
        Assert.Equal(3, imported.Select(a => a.Tag).Distinct().Count());
        var list = await HtmlForm.GetDocumentAsync(client, "/assets?q=IMP-B");
        Assert.Contains("นำเข้าครุภัณฑ์ 3 รายการจากไฟล์ ทะเบียนเดิม.csv เรียบร้อยแล้ว", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_XlsxWithExcelDatesAndNumbers_Imports()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var rows = new[]
        {
            Row("IMP-C-0001", "ชุดเครื่องเสียงกลางแจ้ง", new DateTime(2020, 6, 1), 45000d, "OFF"),
            Row("IMP-C-0002", "ชุดเครื่องเสียงกลางแจ้ง", "01/06/2563", 45000.25d, "สำนักปลัดเทศบาล"),
            Row("IMP-C-0003", "ชุดเครื่องเสียงกลางแจ้ง", new DateTime(2563, 6, 1), "45,000", null),
        };
        using var xlsx = new MemoryStream();
        MiniExcel.SaveAs(xlsx, rows);

        var preview = await UploadAsync(client, "register.xlsx", xlsx.ToArray());
        var doc = await HtmlForm.ParseAsync(preview);
        Assert.Contains("พร้อมนำเข้า 3 รายการ", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var confirm = await HtmlForm.From(doc, "form[action*='handler=Confirm']", "/assets/import").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var imported = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.AssetNumber.StartsWith("IMP-C-")).OrderBy(a => a.AssetNumber).ToListAsync());
        Assert.Equal(3, imported.Count);
        Assert.All(imported, a => Assert.Equal(new DateOnly(2020, 6, 1), a.AcquiredOn));
        Assert.Equal(45_000.25m, imported[1].Price);
        Assert.Null(imported[2].DivisionId);
    }

    [Fact]
    public async Task Confirm_ARowBecameInvalidAfterThePreview_ImportsNothing()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var csv = Csv(
            "IMP-D-0001,เต็นท์ ขนาด 3×3 ม.,10/01/2566,4900,,,",
            "IMP-D-0002,เต็นท์ ขนาด 3×3 ม.,10/01/2566,4900,,,");
        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.csv", csv));
        var confirmForm = HtmlForm.From(doc, "form[action*='handler=Confirm']", "/assets/import");

        // Meanwhile another officer registers one of the numbers by hand.
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var item = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == "เต็นท์ ขนาด 3×3 ม.").Select(c => c.Id).SingleAsync());
        var create = await HtmlForm.LoadAsync(admin, $"/assets/create?item={item}");
        create.Set("Input.AssetNumber", "IMP-D-0002").Set("Input.AcquiredOn", "10/01/2566").Set("Input.Price", "4900");
        Assert.Equal(HttpStatusCode.Redirect, (await create.SubmitAsync(admin)).StatusCode);

        var response = await confirmForm.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlForm.ParseAsync(response);
        Assert.Contains("จึงไม่ได้นำเข้าข้อมูลใดเลย", result.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("แถวที่ 3 · คอลัมน์ หมายเลขครุภัณฑ์: หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว", result.QuerySelector(".import-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Assets.AnyAsync(a => a.AssetNumber == "IMP-D-0001")));
    }

    [Fact]
    public async Task Confirm_SameTokenTwice_ImportsOnce()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.csv", Csv("IMP-E-0001,จอรับภาพแบบขาตั้ง,05/11/2562,3500,,,")));
        var confirmForm = HtmlForm.From(doc, "form[action*='handler=Confirm']", "/assets/import");
        Assert.Equal(HttpStatusCode.Redirect, (await confirmForm.SubmitAsync(client)).StatusCode);

        var again = await confirmForm.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("กรุณาอัปโหลดไฟล์ใหม่อีกครั้ง", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Assets.CountAsync(a => a.AssetNumber == "IMP-E-0001")));
    }

    [Fact]
    public async Task Confirm_AnotherOfficersToken_IsRefused()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.ParseAsync(await UploadAsync(officer, "register.csv", Csv("IMP-F-0001,จอรับภาพแบบขาตั้ง,05/11/2562,3500,,,")));
        var token = HtmlForm.From(doc, "form[action*='handler=Confirm']", "/assets/import").Value("Token")!;
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var adminForm = await HtmlForm.LoadAsync(admin, "/assets/import", "form[enctype='multipart/form-data']");

        var response = await adminForm.Set("Token", token).SubmitAsync(admin, "/assets/import?handler=Confirm");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("กรุณาอัปโหลดไฟล์ใหม่อีกครั้ง", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Assets.AnyAsync(a => a.AssetNumber == "IMP-F-0001")));
    }

    [Fact]
    public async Task Upload_MissingColumns_SaysWhichAndImportsNothing()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var csv = Encoding.UTF8.GetBytes("หมายเลข,ชื่อ\r\nX-1,เต็นท์\r\n");

        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.csv", csv));

        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("ไม่พบคอลัมน์ที่ต้องมี: หมายเลขครุภัณฑ์, รายการ, วันที่ได้มา, ราคา", text, StringComparison.Ordinal);
        Assert.Contains("คอลัมน์ที่ไม่ได้ใช้และจะไม่นำเข้า: หมายเลข, ชื่อ", text, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form[action*='handler=Confirm']"));
    }

    [Theory]
    [InlineData("register.xlsx", "ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง")]
    [InlineData("register.xls", "ไฟล์ .xls (Excel 97–2003) ยังไม่รองรับ")]
    [InlineData("register.pdf", "รองรับเฉพาะไฟล์ .xlsx หรือ .csv เท่านั้น")]
    public async Task Upload_WrongKindOfFile_SaysSoInThai(string fileName, string message)
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var response = await UploadAsync(client, fileName, Encoding.UTF8.GetBytes("%PDF-1.4 not a spreadsheet"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("[data-valmsg-for='Upload']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CsvInWindows874_AsksForUtf8()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        // "รายการ" in TIS-620 / Windows-874: one byte per Thai letter, invalid as UTF-8.
        byte[] tis620 = [.. Encoding.ASCII.GetBytes("a,"), 0xC3, 0xD2, 0xC2, 0xA1, 0xD2, 0xC3, (byte)'\r', (byte)'\n'];

        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.csv", tis620));

        Assert.Contains("ไม่ได้บันทึกเป็น UTF-8", doc.QuerySelector("[data-valmsg-for='Upload']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Over5MB_IsRefusedWithThaiMessage()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var big = new byte[(5 * 1024 * 1024) + 1];
        Encoding.UTF8.GetBytes(Header).CopyTo(big, 0);

        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.csv", big));

        Assert.Contains("เกินกำหนด 5 MB", doc.QuerySelector("[data-valmsg-for='Upload']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_XlsxOfBlankRowsPastTheCap_IsRefusedAndImportsNothing()
    {
        // Blank rows used not to count toward the 10,000-row cap: a sheet of blank rows was read to its end.
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var rows = Enumerable.Range(0, AssetImport.MaxRows + 5).Select(i => i == 0 ? Row("IMP-Z-0001", "จอรับภาพแบบขาตั้ง", "05/11/2562", 3500, null) : Row("", "", null, null, null));
        using var xlsx = new MemoryStream();
        MiniExcel.SaveAs(xlsx, rows);
        var before = await CountAsync();

        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.xlsx", xlsx.ToArray()));

        Assert.Contains("ไฟล์มีเกิน 10,000 แถว (นับแถวว่างด้วย)", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form[action*='handler=Confirm']"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Upload_XlsxThatUnpacksPastTheLimit_IsRefusedBeforeAnyRowIsRead()
    {
        // A zip bomb in .xlsx clothing: small on the wire, a huge sheet once unpacked.
        var client = await app.CreateClientAsAsync(Demo.Officer);
        using var bomb = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var blank = new byte[1024 * 1024];
            Array.Fill(blank, (byte)' ');
            for (var i = 0; i * blank.Length <= AssetImport.MaxUncompressedBytes; i++)
            {
                await sheet.WriteAsync(blank);
            }
        }

        Assert.True(bomb.Length < AssetImport.MaxBytes, $"the test file should pass the 5 MB upload limit ({bomb.Length} bytes)");
        var doc = await HtmlForm.ParseAsync(await UploadAsync(client, "register.xlsx", bomb.ToArray()));

        Assert.Contains("เมื่อคลายออกมีขนาดใหญ่เกินกว่าทะเบียนทั่วไป", doc.QuerySelector("[data-valmsg-for='Upload']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Csv_HasTheThaiHeadersAndABom()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var bytes = await client.GetByteArrayAsync("/assets/import?handler=template&format=csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(Header, Encoding.UTF8.GetString(bytes[3..]).TrimEnd());
    }

    [Fact]
    public async Task Template_Xlsx_ReadsBackAsTheHeaders()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var bytes = await client.GetByteArrayAsync("/assets/import?handler=template&format=xlsx");

        var columns = MiniExcel.GetColumns(new MemoryStream(bytes), useHeaderRow: true, excelType: ExcelType.XLSX);
        Assert.Equal(Header.Split(','), columns);
    }

    private static Dictionary<string, object?> Row(string number, string item, object? acquired, object? price, string? division) => new()
    {
        ["หมายเลขครุภัณฑ์"] = number,
        ["รายการ"] = item,
        ["วันที่ได้มา"] = acquired,
        ["ราคา"] = price,
        ["หน่วยงาน"] = division,
        ["สถานที่"] = null,
        ["สภาพ"] = "ดี",
    };

    private static byte[] Csv(params string[] rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n")];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var form = await HtmlForm.LoadAsync(client, "/assets/import", "form[enctype='multipart/form-data']");
        form.AttachFile("Upload", fileName, content, "application/octet-stream");
        return await form.SubmitAsync(client);
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Assets.CountAsync());
}
