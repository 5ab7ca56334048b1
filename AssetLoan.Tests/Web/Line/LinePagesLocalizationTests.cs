using System.Text.RegularExpressions;
using System.Xml.Linq;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Line;

/// <summary>Thai first, English complete, for the pages where people choose their channel and link LINE.</summary>
public sealed partial class LinePagesLocalizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Views() => ["Account/Profile.cshtml", "Track/Application.cshtml", "Apply/Index.cshtml", "Admin/Settings.cshtml", "Borrowers/Detail.cshtml"];

    [Theory]
    [MemberData(nameof(Views))]
    public void EveryThaiTextInAView_HasItsEnglish(string view)
    {
        var root = RepositoryRoot();
        var keys = ViewKey().Matches(File.ReadAllText(Path.Combine(root, "AssetLoan.Web", "Pages", view))).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)).ToHashSet();
        var resx = Path.Combine(root, "AssetLoan.Web", "Resources", "Pages", Path.ChangeExtension(view, ".en.resx"));
        var english = XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var untranslated = keys.Where(k => !english.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(untranslated.Count == 0, $"{view}: no English for {string.Join(" | ", untranslated)}");
    }

    [Fact]
    public async Task Profile_InEnglish_ReadsInEnglish_AndThePrivacyNoticeNamesLine()
    {
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var thai = await HtmlForm.GetDocumentAsync(employee, "/account/profile");
        Assert.Equal("ข้อมูลของฉัน", thai.QuerySelector("h1")!.TextContent.Trim());
        var culture = await HtmlForm.LoadAsync(employee, "/", "form[action='/culture']");
        using var switched = await culture.SubmitAsync(employee);

        var profile = await HtmlForm.GetDocumentAsync(employee, "/account/profile");
        Assert.Equal("My profile", profile.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Send me notices by", profile.Body!.TextContent, StringComparison.Ordinal);

        var apply = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply");
        Assert.Contains("LINE", apply.QuerySelector("#privacy-line")!.TextContent, StringComparison.Ordinal);
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
