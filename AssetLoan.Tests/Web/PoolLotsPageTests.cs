using System.Globalization;
using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 13 §7: the supplies officer records a pool's lots on its catalogue page, and a damaged pool unit's compensation
/// proposes the quantity-weighted value of the lots with its basis (docs/decisions/0008). The seeded chairs: 300 on hand,
/// 150 baht bought 1 Oct 2022, 3 years' life, no salvage.
/// </summary>
public sealed class PoolLotsPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Officer_AddsALot_ItIsSavedAudited_AndTheCataloguePageShowsItsValueToday()
    {
        var chairs = await ChairsAsync();
        await ClearLotsAsync(chairs.Id);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/catalogue/{chairs.Id}/lots", "form[action*='handler=Save']");
        form.Set("Input.Quantity", "120").Set("Input.AcquiredOn", "25/11/2568").Set("Input.UnitPrice", "300");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/catalogue/{chairs.Id}/lots", response.Headers.Location!.OriginalString);
        var lot = Assert.Single(await LotsAsync(chairs.Id));
        Assert.Equal((120, new DateOnly(2025, 11, 25), 300m), (lot.Quantity, lot.AcquiredOn, lot.UnitPrice));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(PoolLot) && e.EntityId == lot.Id.ToString(CultureInfo.InvariantCulture)).Select(e => new { e.Action, e.ActorName }).ToListAsync());
        Assert.Equal(("Added", "นางสาวพัชรี ใจดี"), (audit.Single().Action, audit.Single().ActorName));
        var log = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Auditor), "/audit?entity=PoolLot");
        Assert.Contains("ล็อตของพัสดุแบบนับจำนวน", log.QuerySelector("main table tbody td:nth-child(4)")!.TextContent, StringComparison.Ordinal);

        var page = await HtmlForm.GetDocumentAsync(officer, $"/catalogue/{chairs.Id}");
        // 300 − 300 × 365 / 1,096 = 200.09 today (25 Nov 2026).
        var row = page.QuerySelector($"#lot-{lot.Id}")!.TextContent;
        Assert.Contains("120 ตัว", row, StringComparison.Ordinal);
        Assert.Contains("200.09", row, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/catalogue/{chairs.Id}/lots']"));
    }

    [Theory]
    [InlineData("301", "25/11/2568", "300", "Input.Quantity", "จำนวนรวมของทุกล็อตต้องไม่เกินจำนวนที่มี 300 ตัว")]
    [InlineData("0", "25/11/2568", "300", "Input.Quantity", "จำนวนในล็อตต้องอย่างน้อย 1")]
    [InlineData("10", "26/11/2569", "300", "Input.AcquiredOn", "วันที่ได้มาต้องไม่เกินวันนี้")]
    [InlineData("10", "25/11/2025", "300", "Input.AcquiredOn", "กรุณากรอกปีเป็น พ.ศ.")]
    [InlineData("10", "25/11/2568", "-5", "Input.UnitPrice", "ราคาต่อหน่วยต้องไม่ติดลบ")]
    public async Task BadLot_IsRefusedBesideTheField_KeepingWhatWasTyped(string quantity, string acquired, string price, string field, string message)
    {
        var chairs = await ChairsAsync();
        await ClearLotsAsync(chairs.Id);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/catalogue/{chairs.Id}/lots", "form[action*='handler=Save']");
        form.Set("Input.Quantity", quantity).Set("Input.AcquiredOn", acquired).Set("Input.UnitPrice", price);

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((quantity, acquired, price), (
            doc.QuerySelector("input[name='Input.Quantity']")!.GetAttribute("value"),
            doc.QuerySelector("input[name='Input.AcquiredOn']")!.GetAttribute("value"),
            doc.QuerySelector("input[name='Input.UnitPrice']")!.GetAttribute("value")));
        Assert.Empty(await LotsAsync(chairs.Id));
    }

    [Fact]
    public async Task Officer_EditsThenRemovesALot()
    {
        var chairs = await ChairsAsync();
        await ClearLotsAsync(chairs.Id);
        var lotId = await AddLotAsync(chairs.Id, 100, new DateOnly(2025, 1, 1), 250m);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var editPage = await HtmlForm.GetDocumentAsync(officer, $"/catalogue/{chairs.Id}/lots?edit={lotId}");
        Assert.Equal("100", editPage.QuerySelector("input[name='Input.Quantity']")!.GetAttribute("value"));
        Assert.Equal("01/01/2568", editPage.QuerySelector("input[name='Input.AcquiredOn']")!.GetAttribute("value"));
        var edit = HtmlForm.From(editPage, "form[action*='handler=Save']", $"/catalogue/{chairs.Id}/lots?edit={lotId}");

        Assert.Equal(HttpStatusCode.Redirect, (await edit.Set("Input.UnitPrice", "260").SubmitAsync(officer)).StatusCode);
        Assert.Equal(260m, Assert.Single(await LotsAsync(chairs.Id)).UnitPrice);

        var remove = await HtmlForm.LoadAsync(officer, $"/catalogue/{chairs.Id}/lots", "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, (await remove.SubmitAsync(officer)).StatusCode);
        Assert.Empty(await LotsAsync(chairs.Id));
    }

    [Fact]
    public async Task Edit_LoweringThePoolBelowItsLots_IsRefusedBesideTheQuantityKeepingIt()
    {
        var chairs = await ChairsAsync();
        await ClearLotsAsync(chairs.Id);
        await AddLotAsync(chairs.Id, 250, new DateOnly(2025, 1, 1), 250m);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/catalogue/{chairs.Id}/edit");

        var response = await form.Set("Input.PoolQuantity", "240").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("จำนวนที่มีต้องไม่น้อยกว่าจำนวนรวมของล็อตที่บันทึกไว้", doc.QuerySelector("[data-valmsg-for='Input.PoolQuantity']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("240", doc.QuerySelector("input[name='Input.PoolQuantity']")!.GetAttribute("value"));
        Assert.Equal(chairs.PoolQuantity, (await ChairsAsync()).PoolQuantity);
    }

    [Theory]
    [InlineData(Demo.Employee)]
    [InlineData(Demo.Auditor)]
    public async Task Lots_AreForTheRegistryRolesOnly(string user)
    {
        var chairs = await ChairsAsync();
        var client = await app.CreateClientAsAsync(user);

        var get = await client.GetAsync(new Uri($"/catalogue/{chairs.Id}/lots", UriKind.Relative));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Quantity"] = "1", ["Input.AcquiredOn"] = "01/01/2568", ["Input.UnitPrice"] = "1" });
        var post = await client.PostAsync(new Uri($"/catalogue/{chairs.Id}/lots?handler=Save", UriKind.Relative), body);

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }

        var page = await HtmlForm.GetDocumentAsync(client, $"/catalogue/{chairs.Id}");
        Assert.Null(page.QuerySelector($"a[href='/catalogue/{chairs.Id}/lots']"));
    }

    [Fact]
    public Task DamagedChairs_FromAPoolWithLots_ProposeTheWeightedValueWithItsBasis() => PoolLotsScenario.DamagedChairsProposeTheWeightedValueAsync(app);

    private Task<CatalogueItem> ChairsAsync() =>
        app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().SingleAsync(c => c.Name == LoanSetup.Chairs));

    private Task<List<PoolLot>> LotsAsync(int itemId) =>
        app.WithDbAsync(async db => (await db.CatalogueItems.AsNoTracking().SingleAsync(c => c.Id == itemId)).Lots.ToList());

    private Task ClearLotsAsync(int itemId) =>
        app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == itemId);
            foreach (var lot in item.Lots.ToList())
            {
                item.RemoveLot(lot.Id);
            }

            await db.SaveChangesAsync();
        });

    private Task<int> AddLotAsync(int itemId, int quantity, DateOnly acquiredOn, decimal price) =>
        app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == itemId);
            var lot = item.AddLot(quantity, acquiredOn, price, BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            return lot.Id;
        });
}

