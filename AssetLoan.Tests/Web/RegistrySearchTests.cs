using System.Net;
using AngleSharp.Dom;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web;

/// <summary>Reads only: the demo registry (44 assets) stays as seeded.</summary>
public sealed class RegistrySearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Search_ThaiItemName_FindsEveryTentAndNothingElse()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?q=" + Uri.EscapeDataString("เต็นท์"));

        var names = Rows(doc).Select(r => r.Cells[1].TextContent).ToList();
        Assert.Equal(16, names.Count);
        Assert.All(names, n => Assert.Contains("เต็นท์", n, StringComparison.Ordinal));
        Assert.Contains("พบ 16 รายการ", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WordInsideTheName_FindsTheItem()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?q=" + Uri.EscapeDataString("โน้ตบุ๊ก"));

        Assert.Equal(12, Rows(doc).Count);
    }

    [Fact]
    public async Task Search_AssetNumberPrefix_FindsOnlyThatRun()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?q=490-66");

        var numbers = Rows(doc).Select(r => r.Cells[0].QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(6, numbers.Count);
        Assert.All(numbers, n => Assert.StartsWith("490-66-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ThaiAssetNumberPrefix_Works()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?q=" + Uri.EscapeDataString("พย7110"));

        Assert.Equal(3, Rows(doc).Count);
    }

    [Fact]
    public async Task Search_NoMatch_SaysSoInThai()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?q=zzz");

        Assert.Empty(Rows(doc));
        Assert.Contains("ไม่พบครุภัณฑ์ตามเงื่อนไขที่ค้นหา", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_DivisionAndSortByAcquiredDescending_OrdersNewestFirst()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(client, "/assets", "form[role='search']");
        var division = form.Document.QuerySelectorAll("#division option").Single(o => o.TextContent == "กองการศึกษา").GetAttribute("value");

        var doc = await HtmlForm.GetDocumentAsync(client, $"/assets?division={division}&sort=acquired&dir=desc");

        var numbers = Rows(doc).Select(r => r.Cells[0].QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(10, numbers.Count);
        Assert.StartsWith("420-65-", numbers[0], StringComparison.Ordinal);
        Assert.StartsWith("420-62-", numbers[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsTotalAndLinksEachRowToItsDetail()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets");

        Assert.Contains("พบ 44 รายการ", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var link = doc.QuerySelector("tbody tr a")!.GetAttribute("href")!;
        Assert.Matches(@"^/assets/\d+$", link);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task List_ForAnEmployee_OffersNoEditingButtons()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets");

        Assert.Null(doc.QuerySelector("a[href='/assets/create']"));
        Assert.Null(doc.QuerySelector("a[href^='/assets/export']"));
    }

    [Fact]
    public async Task Paging_PastTheLastPage_ShowsTheLastPage()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?p=9");

        Assert.Equal(44, Rows(doc).Count);
    }

    [Fact]
    public async Task List_InEnglish_UsesTheEnglishResources()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var culture = await HtmlForm.LoadAsync(client, "/assets", "form[action='/culture']");
        await culture.SubmitAsync(client);

        var doc = await HtmlForm.GetDocumentAsync(client, "/assets?q=490-66");

        Assert.Equal("Asset registry", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Available", doc.QuerySelector("tbody .badge")!.TextContent.Trim());
        Assert.Contains("6 found", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static List<AngleSharp.Html.Dom.IHtmlTableRowElement> Rows(IDocument doc) =>
        doc.QuerySelectorAll("tbody tr").OfType<AngleSharp.Html.Dom.IHtmlTableRowElement>().ToList();
}
