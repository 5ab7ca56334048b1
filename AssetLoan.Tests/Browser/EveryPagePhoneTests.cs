using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// Every page of every role on a 390 × 844 phone: nothing needs sideways scrolling (the document is no wider than the
/// window, every button, link and field of <c>main</c> lies inside it, fields are wide enough to type in) and axe-core
/// finds no serious or critical violation. Screenshots: screenshots/phone-*.png.
/// </summary>
public sealed class EveryPagePhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Users() => [.. SitePages.Users];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPage_AtPhoneWidth_FitsTheWindowAndPassesAxe(string user)
    {
        var site = await SitePages.ForAsync(browser.App);
        var pages = site.For(user);
        Assert.NotEmpty(pages);

        var problems = await PageWalk.RunAsync(browser, user, pages, new WalkOptions(390, 844), async (page, url) =>
        {
            var found = (await PageChecks.LayoutAsync(page)).Concat(await PageChecks.AxeAsync(page)).ToList();
            await BrowserFixture.ScreenshotAsync(page, $"phone-{Slug(user)}{Slug(url)}");
            return found;
        });

        Assert.True(problems.Count == 0, $"{problems.Count} problems at 390 px as {user}:\n" + string.Join("\n", problems));
    }

    /// <summary>The public pages that offer the larger-text switch (sign-in and the printable blank forms do not).</summary>
    private static bool IsPublicPage(string url) =>
        url == "/" || url.StartsWith("/apply", StringComparison.Ordinal) || url.StartsWith("/track", StringComparison.Ordinal)
        || url == "/transparency" || url.StartsWith("/a/", StringComparison.Ordinal);

    [Fact]
    public async Task PublicPages_WithLargerText_FitTheWindowAtPhoneWidth()
    {
        var site = await SitePages.ForAsync(browser.App);
        var problems = await PageWalk.RunAsync(browser, SitePages.Anonymous, site.For(SitePages.Anonymous).Where(IsPublicPage).ToList(), new WalkOptions(390, 844, LargeText: true), async (page, url) =>
        {
            var found = (await PageChecks.LayoutAsync(page)).ToList();
            if (!await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('text-large')"))
            {
                found.Add("the larger-text choice is not applied");
            }

            await BrowserFixture.ScreenshotAsync(page, $"large-{Slug(url)}");
            return found;
        });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    internal static string Slug(string s) =>
        new string(s.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') is { Length: > 0 } t ? "-" + t[..Math.Min(t.Length, 60)] : "-home";
}
