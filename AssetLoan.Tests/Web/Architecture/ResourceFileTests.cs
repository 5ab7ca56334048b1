using System.Xml.Linq;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// Every English resource file names each Thai text once: a second entry for the same text builds without a word but
/// leaves which English is shown to chance (seen: "จำนวนเงินที่รับ (บาท)" added twice to SharedResource.en.resx).
/// </summary>
public sealed class ResourceFileTests
{
    [Fact]
    public void EveryResourceFile_NamesEachTextOnce()
    {
        var files = Directory.GetFiles(Path.Combine(SourceTree.Root, "AssetLoan.Web", "Resources"), "*.resx", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var twice = files.SelectMany(f => XDocument.Load(f).Root!.Elements("data")
                .GroupBy(d => (string?)d.Attribute("name"))
                .Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetRelativePath(SourceTree.Root, f)}: {g.Key} ×{g.Count()}"))
            .ToList();

        Assert.True(twice.Count == 0, "named more than once:\n" + string.Join("\n", twice));
    }

    /// <summary>
    /// Every rule message has its English: a refusal shown in English mode fell back to the Thai text (seen by
    /// EveryPageEnglishTests on /supplies/demand once the desk forms showed the refusal: 28 codes had no English).
    /// </summary>
    [Fact]
    public void EveryRuleMessage_HasItsEnglish()
    {
        var english = XDocument.Load(Path.Combine(SourceTree.Root, "AssetLoan.Web", "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .Select(d => (string?)d.Attribute("name")).ToHashSet(StringComparer.Ordinal);

        var missing = AssetLoan.Web.Infrastructure.DomainErrors.ThaiMessages.Where(m => !english.Contains(m.Value)).Select(m => $"{m.Key}: {m.Value}").ToList();

        Assert.True(missing.Count == 0, "rule messages without English in SharedResource.en.resx:\n" + string.Join("\n", missing));
    }
}
