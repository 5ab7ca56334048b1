using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 15: a province's catalogue has thousands of items; /catalogue drew every one as a card (316 ms a request at
/// 2,000 pools). It shows a page of <see cref="AssetLoan.Web.Pages.Catalogue.IndexModel.PageSize"/> with the total, and
/// the pager keeps the search.
/// </summary>
public sealed class CataloguePagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> ManyItemsAsync(int count)
    {
        var prefix = $"โต๊ะพับ{Guid.NewGuid():N}"[..14];
        await app.WithDbAsync(async db =>
        {
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            for (var i = 1; i <= count; i++)
            {
                var item = new CatalogueItem(new CatalogueItemDetails($"{prefix} {i:000}", category, "ตัว", null, LendingNature.Durable, BudgetClass.Material, BorrowerAudience.Everyone, 7, 5, 0m),
                    TrackingMode.Pooled, Tags.NewTag());
                item.SetPool(10, 150m, new DateOnly(2025, 1, 1));
                db.CatalogueItems.Add(item);
            }

            await db.SaveChangesAsync();
        });
        return prefix;
    }

    [Fact]
    public async Task ManyItems_OnePageAtATime_WithTheTotal_AndThePagerKeepsTheSearch()
    {
        var prefix = await ManyItemsAsync(60);
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var first = await HtmlForm.GetDocumentAsync(client, "/catalogue?q=" + Uri.EscapeDataString(prefix));
        var names = first.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(48, names.Count);
        Assert.Equal($"{prefix} 001", names[0]);
        Assert.Contains("พบ 60 รายการ · แสดงรายการที่ 1–48", first.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var next = first.QuerySelector("nav a[rel=next]")!.GetAttribute("href")!;
        var second = await HtmlForm.GetDocumentAsync(client, next);
        var rest = second.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(49, 12).Select(i => $"{prefix} {i:000}"), rest);
        Assert.Contains("แสดงรายการที่ 49–60", second.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("nav a[rel=next]"));
    }

    [Theory]
    [InlineData("p=99", 49)]
    [InlineData("p=0", 1)]
    [InlineData("p=-3", 1)]
    [InlineData("p=abc", 1)]
    public async Task APageOutOfRange_ShowsTheNearestPage_NotAnError(string page, int firstNumber)
    {
        var prefix = await ManyItemsAsync(60);
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/catalogue?q={Uri.EscapeDataString(prefix)}&{page}");

        Assert.Equal($"{prefix} {firstNumber:000}", doc.QuerySelector("article h2")!.TextContent.Trim());
    }
}
