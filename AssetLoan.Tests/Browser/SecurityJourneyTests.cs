using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

public sealed class SecurityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task ChangePassword_FromTheNameInTheHeader_ShowsTheRuleAndAWeakPasswordMessage(int width)
    {
        var page = await browser.NewPageAsync(width);
        await browser.SignInAsync(page, Demo.Head);
        await page.GotoAsync($"{browser.BaseUrl}/account/password");

        await page.GetByLabel("รหัสผ่านปัจจุบัน").FillAsync(AssetLoan.Web.Data.Seed.DemoData.Password);
        await page.GetByLabel("รหัสผ่านใหม่", new() { Exact = true }).FillAsync("password1234");
        await page.GetByLabel("ยืนยันรหัสผ่านใหม่").FillAsync("password1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกรหัสผ่านใหม่" }).ClickAsync();

        await Assertions.Expect(page.GetByText("รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"account-password-{width}");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Transparency_ShowsTheDailyAuditAnchor(int width)
    {
        var anchor = await browser.App.Services.GetRequiredService<AuditAnchorJob>().AnchorAsync(browser.App.Clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync($"{browser.BaseUrl}/transparency#audit-anchors");

        await Assertions.Expect(page.GetByText(anchor!.Hash)).ToBeVisibleAsync();
        await page.Locator("#audit-anchors").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"transparency-anchors-{width}.png") });
    }
}
