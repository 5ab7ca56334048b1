using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web;

/// <summary>The main navbar and the administration menu: each role sees the links it can use, and only those.</summary>
public sealed class NavigationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Anonymous = "anonymous";

    /// <summary>Staff pages the navbar links to, and who may open them.</summary>
    private static readonly Dictionary<string, string[]> Links = new()
    {
        ["/supplies"] = [Demo.Officer],
        ["/supplies/scan"] = [Demo.Officer],
        ["/supplies/overdue"] = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Auditor],
        ["/loans/all"] = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Auditor],
        ["/reports/dashboard"] = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Auditor],
        ["/labels"] = [Demo.Officer, Demo.Admin],
        ["/notifications"] = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Head, Demo.Employee, Demo.Auditor, Demo.Admin],
    };

    public static TheoryData<string> Users() =>
        [Anonymous, Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Head, Demo.Employee, Demo.Auditor, Demo.Admin];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Navbar_ShowsALinkExactlyWhenTheUserMayOpenIt(string user)
    {
        var client = user == Anonymous ? app.CreateAnonymousClient() : await app.CreateClientAsAsync(user);
        var home = await HtmlForm.GetDocumentAsync(client, "/transparency");
        var nav = home.QuerySelector("header nav")!;

        foreach (var (href, allowed) in Links)
        {
            var shown = nav.QuerySelector($"a[href='{href}']") is not null;
            var response = await client.GetAsync(href);
            Assert.Equal(allowed.Contains(user), shown);
            Assert.Equal(shown, response.StatusCode == HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Navbar_Officer_GroupsTheSuppliesPagesInOneMenuThatStillLinksTheQueueWithoutJavaScript()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, "/assets");

        var toggle = doc.QuerySelector("header nav .dropdown-toggle")!;
        Assert.Equal("งานพัสดุ", toggle.TextContent.Trim());
        Assert.Equal("/supplies", toggle.GetAttribute("href"));
        Assert.Equal(
            ["/supplies", "/supplies/scan", "/loans/all", "/supplies/overdue", "/labels", "/reports/dashboard", "/reports/register", "/reports/year-end"],
            doc.QuerySelectorAll("header nav .dropdown-menu a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(doc.QuerySelector("header nav a[href='/notifications']"));
        Assert.NotNull(doc.QuerySelector("header nav .navbar-toggler[data-bs-target='#mainNav']"));
    }

    [Fact]
    public async Task Navbar_InEnglish_ReadsEnglish()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, "/assets?culture=en-US&ui-culture=en-US");

        Assert.Equal(
            ["Work queue", "Scan a label", "All loans", "Overdue follow-up", "Print QR labels", "Lending dashboard", "Loan register", "Out on loan at 30 September"],
            doc.QuerySelectorAll("header nav .dropdown-menu a").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/admin", "/admin")]
    [InlineData("/admin/settings", "/admin/settings")]
    [InlineData("/admin/letters", "/admin/letters")]
    [InlineData("/admin/regulation", "/admin/regulation")]
    public async Task AdminMenu_LinksSettingsAndRegulation_AndMarksTheCurrentPage(string page, string current)
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var doc = await HtmlForm.GetDocumentAsync(admin, page);

        var menu = doc.QuerySelector("main nav.nav-pills")!;
        var links = menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin", "/admin/divisions", "/admin/categories", "/admin/calendar", "/admin/settings", "/admin/letters", "/admin/regulation"], links);
        Assert.Equal(current, menu.QuerySelector("a[aria-current='page']")!.GetAttribute("href"));
        foreach (var href in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(href)).StatusCode);
        }
    }
}
