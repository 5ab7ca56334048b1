using System.Globalization;
using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Labels;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>/labels and /labels/calibrate: choosing assets, printing sheets, storing the printer offset.</summary>
public sealed class LabelPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string PublicBase = "https://assets.maekhue.go.th";

    [Fact]
    public async Task Print_24SelectedAssetsOnA4x24_OneA4PageWhoseQrCodesEachOpenTheirOwnAsset()
    {
        await SetPublicBaseAsync();
        var assets = await app.WithDbAsync(db => db.Assets.AsNoTracking().OrderBy(a => a.Id).Skip(5).Take(24).Select(a => new { a.Id, a.Tag, a.AssetNumber }).ToListAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, "/labels", "main form[method='post']");
        form.Set("Template", LabelTemplates.A4x24.Key);
        foreach (var a in assets)
        {
            form.Add("Selected", $"a{a.Id}");
        }

        var response = await form.SubmitAsync(officer, "/labels?handler=Print");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(1, PdfFacts.PageCount(pdf));
        var (width, height) = Assert.Single(PdfFacts.MediaBoxes(pdf));
        Assert.Equal(PdfFacts.Points(210), width, 0.01);
        Assert.Equal(PdfFacts.Points(297), height, 0.01);

        // Printed in register order; each cell's code is that asset's public address.
        var expected = assets.OrderBy(a => a.AssetNumber, StringComparer.Ordinal).ToList();
        var page = Assert.Single(await QrImages.RenderPdfAsync(pdf, 200));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal($"{PublicBase}/a/{expected[i].Tag}", QrImages.Decode(page, LabelSheetTests.QrCell(LabelTemplates.A4x24, i, LabelOffset.None)));
        }

        var text = await QrImages.PdfTextAsync(pdf);
        Assert.All(expected, a => Assert.Contains(a.AssetNumber, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Print_OneAssetFromTheRegistryLinkOnTheRoll_OnePageOf50x30mm()
    {
        await SetPublicBaseAsync();
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.AssetNumber.StartsWith("พย")).Select(a => new { a.Id, a.Tag }).FirstAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/labels?assets={asset.Id}", "main form[method='post']");
        Assert.Equal($"a{asset.Id}", form.Value("Selected"));

        var response = await form.Set("Template", LabelTemplates.Roll50x30.Key).SubmitAsync(officer, "/labels?handler=Print");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var (width, height) = Assert.Single(PdfFacts.MediaBoxes(pdf));
        Assert.Equal(PdfFacts.Points(50), width, 0.01);
        Assert.Equal(PdfFacts.Points(30), height, 0.01);
        var page = Assert.Single(await QrImages.RenderPdfAsync(pdf, 300));
        Assert.Equal($"{PublicBase}/a/{asset.Tag}", QrImages.Decode(page, LabelSheetTests.QrCell(LabelTemplates.Roll50x30, 0, LabelOffset.None, 300)));
    }

    [Fact]
    public async Task PrintAll_SearchResults_PrintsEveryMatchIncludingPools()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/labels?q={Uri.EscapeDataString("เต็นท์")}", "main form[method='post']");
        Assert.Equal("เต็นท์", form.Value("Q"));
        var response = await form.Set("Template", LabelTemplates.A4x14.Key).SubmitAsync(officer, "/labels?handler=PrintAll");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(2, PdfFacts.PageCount(pdf)); // 10 + 6 tents on 14-label sheets

        var chairs = await HtmlForm.LoadAsync(officer, $"/labels?q={Uri.EscapeDataString("เก้าอี้")}", "main form[method='post']");
        var text = await QrImages.PdfTextAsync(await (await chairs.SubmitAsync(officer, "/labels?handler=PrintAll")).Content.ReadAsByteArrayAsync());
        Assert.Contains("เก้าอี้พลาสติก", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_NothingSelected_ShowsThaiErrorAndKeepsTheTemplate()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, "/labels", "main form[method='post']");
        var response = await form.Set("Template", LabelTemplates.A4x14.Key).SubmitAsync(officer, "/labels?handler=Print");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("กรุณาเลือกครุภัณฑ์อย่างน้อย 1 รายการ", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("required", doc.Body.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(doc.QuerySelector($"input[name='Template'][value='{LabelTemplates.A4x14.Key}'][checked]"));
    }

    [Fact]
    public async Task Labels_AreForTheRegistryRolesOnly()
    {
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var response = await employee.GetAsync("/labels");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var page = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Admin), "/labels");
        Assert.Empty(page.QuerySelectorAll(".field-validation-error, .validation-summary-errors"));
        Assert.NotNull(page.QuerySelector($"input[name='Template'][value='{LabelTemplates.A4x24.Key}'][checked]"));
    }

    [Fact]
    public async Task Calibrate_SaveOffset_StoresTheSettingsAndShiftsEverySheet()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var before = await PrintOneAsync(officer);

        var form = await HtmlForm.LoadAsync(officer, $"/labels/calibrate?template={LabelTemplates.A4x24.Key}", "main form[method='post']");
        try
        {
            var saved = await form.Set("Input.Template", LabelTemplates.A4x24.Key).Set("Input.X", "5").Set("Input.Y", "-1.5").SubmitAsync(officer);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var rows = await app.WithDbAsync(db => db.Settings.AsNoTracking().Where(s => s.Key.StartsWith("Labels.Offset")).ToDictionaryAsync(s => s.Key, s => s.Value));
            Assert.Equal("5.0", rows["Labels.OffsetX.a4-3x8"]);
            Assert.Equal("-1.5", rows["Labels.OffsetY.a4-3x8"]);
            var flash = await HtmlForm.GetDocumentAsync(officer, saved.Headers.Location!.OriginalString);
            Assert.Contains("บันทึกตำแหน่งการพิมพ์", flash.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("5", flash.QuerySelector("input[name='Input.X']")!.GetAttribute("value"));

            var after = await PrintOneAsync(officer);
            Assert.Equal(5 * 100 / 25.4, after.X - before.X, 1.5);
            Assert.Equal(-1.5 * 100 / 25.4, after.Y - before.Y, 1.5);

            var sheet = await officer.GetAsync($"/labels/calibrate?handler=sheet&template={LabelTemplates.A4x24.Key}");
            Assert.Equal("application/pdf", sheet.Content.Headers.ContentType?.MediaType);
            Assert.Contains("เลื่อน X +5.0 มม. Y -1.5 มม.", await QrImages.PdfTextAsync(await sheet.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }
        finally
        {
            await form.Set("Input.X", "0").Set("Input.Y", "0").SubmitAsync(officer);
        }
    }

    [Fact]
    public async Task Calibrate_OffsetOutOfRange_ShowsThaiErrorAndKeepsTheValue()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, "/labels/calibrate", "main form[method='post']");
        var response = await form.Set("Input.Template", LabelTemplates.Roll50x30.Key).Set("Input.X", "25").SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ระยะเลื่อนต้องอยู่ระหว่าง -20 ถึง 20 มม.", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("25", doc.QuerySelector("input[name='Input.X']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == "Labels.OffsetX.roll-50x30")));
    }

    private async Task<(int X, int Y)> PrintOneAsync(HttpClient officer)
    {
        var id = await app.WithDbAsync(db => db.Assets.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var form = await HtmlForm.LoadAsync(officer, string.Create(CultureInfo.InvariantCulture, $"/labels?assets={id}"), "main form[method='post']");
        var pdf = await (await form.Set("Template", LabelTemplates.A4x24.Key).SubmitAsync(officer, "/labels?handler=Print")).Content.ReadAsByteArrayAsync();
        return PdfFacts.FirstDark(Assert.Single(await QrImages.RenderPdfAsync(pdf, 100)), LabelSheetTests.QrCell(LabelTemplates.A4x24, 0, LabelOffset.None, 100).Right);
    }

    private Task SetPublicBaseAsync() => app.WithDbAsync(async db =>
    {
        await Settings.SetAsync(db, Settings.Keys.PublicBaseUrl, PublicBase, CancellationToken.None);
        await db.SaveChangesAsync();
    });
}
