using System.Text.RegularExpressions;
using System.Xml.Linq;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>Thai first, English complete: every Thai text of the loan pages has its English, and the pages switch.</summary>
public sealed partial class LoanPagesLocalizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The views of this feature (other features' views in the same folders have their own tests).</summary>
    private static readonly string[] Pages =
    [
        "Loans/Index.cshtml", "Loans/New.cshtml", "Loans/Details.cshtml", "Loans/_ItemTable.cshtml", "Loans/_LoanView.cshtml",
        "Endorsements/Index.cshtml", "Endorsements/Review.cshtml",
        "Supplies/Index.cshtml", "Supplies/_QueueTable.cshtml", "Supplies/Check.cshtml", "Supplies/Walkin.cshtml", "Supplies/Paper.cshtml", "Supplies/Reduce.cshtml",
        "Approvals/Index.cshtml", "Approvals/Review.cshtml", "Catalogue/Calendar.cshtml", "Admin/Settings.cshtml",
    ];

    public static TheoryData<string> Views() => [.. Pages];

    [Theory]
    [MemberData(nameof(Views))]
    public void EveryThaiTextInAView_HasItsEnglishInTheViewsResource(string view)
    {
        var root = RepositoryRoot();
        var keys = ViewKey().Matches(File.ReadAllText(Path.Combine(root, "AssetLoan.Web", "Pages", view))).Select(m => m.Groups[1].Value).ToHashSet();
        if (keys.Count == 0)
        {
            return;
        }

        var resx = Path.Combine(root, "AssetLoan.Web", "Resources", "Pages", Path.ChangeExtension(view, ".en.resx"));
        Assert.True(File.Exists(resx), $"{resx} is missing");
        var english = XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var untranslated = keys.Where(k => !english.ContainsKey(k) || string.IsNullOrWhiteSpace(english[k])).ToList();
        Assert.True(untranslated.Count == 0, $"{view}: no English for {string.Join(" | ", untranslated)}");
    }

    [Fact]
    public async Task Pages_InEnglish_ReadInEnglish()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var culture = await HtmlForm.LoadAsync(officer, "/", "form[action='/culture']");
        await culture.SubmitAsync(officer);

        var queue = await HtmlForm.GetDocumentAsync(officer, "/supplies");
        Assert.Equal("en", queue.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Supplies desk", queue.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Outside borrower", queue.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("To hand over today", queue.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Handovers in the next 14 days", queue.Body.TextContent, StringComparison.Ordinal);

        var form = await HtmlForm.GetDocumentAsync(officer, "/loans/new");
        Assert.Equal("Request items", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Check availability", form.QuerySelector("button[formaction]")!.TextContent.Trim());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssetLoan.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AssetLoan.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ViewKey();
}