public sealed class PostgresPoolLotsTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task DamagedChairs_FromAPoolWithLots_ProposeTheWeightedValueWithItsBasis()
    {
        app.RequireServer();
        await PoolLotsScenario.DamagedChairsProposeTheWeightedValueAsync(app);
    }
}

/// <summary>Lots recorded, chairs handed over and three back damaged: the proposal on either database.</summary>
internal static class PoolLotsScenario
{
    public static async Task DamagedChairsProposeTheWeightedValueAsync(AppFactory app)
    {
        Assert.Equal(new DateOnly(2026, 11, 25), BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime));
        var chairs = await ChairsAsync(app);
        await ClearLotsAsync(app, chairs.Id);
        await AddLotAsync(app, chairs.Id, 200, new DateOnly(2025, 11, 25), 300m);
        await AddLotAsync(app, chairs.Id, 100, new DateOnly(2026, 11, 25), 240m);
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 10));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/return/{id}", "#return-form");
        form.Set("Input.Lines[0].PoolGood", "7").Set("Input.Lines[0].PoolDamaged", "3").Set("Input.Lines[0].Note", "ขาหัก");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(officer)).StatusCode);
        var caseId = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.LoanId == id).Select(c => c.Id).SingleAsync());

        var page = await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensation/{id}");

        // (200 × 200.09 + 100 × 240.00) ÷ 300 = 213.39 a chair; 3 chairs 640.17 (the item's own price alone gives 0.00).
        Assert.Equal("640.17", page.QuerySelector($"#amount-{caseId}")!.GetAttribute("value"));
        var basis = page.QuerySelector($"#proposed-basis-{caseId}")!.TextContent;
        Assert.StartsWith("ค่าเฉลี่ยถ่วงน้ำหนักตามจำนวนของล็อต ณ วันที่ 25 พ.ย. 2569", basis, StringComparison.Ordinal);
        Assert.Contains("→ 213.39 บาทต่อตัว", basis, StringComparison.Ordinal);

        var decide = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        Assert.Equal(HttpStatusCode.Redirect, (await decide.Set("Decide.Method", "Pay").Set("Decide.Basis", "").SubmitAsync(officer)).StatusCode);
        Assert.Equal(640.17m, await app.WithDbAsync(db => db.CompensationCases.Where(c => c.Id == caseId).Select(c => c.FinalAmount).SingleAsync()));
    }

    private static Task<CatalogueItem> ChairsAsync(AppFactory app) =>
        app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().SingleAsync(c => c.Name == LoanSetup.Chairs));

    private static Task ClearLotsAsync(AppFactory app, int itemId) =>
        app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == itemId);
            foreach (var lot in item.Lots.ToList())
            {
                item.RemoveLot(lot.Id);
            }

            await db.SaveChangesAsync();
        });

    private static Task AddLotAsync(AppFactory app, int itemId, int quantity, DateOnly acquiredOn, decimal price) =>
        app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == itemId);
            item.AddLot(quantity, acquiredOn, price, BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
}
