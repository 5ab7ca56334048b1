using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// The handover form and the loan slip. The class shares one database (with the demo loans), so the tests spread
/// their reservations over items: ten 4×8 tents would not cover every test.
/// </summary>
public sealed class HandoverPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Get_ApprovedLoan_ShowsReservedUnitsChecklistAndScanField()
    {
        var id = await app.ApprovedAsync((LoanSetup.Tent, 2), (LoanSetup.Chairs, 30));
        var reserved = await ReservedNumbersAsync(id);
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/handover/{id}");

        var text = doc.Body!.TextContent;
        Assert.All(reserved, n => Assert.Contains(n, text, StringComparison.Ordinal));
        Assert.Contains("เสาเต็นท์ 8 ต้น", text, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("input[data-scan-target][name='Input.Lines[0].Scan']"));
        Assert.Equal("30", doc.QuerySelector("input[name='Input.Lines[1].PoolQuantity']")!.GetAttribute("value"));
        Assert.Equal("นางสาวมาลี สุขใจ", doc.QuerySelector("input[name='Input.ReceiverName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Scan_ReservedUnitByNumberOrTag_TicksIt()
    {
        var id = await app.ApprovedAsync((LoanSetup.Notebook, 2));
        var units = await ReservedAsync(id);
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");

        form.Set("Input.Lines[0].Scan", units[0].AssetNumber);
        var first = await form.SubmitAsync(client, $"/supplies/handover/{id}?handler=Scan");
        var afterFirst = await HtmlForm.ParseAsync(first);
        var again = HtmlForm.From(afterFirst, "#handover-form", $"/supplies/handover/{id}").Set("Input.Lines[0].Scan", $"https://example.go.th/a/{units[1].Tag.ToLowerInvariant()}");
        var doc = await HtmlForm.ParseAsync(await again.SubmitAsync(client, $"/supplies/handover/{id}?handler=Scan"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(doc.QuerySelector($"#unit-{units[0].Id}")!.HasAttribute("checked"));
        Assert.True(doc.QuerySelector($"#unit-{units[1].Id}")!.HasAttribute("checked"));
        Assert.Equal("", doc.QuerySelector("input[name='Input.Lines[0].Scan']")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Scan_UnitNotReservedForThisLoan_ShowsThaiMessageBesideTheFieldAndKeepsIt()
    {
        var id = await app.ApprovedAsync((LoanSetup.Tent, 1));
        var reserved = await ReservedNumbersAsync(id);
        var other = await app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber.StartsWith("490-64-") && !reserved.Contains(a.AssetNumber)).Select(a => a.AssetNumber).FirstAsync());
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");

        form.Set("Input.Lines[0].Scan", other);
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client, $"/supplies/handover/{id}?handler=Scan"));

        Assert.Contains("ครุภัณฑ์นี้ไม่ได้จองไว้สำหรับรายการยืมนี้", doc.QuerySelector("[data-valmsg-for='Input.Lines[0].Scan']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(other, doc.QuerySelector("input[name='Input.Lines[0].Scan']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Scan_UnitOfAnotherItemOrUnknown_ShowsThaiMessages()
    {
        var id = await app.ApprovedAsync((LoanSetup.Notebook, 1));
        var projector = await app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber.StartsWith("420-65-")).Select(a => a.AssetNumber).FirstAsync());
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        var wrong = await HtmlForm.ParseAsync(await form.Set("Input.Lines[0].Scan", projector).SubmitAsync(client, $"/supplies/handover/{id}?handler=Scan"));
        var unknown = await HtmlForm.ParseAsync(await form.Set("Input.Lines[0].Scan", "999-99-9999").SubmitAsync(client, $"/supplies/handover/{id}?handler=Scan"));

        Assert.Contains("ครุภัณฑ์นี้ไม่ใช่รายการที่ขอยืม", wrong.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ไม่พบครุภัณฑ์นี้ในทะเบียน", unknown.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ScannedUnitsPoolAndSignature_HandsOverAndRedirectsToTheSlip()
    {
        var id = await app.ApprovedAsync((LoanSetup.Notebook, 2), (LoanSetup.Chairs, 30));
        var units = await ReservedAsync(id);
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        form.Add("Input.Lines[0].AssetIds", units[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("Input.Lines[0].Scan", units[1].AssetNumber)
            .Set("Input.Lines[0].Note", "ผ้าใบมีรอยเปื้อนเล็กน้อย")
            .Set("Input.Lines[1].PoolQuantity", "28")
            .Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง")
            .Set("Input.Acknowledged", "true")
            .Set("Input.Signature", TestImages.SignatureDataUrl());

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/supplies/slip/{id}", response.Headers.Location!.OriginalString);
        var (loan, statuses) = await app.WithDbAsync(async db =>
        {
            var l = await db.Loans.AsNoTracking().Whole().SingleAsync(x => x.Id == id);
            var ids = units.Select(u => u.Id).ToList();
            return (l, await db.Assets.Where(a => ids.Contains(a.Id)).Select(a => a.Status).ToListAsync());
        });
        Assert.Equal(LoanStatus.HandedOver, loan.Status);
        Assert.Equal("นายสมหมาย ใจกว้าง", loan.ReceiverName);
        Assert.Equal("นางสาวพัชรี ใจดี", loan.HandedOverByName);
        Assert.All(statuses, s => Assert.Equal(AssetStatus.OnLoan, s));
        Assert.Equal(28, loan.Lines.Single(l => l.IsPooled).IssuedQuantity);
        Assert.Equal("ผ้าใบมีรอยเปื้อนเล็กน้อย", loan.Lines.Single(l => !l.IsPooled).HandoverNote);
        Assert.NotNull(loan.ReceiverSignaturePath);
        Assert.True(File.Exists(Path.Combine(app.UploadsPath, loan.ReceiverSignaturePath!)));
        var signature = await client.GetAsync($"/supplies/slip/{id}?handler=signature");
        Assert.Equal("image/png", signature.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_WithoutAcknowledgement_ShowsThaiMessageAndKeepsWhatWasTyped()
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 10));
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        form.Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Lines[0].Note", "ใหม่ทั้งหมด").Remove("Input.Acknowledged");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ผู้รับพัสดุต้องยืนยันการรับ", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("นายสมหมาย ใจกว้าง", doc.QuerySelector("input[name='Input.ReceiverName']")!.GetAttribute("value"));
        Assert.Equal("ใหม่ทั้งหมด", doc.QuerySelector("input[name='Input.Lines[0].Note']")!.GetAttribute("value"));
        Assert.Equal(LoanStatus.Approved, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("not-a-png")]
    [InlineData("fake-png")]
    [InlineData("large")]
    public async Task Post_SignatureThatIsNotASmallPng_IsRefusedInThai(string kind)
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 5));
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        var signature = kind switch
        {
            "not-a-png" => "data:image/svg+xml;base64,PHN2Zy8+",
            "fake-png" => "data:image/png;base64," + Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5, 6, 7, 8]),
            _ => TestImages.LargeNoisePngDataUrl(),
        };
        form.Set("Input.ReceiverName", "ผู้รับ").Set("Input.Acknowledged", "true").Set("Input.Signature", signature);

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ลายมือชื่อต้องเป็นภาพ PNG ขนาดไม่เกิน 300 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Approved, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_TwoOfficersAtOnce_TheSecondIsToldToReview()
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 5));
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var first = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        var second = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        first.Set("Input.Acknowledged", "true");
        second.Set("Input.Acknowledged", "true");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(client)).StatusCode);
        var late = await second.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var text = await late.Content.ReadAsStringAsync();
        Assert.True(text.Contains("มีผู้อื่นแก้ไขคำขอนี้ในขณะเดียวกัน", StringComparison.Ordinal) || text.Contains("ทำรายการนี้ไม่ได้ในสถานะปัจจุบัน", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slip_AfterHandover_IsAThaiDocumentWithThaiDigitsAndEverySignatureBlock()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1), (LoanSetup.Chairs, 20));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/slip/{id}");

        var text = doc.Body!.TextContent;
        var reference = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Reference).SingleAsync());
        Assert.Contains("ใบยืมพัสดุ", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(AssetLoan.Domain.Calendar.ThaiDate.ThaiDigits(reference), text, StringComparison.Ordinal);
        Assert.Contains("๒๕ พฤศจิกายน ๒๕๖๙", text, StringComparison.Ordinal);
        Assert.Contains("ข้อ ๒๐๙", text, StringComparison.Ordinal);
        Assert.Contains("ภายใน ๗ วัน", text, StringComparison.Ordinal);
        var roles = doc.QuerySelectorAll(".signature .role").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(["ผู้ยืม", "หัวหน้าหน่วยงานของผู้ยืม", "เจ้าหน้าที่พัสดุ", "ผู้อนุมัติ", "ผู้รับพัสดุ", "ผู้ส่งมอบ", "ผู้ส่งคืน", "ผู้รับคืน"], roles);

        Assert.Contains("☑ ยืมใช้ภายในสถานที่", text, StringComparison.Ordinal);
        Assert.Contains("☐ ยืมไปใช้นอกสถานที่", text, StringComparison.Ordinal);
        Assert.Contains("นายประเสริฐ ทองคำ", text, StringComparison.Ordinal);
        Assert.Contains("นายสมศักดิ์ รักษ์ทรัพย์", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2569", text, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("link[href*='documents.css']"));
    }

    [Fact]
    public async Task Get_InEnglish_ReadsEnglishFromTheResources()
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/handover/{id}?culture=en-US");

        Assert.Contains("Hand over items", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // The status in the staff's one vocabulary (LoanText), as the loan list names it; the desk's own copy said
        // "อนุมัติแล้ว รอรับพัสดุ" where every other staff page said "อนุมัติแล้ว" (issue 12).
        Assert.Equal("Approved", doc.QuerySelector(".status-badge")!.TextContent.Trim());
        Assert.Contains("Receiver's name", doc.QuerySelector("label[for='Input_ReceiverName']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownLoan_IsNotFoundOnEveryPage()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        foreach (var url in new[] { "/supplies/handover/99999", "/supplies/return/99999", "/supplies/slip/99999", "/supplies/demand/99999", "/supplies/demandletter/99999", "/supplies/compensation/99999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
    }

    private Task<List<string>> ReservedNumbersAsync(int loanId) =>
        app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == loanId)).OrderBy(u => u.AssetNumber).Select(u => u.AssetNumber).ToListAsync());

    private Task<List<Asset>> ReservedAsync(int loanId) =>
        app.WithDbAsync(async db =>
        {
            var ids = await db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == loanId)).Select(u => u.AssetId).ToListAsync();
            return await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.AssetNumber).ToListAsync();
        });
}
