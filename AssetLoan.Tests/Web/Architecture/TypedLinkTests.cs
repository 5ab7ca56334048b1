using System.Text.RegularExpressions;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// Typed links (issue 12 §6), the page side of <see cref="TypedRedirectTests"/>: a page links with
/// <c>&lt;a asp-page="/Folder/Page" asp-route-id="…"&gt;</c> (or <c>Url.Page(…)</c> before a query string a filter
/// builds), so a moved or renamed page breaks the build or a test instead of a link. A string <c>href="/…"</c> stays only
/// where typing cannot give the same URL; each such start is listed here with why. Forms post the same way: <c>&lt;form
/// asp-page="/Folder/Page" asp-page-handler="…"&gt;</c>, and a string <c>action="/…"</c> or <c>formaction="/…"</c> stays
/// only for a start on <see cref="AllowedFormTargets"/>.
/// </summary>
public sealed partial class TypedLinkTests
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["/a/"] = "the asset tag is a case-sensitive key, and asp-page would lowercase it (RouteOptions.LowercaseUrls)",
        ["/track/"] = "the tracking token is a case-sensitive key, and asp-page would lowercase it (RouteOptions.LowercaseUrls)",
        ["/css/"] = "a static file, not a page",
        ["/js/"] = "a static file, not a page",
        ["/lib/"] = "a static file, not a page",
        ["/img/"] = "a static file, not a page",
        ["/fonts/"] = "a static file, not a page",
    };

    private static readonly Dictionary<string, string> AllowedFormTargets = new(StringComparer.Ordinal)
    {
        ["/track/"] = "the tracking token is a case-sensitive key, and asp-page would lowercase it (RouteOptions.LowercaseUrls)",
    };

    [Fact]
    public void Pages_LinkToPages_NotToStrings()
    {
        var pages = Path.Combine(SourceTree.Root, "AssetLoan.Web", "Pages");
        var found = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .SelectMany(l => StringLink().Matches(l.Text).Select(m => (l.File, l.Line, Url: m.Groups["url"].Value)))
            .Where(l => !Allowed.Keys.Any(start => l.Url.StartsWith(start, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(SourceTree.Root, l.File)}:{l.Line}: href=\"{l.Url}")
            .ToList();

        Assert.True(found.Count == 0, "string links (use asp-page, or add the start to Allowed with why):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Forms_PostToPages_NotToStrings()
    {
        var pages = Path.Combine(SourceTree.Root, "AssetLoan.Web", "Pages");
        var found = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .SelectMany(l => StringFormTarget().Matches(l.Text).Select(m => (l.File, l.Line, Attribute: m.Groups["attribute"].Value, Url: m.Groups["url"].Value)))
            .Where(l => !AllowedFormTargets.Keys.Any(start => l.Url.StartsWith(start, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(SourceTree.Root, l.File)}:{l.Line}: {l.Attribute}=\"{l.Url}")
            .ToList();

        Assert.True(found.Count == 0, "forms posting to strings (use asp-page and asp-page-handler, or add the start to AllowedFormTargets with why):\n" + string.Join("\n", found));
    }

    // action="/…" or formaction="/…" (a form's or a submit button's target), not a protocol-relative //host one.
    [GeneratedRegex("""\b(?<attribute>(?:form)?action)\s*=\s*["'](?<url>/(?!/)[^"']*)""", RegexOptions.IgnoreCase)]
    private static partial Regex StringFormTarget();

    // href="/…" or href='/…', not a protocol-relative //host link (external).
    [GeneratedRegex("""\bhref\s*=\s*["'](?<url>/(?!/)[^"']*)""")]
    private static partial Regex StringLink();
}
