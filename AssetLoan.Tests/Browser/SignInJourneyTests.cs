using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

public sealed class SignInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Officer_SignsInWithDemoAccount_SeesOwnNameInThai()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Demo.Officer);
        await Assertions.Expect(page.GetByText("นางสาวพัชรี ใจดี")).ToBeVisibleAsync();
        Assert.Equal("th", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.ScreenshotAsync(page, "signed-in-officer");
    }
}
