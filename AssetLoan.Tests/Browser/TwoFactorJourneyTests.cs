using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>Issue 14 §4 on a phone: set up the authenticator, sign out, sign in again with the password and a code.</summary>
public sealed class TwoFactorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SetUp_SignOut_SignInWithTheCode_At390Pixels()
    {
        var page = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(page, Demo.Head);
        await page.GotoAsync($"{browser.BaseUrl}/account/two-factor");

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "คิวอาร์โค้ดสำหรับแอปยืนยันตัวตน" })).ToBeVisibleAsync();
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ScreenshotAsync(page, "two-factor-setup-390");

        await page.GetByLabel("รหัส 6 หลักจากแอป").FillAsync(Totp.Code(key, browser.App.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "ยืนยันและเปิดใช้" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ScreenshotAsync(page, "two-factor-recovery-codes-390");

        browser.App.Clock.Advance(TimeSpan.FromSeconds(30)); // each code is accepted once: the phone shows the next one
        await page.Locator(".navbar-toggler").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ออกจากระบบ" }).ClickAsync();
        await page.GotoAsync($"{browser.BaseUrl}/account/login");
        await page.GetByLabel("อีเมล").FillAsync(Demo.Head);
        await page.GetByLabel("รหัสผ่าน", new() { Exact = true }).FillAsync(global::AssetLoan.Web.Data.Seed.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/login-2fa", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "two-factor-sign-in-390");

        await page.GetByLabel("รหัส 6 หลักจากแอป").FillAsync(Totp.Code(key, browser.App.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync($"{browser.BaseUrl}/account/two-factor");
        await Assertions.Expect(page.Locator("#two-factor-state")).ToBeVisibleAsync();
    }
}
