using System.Net;
using System.Text.Json;
using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Apply;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>
/// A province's catalogue (here: the demo items plus 70 altar-table sets) is too large to list on a phone: /apply starts
/// from a search, keeps what was chosen across searches, counts free quantities only for what it shows, and files the
/// application with every chosen item.
/// </summary>
public sealed class ApplyLargeCatalogueTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Tables = "โต๊ะหมู่บูชา";

    public async ValueTask InitializeAsync() => await app.WithDbAsync(async db =>
    {
        if (await db.CatalogueItems.AnyAsync(c => c.Name.StartsWith(Tables)))
        {
            return;
        }

        var category = await db.Categories.Select(c => c.Id).FirstAsync();
        for (var i = 1; i <= 70; i++)
        {
            var item = new CatalogueItem(
                new CatalogueItemDetails($"{Tables} แบบที่ {i:00}", category, "ตัว", null, LendingNature.Durable, BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m),
                TrackingMode.Pooled, Tags.NewTag());
            item.SetPool(20, 500m, new DateOnly(2022, 10, 1));
            db.CatalogueItems.Add(item);
        }

        await db.SaveChangesAsync();
        Assert.True(await db.PublicCatalogueSizeAsync(default) > IndexModel.ListEveryItemUpTo);
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task FirstVisit_ShowsTheSearch_NotTheWholeCatalogue()
    {
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply");

        Assert.NotNull(doc.QuerySelector("#item-search input[name='Input.Find']"));
        Assert.Empty(doc.QuerySelectorAll("#apply-form [data-item-id]"));
        // Enter in any field of the form runs the first submit button: the search, never the filing.
        var first = doc.QuerySelector("#apply-form button[type='submit']")!;
        Assert.Equal("find-button", first.Id);
        Assert.Contains("handler=Check", first.GetAttribute("formaction"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ShowsThirtyOfWhatMatches_AndSaysSo()
    {
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply?find=" + Uri.EscapeDataString("โต๊ะหมู่"));

        Assert.Equal(IndexModel.SearchShows, doc.QuerySelectorAll("#apply-form [data-item-id]").Length);
        Assert.Contains("พบ 70 รายการ แสดง 30 รายการแรก", doc.QuerySelector("#find-result")!.TextContent, StringComparison.Ordinal);

        // Staff-only items (the projector) are never offered to the public, however they are looked for.
        var staffOnly = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply?find=" + Uri.EscapeDataString("เครื่องฉายภาพ"));
        Assert.Empty(staffOnly.QuerySelectorAll("#apply-form [data-item-id]"));
        var pump = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply?find=" + Uri.EscapeDataString("เครื่องสูบน้ำ"));
        Assert.Single(pump.QuerySelectorAll("#apply-form [data-item-id]"));

        var none = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply?find=" + Uri.EscapeDataString("ช้าง"));
        Assert.Contains("ไม่พบพัสดุที่ตรงกับ \"ช้าง\"", none.QuerySelector("#find-result")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsChosenInOneSearch_StayThroughTheNext_AndAreFiledTogether()
    {
        var client = app.CreateAnonymousClient();
        var form = Fill(await HtmlForm.LoadAsync(client, "/apply?find=" + Uri.EscapeDataString("เต็นท์"), "#apply-form"));
        form.Quantity(PublicApplication.Tent, 2).Set("Input.Find", "เก้าอี้");

        // The search is the form's first button: the same post a villager's Enter key makes.
        var searched = await form.SubmitAsync(client, "/apply?handler=Check");
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var again = HtmlForm.From(await HtmlForm.ParseAsync(searched), "#apply-form", "/apply");
        Assert.Equal("2", again.Value(PublicApplication.QuantityField(again, PublicApplication.Tent)));
        Assert.Equal("05/12/2569", again.Value("Input.StartOn"));
        again.Quantity(PublicApplication.Chairs, 37);

        var (_, token) = await PublicApplication.SubmitAsync(client, again);

        var lines = await app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).SelectMany(l => l.Lines)
            .Select(l => new { l.ItemName, l.Quantity }).ToListAsync());
        Assert.Equal([(PublicApplication.Chairs, 37), (PublicApplication.Tent, 2)], lines.Select(l => (l.ItemName, l.Quantity)).Order().ToList());
    }

    [Fact]
    public async Task ItemFromATag_IsPreselected_WithItsFreeCountForTheDates()
    {
        var tentId = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == PublicApplication.Tent).Select(c => c.Id).SingleAsync());
        var client = app.CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, $"/apply?item={tentId}", "#apply-form");
        Assert.Equal("1", form.Value(PublicApplication.QuantityField(form, PublicApplication.Tent)));
        Assert.Single(form.Document.QuerySelectorAll("[data-item-id]"));

        var json = JsonDocument.Parse(await client.GetStringAsync($"/apply?handler=Availability&start=11/01/2570&due=12/01/2570&ids={tentId}")).RootElement;
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([tentId], items.Select(i => i.GetProperty("id").GetInt32()).ToList());
        var expected = await app.WithDbAsync(db => db.AvailabilityAsync([tentId], new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 12),
            new DateOnly(2026, 11, 25), firmOnly: false, excludeLoanId: null, default));
        Assert.Equal(expected[tentId].FreeQuantity, items[0].GetProperty("free").GetInt32());

        // Without the form's items a large catalogue is not counted whole for anyone who asks.
        var bare = JsonDocument.Parse(await client.GetStringAsync("/apply?handler=Availability&start=11/01/2570&due=12/01/2570")).RootElement;
        Assert.Empty(bare.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TooLittleFree_IsSaidBesideTheChosenItem_AndTheSearchIsKept()
    {
        var client = app.CreateAnonymousClient();
        var form = Fill(await HtmlForm.LoadAsync(client, "/apply?find=" + Uri.EscapeDataString(Tables + " แบบที่ 07"), "#apply-form"));
        var name = $"{Tables} แบบที่ 07";
        form.Quantity(name, 21);

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        var again = HtmlForm.From(doc, "#apply-form", "/apply");
        Assert.Equal("21", again.Value(PublicApplication.QuantityField(again, name)));
        Assert.Contains("ช่วงวันที่นี้ว่างเพียง 20 ตัว", doc.QuerySelector("[data-item-id] .text-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Tables + " แบบที่ 07", again.Value("Input.Find"));
    }

    [Fact]
    public async Task ASearchKeptForEveryone_ShowsTheNewFreeCount_AfterAWriteThroughTheApp()
    {
        const string one = Tables + " แบบที่ 42";
        var url = "/apply?find=" + Uri.EscapeDataString(one);
        async Task<string> FreeAsync() =>
            (await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), url)).QuerySelector("#apply-form [data-free-for]")!.TextContent.Trim();

        Assert.Equal("20", await FreeAsync());

        // A change that bypasses the app's saves (raw SQL) is not seen: the search and its lines really are kept…
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE CatalogueItems SET PoolQuantity = 12 WHERE Name = {one}"));
        Assert.Equal("20", await FreeAsync());

        // …and a save through the app (here the stock count set again) makes the next visitor see what is free now.
        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Name == one);
            item.SetPool(11, 500m, new DateOnly(2022, 10, 1));
            await db.SaveChangesAsync();
        });
        Assert.Equal("11", await FreeAsync());
    }

    [Fact]
    public async Task RandomSearches_AreKeptInABoundedStore()
    {
        var cache = app.Services.GetRequiredService<PublicDataCache>();
        for (var i = 0; i < PublicDataCache.SearchEntries + 300; i++)
        {
            await cache.SearchAsync("bound-" + i, () => Task.FromResult("x"));
        }

        Assert.InRange(cache.SearchesKept, 1, PublicDataCache.SearchEntries);
    }

    private static HtmlForm Fill(HtmlForm form) => form
        .Set("Input.Kind", "Person")
        .Set("Input.Name", "นายทดสอบ ค้นหาพัสดุ")
        .Set("Input.NationalId", PublicApplication.NewNationalId())
        .Set("Input.Phone", PublicApplication.NewPhone())
        .Set("Input.HouseNumber", "12")
        .Set("Input.Subdistrict", "แม่คือ")
        .Set("Input.District", "ดอยสะเก็ด")
        .Set("Input.Province", "เชียงใหม่")
        .Set("Input.Purpose", "งานบวช")
        .Set("Input.Place", "วัดแม่คือ")
        .Set("Input.OffPremises", "true")
        .Set("Input.StartOn", "05/12/2569")
        .Set("Input.DueOn", "07/12/2569")
        .Set("Input.PrivacyAcknowledged", "true");
}
