using System.Text.RegularExpressions;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// One flash helper (issue 12 §6): pages write <c>this.Flash(…)</c> / <c>this.FlashError(…)</c> and the layouts read
/// <c>TempData.FlashMessage()</c>; the TempData key is spelled in <c>PageModelFlashExtensions</c> only.
/// </summary>
public sealed partial class FlashTests
{
    private const string Helper = "PageModelFlashExtensions.cs";

    [Fact]
    public void TheFlashKey_IsSpelledOnlyInTheHelper()
    {
        var found = WebSources()
            .Where(f => Path.GetFileName(f) != Helper)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => FlashKey().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(SourceTree.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "the flash key outside " + Helper + ":\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_SeesTheHelper()
    {
        var helper = WebSources().Single(f => Path.GetFileName(f) == Helper);
        Assert.Contains(File.ReadLines(helper), l => FlashKey().IsMatch(l));
    }

    private static IEnumerable<string> WebSources() =>
        Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "AssetLoan.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal));

    [GeneratedRegex("\"Flash(Error)?\"")]
    private static partial Regex FlashKey();
}
