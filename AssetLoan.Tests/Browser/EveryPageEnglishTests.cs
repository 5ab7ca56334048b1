using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// Every page of every role with the language switched to English: no Thai character outside data (names, items,
/// purposes… as stored in the database, or inside an element marked <c>data-user-content</c>). Printed documents stay
/// Thai by design.
/// </summary>
public sealed class EveryPageEnglishTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Users() => [.. SitePages.Users];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPage_InEnglish_HasNoThaiOutsideData(string user)
    {
        var site = await SitePages.ForAsync(browser.App);
        var problems = await PageWalk.RunAsync(browser, user, site.For(user), new WalkOptions(1280, 900, English: true), async (page, _) =>
            await page.EvaluateAsync<bool>("() => document.body.classList.contains('document')") ? [] : await PageChecks.ThaiInEnglishAsync(page, site.DataTexts));

        Assert.True(problems.Count == 0, $"{problems.Count} Thai texts in English as {user}:\n" + string.Join("\n", problems));
    }
}
