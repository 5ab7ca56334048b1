using System.Text.RegularExpressions;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// Typed links (issue 12 §6): a page model redirects with <c>RedirectToPage(page, values)</c>, so a moved or renamed
/// page breaks a test instead of a link. Two string redirects stay on purpose: the tracking link and the asset tag are
/// case-sensitive keys, and RedirectToPage would lowercase them (<c>RouteOptions.LowercaseUrls</c>).
/// </summary>
public sealed partial class TypedRedirectTests
{
    private static readonly string[] CaseSensitive = ["Track/Application.cshtml.cs", "Track/Index.cshtml.cs", "Supplies/Scan.cshtml.cs"];

    // "Save and add another" carries the half-filled form back as typed, empty values included; not yet a route.
    private const string SaveAndAddAnother = "Redirect($\"/assets/create?";

    [Fact]
    public void PageModels_RedirectToPages_NotToStrings()
    {
        var pages = Path.Combine(SourceTree.Root, "AssetLoan.Web", "Pages");
        var found = Directory.EnumerateFiles(pages, "*.cs", SearchOption.AllDirectories)
            .Where(f => !CaseSensitive.Any(c => Path.GetRelativePath(pages, f).Replace('\\', '/') == c))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => StringRedirect().IsMatch(l.Text) && !l.Text.Contains(SaveAndAddAnother, StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(SourceTree.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "string redirects:\n" + string.Join("\n", found));
    }

    [GeneratedRegex("""\bRedirect\(\$?"/""")]
    private static partial Regex StringRedirect();
}
