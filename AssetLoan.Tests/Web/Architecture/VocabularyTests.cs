using System.Xml.Linq;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Vocabulary;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// One vocabulary per enumeration (issue 12): every word the staff and the public pages use for a domain value comes
/// from AssetLoan.Web/Vocabulary, and every Thai word there has its English in SharedResource.en.resx, so a page that
/// shows it through the shared localizer is complete in English.
/// </summary>
public sealed class VocabularyTests
{
    public static TheoryData<string, string> Words() => [.. AllWords()];

    private static List<(string Where, string Word)> AllWords()
    {
        var words = new List<(string Where, string Word)>();
        void Add<T>(string table, Func<T, string> word) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                words.Add(($"{table}({typeof(T).Name}.{value})", word(value)));
            }
        }

        Add<LoanStatus>("LoanText.Status", LoanText.Status);
        Add<LoanStatus>("PublicLoanText.StatusName", PublicLoanText.StatusName);
        Add<BorrowerKind>("LoanText.Kind", LoanText.Kind);
        Add<LoanCase>("LoanText.Case", LoanText.Case);
        Add<ExtensionStatus>("LoanText.Extension", LoanText.Extension);
        Add<DemandChannel>("LoanText.Channel", LoanText.Channel);
        Add<ReturnCondition>("LoanText.Condition", LoanText.Condition);
        Add<CompensationKind>("LoanText.Kind", LoanText.Kind);
        Add<CompensationMethod>("LoanText.Method", LoanText.Method);
        Add<CompensationStatus>("LoanText.Status", LoanText.Status);
        Add<AssetStatus>("AssetText.Status", AssetText.Status);
        return words;
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void EveryThaiWord_HasItsEnglishInTheSharedResource(string where, string thai)
    {
        if (!thai.Any(c => c is >= '\u0E00' and <= '\u0E7F'))
        {
            return; // "LINE" reads the same in English
        }

        Assert.True(SharedEnglish.Value.TryGetValue(thai, out var english) && !string.IsNullOrWhiteSpace(english),
            $"{where} = \"{thai}\" has no English in SharedResource.en.resx");
    }

    [Fact]
    public void AWordForEachValue_NotTheEnumName()
    {
        // A table that forgot a value falls back to the code name ("HandedOver"), which no reader understands.
        foreach (var (where, word) in AllWords())
        {
            Assert.False(word.All(c => c < 128) && word != "LINE", $"{where} has no Thai word: \"{word}\"");
        }
    }

    private static readonly Lazy<Dictionary<string, string>> SharedEnglish = new(() =>
        XDocument.Load(Path.Combine(SourceTree.Root, "AssetLoan.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal));
}
