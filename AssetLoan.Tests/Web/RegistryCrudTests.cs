using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class RegistryCrudTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TentName = "เต็นท์ ขนาด 4×8 ม.";

    [Fact]
    public async Task Create_ValidAsset_RedirectsAndTheRowExists()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var tent = await ItemIdAsync(TentName);
        var form = await HtmlForm.LoadAsync(client, $"/assets/create?item={tent}");
        form.Set("Input.AssetNumber", "490-69-7001").Set("Input.AcquiredOn", "01/11/2569").Set("Input.Price", "18,500.50")
            .Set("Input.Location", "โรงเก็บพัสดุ กองคลัง").Set("Input.Condition", "ใหม่");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.AssetNumber == "490-69-7001"));
        Assert.Equal($"/assets/{asset.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(tent, asset.CatalogueItemId);
        Assert.Equal(new DateOnly(2026, 11, 1), asset.AcquiredOn);
        Assert.Equal(18_500.50m, asset.Price);
        Assert.Equal(AssetStatus.Available, asset.Status);
        Assert.True(Tags.IsWellFormed(asset.Tag));
        var added = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(e => e.EntityType == "Asset" && e.EntityId == asset.Id.ToString() && e.Action == "Added"));
        Assert.Equal(1, added);
    }

    [Fact]
    public async Task Create_NumberAlreadyInRegistry_Returns200WithThaiMessageAndKeepsWhatWasTyped()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/assets/create?item={await ItemIdAsync(TentName)}");
        form.Set("Input.AssetNumber", " 490-64-0001 ").Set("Input.AcquiredOn", "15/03/2564").Set("Input.Price", "18500")
            .Set("Input.Location", "ห้องเก็บของชั้น 2");
        var before = await app.WithDbAsync(db => db.Assets.CountAsync());

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว", doc.QuerySelector("[data-valmsg-for='Input.AssetNumber']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(" 490-64-0001 ", doc.QuerySelector("input[name='Input.AssetNumber']")!.GetAttribute("value"));
        Assert.Equal("ห้องเก็บของชั้น 2", doc.QuerySelector("input[name='Input.Location']")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Assets.CountAsync()));
    }

    [Fact]
    public async Task Create_BadDate_ShowsThaiMessageBesideTheField()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/assets/create?item={await ItemIdAsync(TentName)}");
        form.Set("Input.AssetNumber", "490-69-7002").Set("Input.AcquiredOn", "31/02/2569").Set("Input.Price", "100");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("วันที่ไม่ถูกต้อง", doc.QuerySelector("[data-valmsg-for='Input.AcquiredOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31/02/2569", doc.QuerySelector("input[name='Input.AcquiredOn']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Assets.AnyAsync(a => a.AssetNumber == "490-69-7002")));
    }

    [Fact]
    public async Task Create_ProposesTheNextNumberFromTheTemplate()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        // Demo tents 490-64-0001 … 0010 were acquired in 2564; a tent acquired in 2563 starts a new run.
        var inSameYear = await HtmlForm.LoadAsync(client, $"/assets/create?item={await ItemIdAsync(TentName)}&acquired=15/03/2564");
        var inOtherYear = await HtmlForm.LoadAsync(client, $"/assets/create?item={await ItemIdAsync(TentName)}&acquired=01/06/2563");

        Assert.Equal("490-64-0011", inSameYear.Value("Input.AssetNumber"));
        Assert.Equal("490-63-0001", inOtherYear.Value("Input.AssetNumber"));
    }

    [Fact]
    public async Task Edit_Location_SavesAndTheTimelineShowsBeforeAndAfter()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var id = await AssetIdAsync("420-63-0002");
        var form = await HtmlForm.LoadAsync(client, $"/assets/{id}/edit");
        form.Set("Input.Location", "ห้องประชุมใหญ่ ชั้น 2");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/assets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("ห้องประชุมใหญ่ ชั้น 2", await app.WithDbAsync(db => db.Assets.Where(a => a.Id == id).Select(a => a.Location).SingleAsync()));
        var detail = await HtmlForm.GetDocumentAsync(client, $"/assets/{id}");
        var timeline = detail.QuerySelector(".audit-timeline")!.TextContent;
        Assert.Contains("สถานที่เก็บ", timeline, StringComparison.Ordinal);
        Assert.Contains("ห้องเก็บของ สำนักปลัด", detail.QuerySelector(".audit-timeline .audit-before")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ห้องประชุมใหญ่ ชั้น 2", timeline, StringComparison.Ordinal);
        Assert.Contains("นางสาวพัชรี ใจดี", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Status_UnderRepair_IsSavedAndShownInThai()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var id = await AssetIdAsync("420-63-0003");
        var form = await HtmlForm.LoadAsync(client, $"/assets/{id}/edit");
        form.Set("Status", nameof(AssetStatus.UnderRepair));

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AssetStatus.UnderRepair, await app.WithDbAsync(db => db.Assets.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        var detail = await HtmlForm.GetDocumentAsync(client, $"/assets/{id}");
        Assert.Contains("ชำรุด/ส่งซ่อม", detail.QuerySelector("h1 + p .badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_SomeoneSavedInBetween_ShowsThaiMessageAndKeepsTheirChange()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await AssetIdAsync("478-66-0001");
        var stale = await HtmlForm.LoadAsync(officer, $"/assets/{id}/edit");
        var first = await HtmlForm.LoadAsync(admin, $"/assets/{id}/edit");
        first.Set("Input.Location", "ห้องผู้บริหาร");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(admin)).StatusCode);

        stale.Set("Input.Location", "ห้องคอมพิวเตอร์ ชั้น 3");
        var response = await stale.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("มีผู้อื่นแก้ไขครุภัณฑ์นี้", doc.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ห้องคอมพิวเตอร์ ชั้น 3", doc.QuerySelector("input[name='Input.Location']")!.GetAttribute("value"));
        Assert.Contains("ห้องผู้บริหาร", doc.QuerySelector("[role='region']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ห้องผู้บริหาร", await app.WithDbAsync(db => db.Assets.Where(a => a.Id == id).Select(a => a.Location).SingleAsync()));
    }

    [Fact]
    public async Task Retire_WithReason_KeepsTheAssetMarkedDisposedAndHidesItFromTheDefaultList()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var id = await AssetIdAsync("420-62-0004");
        var form = await HtmlForm.LoadAsync(client, $"/assets/{id}/retire");
        form.Set("Reason", "จอขาด ซ่อมไม่คุ้มค่า");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.True(asset.IsRetired);
        Assert.Equal(AssetStatus.Disposed, asset.Status);
        Assert.Equal("จอขาด ซ่อมไม่คุ้มค่า", asset.RetiredReason);
        Assert.Equal(AppFactory.DefaultNow.UtcDateTime, asset.RetiredAtUtc);
        var list = await HtmlForm.GetDocumentAsync(client, "/assets?q=420-62");
        Assert.Contains("จำหน่ายครุภัณฑ์ 420-62-0004 ออกจากทะเบียนแล้ว", list.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("420-62-0001", list.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("420-62-0004", list.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var retired = await HtmlForm.GetDocumentAsync(client, "/assets?q=420-62&status=retired");
        Assert.Contains("420-62-0004", retired.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_WithoutReason_ShowsThaiMessageAndChangesNothing()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var id = await AssetIdAsync("420-62-0003");
        var form = await HtmlForm.LoadAsync(client, $"/assets/{id}/retire");
        form.Set("Reason", "   ");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("กรุณาระบุเหตุผลการจำหน่าย", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Assets.Where(a => a.Id == id).Select(a => a.RetiredAtUtc != null).SingleAsync()));
    }

    [Theory]
    [InlineData("/assets/99999")]
    [InlineData("/assets/99999/edit")]
    [InlineData("/assets/99999/retire")]
    public async Task UnknownAsset_Returns404(string url)
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<int> ItemIdAsync(string name) =>
        app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private Task<int> AssetIdAsync(string number) =>
        app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber == number).Select(a => a.Id).SingleAsync());
}
