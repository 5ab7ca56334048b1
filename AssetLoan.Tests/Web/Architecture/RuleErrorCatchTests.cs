using System.Text.RegularExpressions;

namespace AssetLoan.Tests.Web.Architecture;

/// <summary>
/// One way from a refused rule to the form (issue 12): a page lets <c>DomainRuleException</c> escape its POST handler
/// and <c>RuleErrorFilter</c> puts the message beside the field the page names (<c>IShowsRuleErrors</c>). A page model
/// that still catches it must be listed here with the reason it does more than show the message.
/// </summary>
public sealed partial class RuleErrorCatchTests
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Admin/Settings.cshtml.cs"] = "the PromptPay target is parsed to validate the field; the catch is the validation, not a refused change",
        ["Apply/Index.cshtml.cs"] = "a refused application releases the anti-spam challenge it consumed, so the applicant can send again",
        ["Assets/AssetImport.cs"] = "an import marks each refused row and goes on with the rest",
        ["Assets/Create.cshtml.cs"] = "shares the save path with the unique-index DbUpdateException that maps to the same field",
        ["Assets/Edit.cshtml.cs"] = "shares the save path with the unique-index DbUpdateException and the stale-version reload",
        ["Catalogue/Create.cshtml.cs"] = "the photo upload is kept and shown again on every refusal",
        ["Catalogue/Edit.cshtml.cs"] = "the photo upload is kept and shown again on every refusal",
        ["Catalogue/Lots.cshtml.cs"] = "a refused lot is shown beside that lot's row, by code, in the lot editor",
        ["Supplies/CompensationCases.cs"] = "a wrong PromptPay setting shows the notice without a QR code",
        ["Supplies/CompensationNotice.cshtml.cs"] = "a wrong PromptPay setting shows the notice without a QR code",
        ["Supplies/DemandLetter.cshtml.cs"] = "a second tap that lost the race answers with the letter the first one issued",
        ["Supplies/Handover.cshtml.cs"] = "a refused handover deletes the signature image it stored; scanned units are refused one by one",
        ["Supplies/Return.cshtml.cs"] = "scanned units are refused one by one, each beside its own line's scan field, and the rest of the return goes on",
        ["Supplies/Paper.cshtml.cs"] = "a refused paper approval deletes the scan it stored",
        ["Supplies/Walkin.cshtml.cs"] = "a staff member without a division is told to the officer in other words than the domain's",
    };

    [Fact]
    public void OnlyListedPages_CatchDomainRuleException()
    {
        var pages = Path.Combine(SourceTree.Root, "AssetLoan.Web", "Pages");
        var catching = Directory.EnumerateFiles(pages, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => CatchRule().IsMatch(l)))
            .Select(f => Path.GetRelativePath(pages, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        var unlisted = catching.Where(f => !Allowed.ContainsKey(f)).ToList();
        Assert.True(unlisted.Count == 0,
            "these page models catch DomainRuleException: let it escape and implement IShowsRuleErrors, or list them here with the reason:\n"
            + string.Join("\n", unlisted));
        var stale = Allowed.Keys.Where(k => !catching.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "listed but no longer catching (take them off the list):\n" + string.Join("\n", stale));
    }

    [GeneratedRegex(@"catch\s*\(\s*(AssetLoan\.Domain\.)?DomainRuleException\b")]
    private static partial Regex CatchRule();
}
