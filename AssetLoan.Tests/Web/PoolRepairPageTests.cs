using System.Globalization;
using System.Net;
using System.Text.Json;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>Pool units damaged at a return wait for repair out of lending; the officer returns them to stock or writes them off.</summary>
public sealed class PoolRepairPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Return_TenChairsThreeDamaged_TomorrowHasThreeFewerUntilTheOfficerMarksThemRepaired()
    {
        var chairs = await ChairsAsync();
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var before = await FreeTomorrowAsync(employee, chairs.Id);
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 10));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/return/{id}", "#return-form");
        form.Set("Input.Lines[0].PoolGood", "7").Set("Input.Lines[0].PoolDamaged", "3").Set("Input.Lines[0].Note", "ขาหัก");

        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(officer)).StatusCode);

        Assert.Equal(before - 3, await FreeTomorrowAsync(employee, chairs.Id));
        var underRepair = chairs.PoolUnderRepair + 3;
        Assert.Equal((chairs.PoolQuantity, underRepair), await PoolAsync(chairs.Id));
        var tagPage = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{chairs.Tag}");
        Assert.Equal($"{underRepair}", tagPage.QuerySelector("[data-under-repair]")!.GetAttribute("data-under-repair"));
        var itemPage = await HtmlForm.GetDocumentAsync(officer, $"/catalogue/{chairs.Id}");
        Assert.Equal($"{underRepair} ตัว", itemPage.QuerySelector("#pool-under-repair")!.TextContent.Trim());

        var repaired = await HtmlForm.LoadAsync(officer, $"/catalogue/{chairs.Id}", "form[action*='handler=Repair']");
        var response = await repaired.Set("repair.Quantity", "3").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/catalogue/{chairs.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await FreeTomorrowAsync(employee, chairs.Id));
        var after = await HtmlForm.GetDocumentAsync(officer, $"/catalogue/{chairs.Id}");
        Assert.Contains("คืนเข้าคลังแล้ว 3 ตัว", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal((chairs.PoolQuantity, chairs.PoolUnderRepair), await PoolAsync(chairs.Id));
        var trail = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(CatalogueItem) && e.EntityId == chairs.Id.ToString(CultureInfo.InvariantCulture) && e.After!.Contains("PoolUnderRepair"))
            .OrderByDescending(e => e.Sequence).Take(2).Select(e => new { e.ActorName, e.After }).ToListAsync());
        Assert.Equal([$"{{\"PoolUnderRepair\":{chairs.PoolUnderRepair}}}", $"{{\"PoolUnderRepair\":{underRepair}}}"], trail.Select(e => e.After));
        Assert.Equal("นางสาวพัชรี ใจดี", trail[0].ActorName);
    }

    [Fact]
    public async Task WriteOff_MoreThanUnderRepair_ShowsThaiMessageAndThenWritesOffWhatIsBroken()
    {
        var chairs = await ChairsAsync();
        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == chairs.Id);
            item.ReceiveDamagedPoolUnits(2);
            await db.SaveChangesAsync();
        });
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/catalogue/{chairs.Id}", "form[action*='handler=WriteOff']");

        var refused = await form.Set("writeOff.Quantity", "5").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = await HtmlForm.ParseAsync(refused);
        Assert.Contains("จำนวนเกินจำนวนที่ชำรุดรอซ่อมอยู่", doc.QuerySelector("[data-valmsg-for='writeOff.Quantity']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", doc.QuerySelector("#writeoff-quantity")!.GetAttribute("value"));
        Assert.Equal((chairs.PoolQuantity, chairs.PoolUnderRepair + 2), await PoolAsync(chairs.Id));

        var retry = HtmlForm.From(doc, "form[action*='handler=WriteOff']", $"/catalogue/{chairs.Id}/repairs").Set("writeOff.Quantity", "2");
        Assert.Equal(HttpStatusCode.Redirect, (await retry.SubmitAsync(officer)).StatusCode);
        Assert.Equal((chairs.PoolQuantity - 2, chairs.PoolUnderRepair), await PoolAsync(chairs.Id));
    }

    [Fact]
    public async Task CataloguePage_ForStaffWithoutTheRegistryRole_ShowsTheCountButNoForms()
    {
        var chairs = await ChairsAsync();
        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == chairs.Id);
            item.ReceiveDamagedPoolUnits(1);
            await db.SaveChangesAsync();
        });
        var employee = await app.CreateClientAsAsync(Demo.Employee);

        var page = await HtmlForm.GetDocumentAsync(employee, $"/catalogue/{chairs.Id}");

        Assert.NotNull(page.QuerySelector("#pool-under-repair"));
        Assert.Null(page.QuerySelector("form[action*='/repairs']"));
    }

    private Task<CatalogueItem> ChairsAsync() =>
        app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().SingleAsync(c => c.Name == LoanSetup.Chairs));

    private Task<(int OnHand, int UnderRepair)> PoolAsync(int id) =>
        app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Id == id).Select(c => ValueTuple.Create(c.PoolQuantity, c.PoolUnderRepair)).SingleAsync());

    /// <summary>What the request form's live availability says is free tomorrow.</summary>
    private async Task<int> FreeTomorrowAsync(HttpClient client, int itemId)
    {
        var tomorrow = BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await client.GetAsync($"/loans/new?handler=Availability&from={tomorrow}&to={tomorrow}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("free").GetProperty(itemId.ToString(CultureInfo.InvariantCulture)).GetInt32();
    }
}
