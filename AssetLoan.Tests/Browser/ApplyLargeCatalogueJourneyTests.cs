using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// A villager on a 390 px phone applies from a province-sized catalogue: looks an item up with the Enter key, types a
/// quantity, looks up the next one, and files both; the free counts follow the typed พ.ศ. dates for what is on the form.
/// </summary>
public sealed class ApplyLargeCatalogueJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await browser.App.WithDbAsync(async db =>
    {
        if (await db.CatalogueItems.AnyAsync(c => c.Name.StartsWith("ชุดโต๊ะหมู่บูชา")))
        {
            return;
        }

        var category = await db.Categories.Select(c => c.Id).FirstAsync();
        for (var i = 1; i <= 70; i++)
        {
            var item = new CatalogueItem(
                new CatalogueItemDetails($"ชุดโต๊ะหมู่บูชา แบบที่ {i:00}", category, "ชุด", null, LendingNature.Durable, BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m),
                TrackingMode.Pooled, Tags.NewTag());
            item.SetPool(3, 2_500m, new DateOnly(2022, 10, 1));
            db.CatalogueItems.Add(item);
        }

        await db.SaveChangesAsync();
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Villager_SearchesWithEnter_ChoosesTwoItems_AndFilesThem()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/apply");
        (string Label, string Value)[] fields =
        [
            ("ชื่อ–นามสกุล", "นางค้นหา ของยืม"), ("เลขประจำตัวประชาชน 13 หลัก", PublicApplication.NewNationalId()), ("เบอร์โทรศัพท์", "089-222-2570"),
            ("บ้านเลขที่", "9"), ("ตำบล", "แม่คือ"), ("อำเภอ", "ดอยสะเก็ด"), ("จังหวัด", "เชียงใหม่"),
            ("วัตถุประสงค์การยืม (นำไปใช้ในงานใด)", "งานทำบุญขึ้นบ้านใหม่"), ("สถานที่นำไปใช้", "บ้านเลขที่ 9 หมู่ 2"),
            ("วันที่เริ่มยืม", "19/12/2569"), ("วันที่ส่งคืน", "20/12/2569"),
        ];
        foreach (var (label, value) in fields)
        {
            await page.GetByLabel(label, new() { Exact = true }).PressSequentiallyAsync(value);
        }

        await Assertions.Expect(page.Locator("#apply-form [data-item-id]")).ToHaveCountAsync(0);
        var find = page.GetByLabel("ค้นหาพัสดุที่ต้องการยืม");
        await find.FillAsync("หมู่บูชา 12");
        await find.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#find-result")).ToContainTextAsync("พบ 1 รายการ");
        await page.GetByLabel("ชุดโต๊ะหมู่บูชา แบบที่ 12", new() { Exact = true }).FillAsync("2");
        await BrowserFixture.ScreenshotAsync(page, "apply-large-1-search-390");

        await find.FillAsync("เต็นท์");
        await find.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel(PublicApplication.Tent, new() { Exact = true })).ToBeVisibleAsync();
        // The altar set chosen before is still on the form, with its quantity, above what the new search found.
        await Assertions.Expect(page.GetByLabel("ชุดโต๊ะหมู่บูชา แบบที่ 12", new() { Exact = true })).ToHaveValueAsync("2");
        Assert.Equal("19/12/2569", await page.GetByLabel("วันที่เริ่มยืม", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel(PublicApplication.Tent, new() { Exact = true }).FillAsync("1");

        // The national ID is not sent back by the server: typed again, as a person would.
        var id = page.GetByLabel("เลขประจำตัวประชาชน 13 หลัก", new() { Exact = true });
        if (string.IsNullOrEmpty(await id.InputValueAsync()))
        {
            await id.PressSequentiallyAsync(PublicApplication.NewNationalId());
        }

        await page.GetByLabel("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัว", new() { Exact = false }).CheckAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
        await BrowserFixture.ScreenshotAsync(page, "apply-large-2-chosen-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/apply/done", StringComparison.Ordinal));

        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        var lines = await browser.App.WithDbAsync(db => db.Loans.Where(l => l.Reference == reference).SelectMany(l => l.Lines)
            .Select(l => new { l.ItemName, l.Quantity }).ToListAsync());
        Assert.Equal([("ชุดโต๊ะหมู่บูชา แบบที่ 12", 2), (PublicApplication.Tent, 1)], lines.Select(l => (l.ItemName, l.Quantity)).Order().ToList());
    }
}
