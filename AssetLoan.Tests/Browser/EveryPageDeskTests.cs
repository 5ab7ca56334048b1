using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Browser;

/// <summary>Every page of every role at a 1280 px desk: axe-core finds no serious or critical violation. Screenshots: screenshots/desk-*.png.</summary>
public sealed class EveryPageDeskTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Users() => [.. SitePages.Users];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPage_AtDeskWidth_PassesAxe(string user)
    {
        var site = await SitePages.ForAsync(browser.App);
        var problems = await PageWalk.RunAsync(browser, user, site.For(user), new WalkOptions(1280, 900), async (page, url) =>
        {
            var found = await PageChecks.AxeAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"desk{EveryPagePhoneTests.Slug(user)}{EveryPagePhoneTests.Slug(url)}");
            return found;
        });

        Assert.True(problems.Count == 0, $"{problems.Count} problems at 1280 px as {user}:\n" + string.Join("\n", problems));
    }
}
