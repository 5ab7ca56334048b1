using System.Globalization;
using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure.Labels;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>The QR tag box on the asset and catalogue pages: the code, the tag, its public page and the label link.</summary>
public sealed class TagCardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AssetDetails_Officer_ShowsTheQrCodeAndALabelLinkThatPrintsThisAsset()
    {
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.RetiredAtUtc == null).OrderBy(a => a.Id).Select(a => new { a.Id, a.Tag, a.AssetNumber }).FirstAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, $"/assets/{asset.Id}");
        var card = doc.QuerySelector("section[aria-labelledby='tagHeading']")!;

        var img = card.QuerySelector("img")!;
        Assert.Equal($"/qr/{asset.Tag}.svg", img.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        var svg = await officer.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal(asset.Tag, card.QuerySelector("[data-tag]")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector($"a[href='/a/{asset.Tag}']"));

        var print = card.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "พิมพ์ป้าย");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"/labels?assets={asset.Id}"), print.GetAttribute("href"));
        var form = await HtmlForm.LoadAsync(officer, print.GetAttribute("href")!, "main form[method='post']");
        Assert.Equal($"a{asset.Id}", form.Value("Selected"));
        var response = await form.SubmitAsync(officer, "/labels?handler=Print");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(1, PdfFacts.PageCount(pdf));
        Assert.Contains(asset.AssetNumber, await QrImages.PdfTextAsync(pdf), StringComparison.Ordinal);
        var page = Assert.Single(await QrImages.RenderPdfAsync(pdf, 200));
        Assert.EndsWith($"/a/{asset.Tag}", QrImages.Decode(page, LabelSheetTests.QrCell(LabelTemplates.A4x24, 0, LabelOffset.None)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssetDetails_Employee_SeesTheQrCodeButNoLabelLink()
    {
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Tag }).FirstAsync());
        var doc = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Employee), $"/assets/{asset.Id}");

        Assert.NotNull(doc.QuerySelector($"main img[src='/qr/{asset.Tag}.svg']"));
        Assert.Null(doc.QuerySelector("main a[href^='/labels']"));
    }

    [Fact]
    public async Task CatalogueDetails_Pool_ShowsItsQrCodeAndALabelLinkWithThePoolTicked()
    {
        var pool = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Where(c => c.Name == "เก้าอี้พลาสติก").Select(c => new { c.Id, c.Tag }).SingleAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, $"/catalogue/{pool.Id}");

        Assert.NotNull(doc.QuerySelector($"main img[src='/qr/{pool.Tag}.svg']"));
        Assert.NotNull(doc.QuerySelector($"main a[href='/a/{pool.Tag}']"));
        var print = doc.QuerySelector("main a[href^='/labels']")!.GetAttribute("href")!;
        var form = await HtmlForm.LoadAsync(officer, print, "main form[method='post']");
        Assert.Equal($"c{pool.Id}", form.Value("Selected"));
        var response = await form.SubmitAsync(officer, "/labels?handler=Print");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CatalogueDetails_NumberedItem_ShowsItsPageQrButNoLabelLink()
    {
        var item = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Where(c => c.TrackingMode == TrackingMode.Numbered).OrderBy(c => c.Id).Select(c => new { c.Id, c.Tag }).FirstAsync());
        var doc = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Officer), $"/catalogue/{item.Id}");

        Assert.NotNull(doc.QuerySelector($"main img[src='/qr/{item.Tag}.svg']"));
        Assert.Null(doc.QuerySelector("main a[href^='/labels']"));
    }
}
