using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

public sealed class RegistryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, "490-64-0003", "ห้องเก็บของ อาคาร 2")]
    [InlineData(390, "490-64-0004", "ใต้ถุนอาคารสำนักงาน")]
    public async Task Officer_SearchesTents_OpensOne_EditsItsLocation_SeesTheSavedValue(int width, string number, string location)
    {
        var page = await browser.NewPageAsync(width, 844);
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}/assets");

        await page.GetByLabel("ค้นหา", new() { Exact = true }).FillAsync("เต็นท์");
        await page.GetByRole(AriaRole.Button, new() { Name = "ค้นหา", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("พบ 16 รายการ")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"registry-search-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "เต็นท์ ขนาด 4×8 ม.", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "แก้ไข", Exact = true }).ClickAsync();

        await page.GetByLabel("สถานที่เก็บ").FillAsync(location);
        await BrowserFixture.ScreenshotAsync(page, $"registry-edit-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/assets/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"บันทึกการแก้ไขครุภัณฑ์ {number} แล้ว");
        await Assertions.Expect(page.Locator("dd").Filter(new() { HasText = location })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".audit-timeline ins").Filter(new() { HasText = location })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"registry-detail-{width}");
    }
}
