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

    /// <summary>
    /// Pages whose English is not written yet (built in the round of 2026-12-05: the books, the password page, the audit
    /// anchors, and the loan/address names that the audit name book and the desk compose in Thai). Each is still walked
    /// in Thai by the phone and desk walks; remove its line when its English lands, and this test covers it again.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex EnglishPending = new(
        @"^/(reports/|assets/\d+/history$|account/password$|audit(/verify)?$|supplies/(handover|return)/\d+$)");

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPage_InEnglish_HasNoThaiOutsideData(string user)
    {
        var site = await SitePages.ForAsync(browser.App);
        var problems = await PageWalk.RunAsync(browser, user, site.For(user).Where(u => !EnglishPending.IsMatch(u)).ToList(), new WalkOptions(1280, 900, English: true), async (page, _) =>
            await page.EvaluateAsync<bool>("() => document.body.classList.contains('document')") ? [] : await PageChecks.ThaiInEnglishAsync(page, site.DataTexts));

        Assert.True(problems.Count == 0, $"{problems.Count} Thai texts in English as {user}:\n" + string.Join("\n", problems));
    }
}
