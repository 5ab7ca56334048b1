using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Browser;

/// <summary>/admin/settings as the admin sees it on a phone and at a desk: every field reachable, no sideways scrolling.</summary>
public sealed class SettingsPageLookTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task SettingsPage_FitsTheScreenWithHelpBesideEveryField(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await browser.SignInAsync(page, Demo.Admin);
        await page.GotoAsync($"{browser.BaseUrl}/admin/settings");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal(22, await page.Locator("main input:not([type=hidden]), main select").CountAsync());
        Assert.Equal(0, await page.Locator("main input:not([type=hidden]):not([type=checkbox]):not([aria-describedby]):not([name*=Approver])").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, $"admin-settings-{width}");
    }
}
