using AngleSharp.Html.Parser;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Security;

/// <summary>
/// Issue 14: the CSP's style-src is 'self' only, so a style attribute or a style element would be refused by the
/// browser and the page would lose that look. Every page of every role (<see cref="SitePages"/>), as served, has neither.
/// </summary>
public sealed class NoInlineStyleTests(KestrelApp kestrel) : IClassFixture<KestrelApp>
{
    public static TheoryData<string> Users() => [.. SitePages.Users];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPage_HasNoStyleAttributeNorStyleElement(string user)
    {
        var site = await SitePages.ForAsync(kestrel.App);
        var client = await SitePages.ClientAsync(kestrel.App, user);
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var url in site.For(user))
        {
            var html = await client.GetStringAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            var document = await parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken);
            problems.AddRange(document.QuerySelectorAll("[style]").Select(e => $"{url}: <{e.LocalName} style=\"{e.GetAttribute("style")}\">"));
            problems.AddRange(document.QuerySelectorAll("style").Select(_ => $"{url}: <style> element"));
        }

        Assert.NotEmpty(site.For(user));
        Assert.True(problems.Count == 0, $"{problems.Count} inline styles as {user}:\n" + string.Join("\n", problems));
    }
}
