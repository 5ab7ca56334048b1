using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Forms;

/// <summary>
/// Every form of every page, rendered as the people who use it: no submit button may post to an address that depends
/// on the query string of the page it was rendered at. A form without an action posts back to the current URL, so
/// after "ตรวจสอบจำนวนว่าง" (?handler=Check) or a refused scan (?handler=Scan) its main button would run the secondary
/// handler again, forever, saving nothing. Pages are rendered plainly, with a stray query string, and after each
/// secondary button's own post.
/// </summary>
public sealed class FormTargetTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryForm_OnEveryPage_PostsToAnAddressOfItsOwn()
    {
        var pages = await PagesAsync();
        var problems = new List<string>();
        var forms = 0;
        foreach (var (email, url) in pages)
        {
            var client = await ClientAsync(email);
            foreach (var variant in new[] { url, WithQuery(url, "probe=1") })
            {
                var response = await client.GetAsync(variant);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email ?? "anonymous"} GET {variant}: {(int)response.StatusCode}");
                var document = await HtmlForm.ParseAsync(response);
                forms += document.QuerySelectorAll("main form").Length;
                problems.AddRange(QueryDependentTargets(document, $"{email ?? "anonymous"} GET {variant}"));
            }
        }

        Assert.True(forms > 60, $"only {forms} forms were looked at");
        Assert.Empty(problems);
    }

    public static TheoryData<string?, string, string> SecondaryButtons() => new()
    {
        { null, "/apply", "Check" },
        { Demo.Employee, "/loans/new", "Check" },
        { Demo.Officer, "/supplies/walkin", "Check" },
        { Demo.Officer, "/supplies/handover/{approved}", "Scan" },
        { Demo.Officer, "/supplies/return/{out}", "Scan" },
        { Demo.Officer, "/assets/create", "Propose" },
        { Demo.Admin, "/admin/regulation", "Preview" },
    };

    [Theory]
    [MemberData(nameof(SecondaryButtons))]
    public async Task AfterASecondaryButton_EveryButtonStillPostsToItsOwnHandler(string? email, string pattern, string handler)
    {
        var client = await ClientAsync(email);
        var url = await ResolveAsync(pattern);
        var page = await HtmlForm.GetDocumentAsync(client, url);
        var button = SubmitButtons(page).First(b => b.Button.GetAttribute("formaction") is { } a && a.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)
            && b.Form.GetAttribute("method") is "post");
        var form = HtmlForm.From(page, $"#{EnsureId(button.Form)}", url);

        var response = await form.SubmitAsync(client, button.Button.GetAttribute("formaction"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await HtmlForm.ParseAsync(response);
        Assert.Contains($"handler={handler}", after.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(QueryDependentTargets(after, $"{email} after {handler} on {url}"));
    }

    [Fact]
    public async Task Apply_CheckAvailabilityThenSubmit_FilesTheRequest()
    {
        var client = app.CreateAnonymousClient();
        var form = await PublicApplication.FilledAsync(client);
        var check = await form.SubmitAsync(client, "/apply?handler=Check");
        var checkedPage = await HtmlForm.ParseAsync(check);
        Assert.Contains("handler=Check", checkedPage.Url, StringComparison.Ordinal);
        var again = HtmlForm.From(checkedPage, "#apply-form", checkedPage.Url).Set("Input.PrivacyAcknowledged", "true");
        var submit = SubmitButtons(checkedPage).Single(b => b.Button.TextContent.Trim() == "ยื่นคำขอยืม");

        var response = await again.SubmitAsync(client, Target(submit.Button, submit.Form, new Uri(checkedPage.Url)).ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/apply/done", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LoansNew_CheckAvailabilityThenSubmit_FilesTheRequest()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, LoanSetup.Projector);
        var form = (await HtmlForm.LoadAsync(client, "/loans/new")).Set($"Input.Quantities[{projector}]", "1")
            .Set("Input.Purpose", "ประชุมประจำเดือน").Set("Input.Place", "ห้องประชุมเทศบาล");
        var checkedPage = await HtmlForm.ParseAsync(await form.SubmitAsync(client, "/loans/new?handler=Check"));
        var again = HtmlForm.From(checkedPage, "main form", checkedPage.Url);
        var submit = SubmitButtons(checkedPage).Single(b => b.Button.TextContent.Trim() == "ยื่นคำขอยืม");

        var response = await again.SubmitAsync(client, Target(submit.Button, submit.Form, new Uri(checkedPage.Url)).ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/loans/\d+$", response.Headers.Location!.OriginalString);
    }

    /// <summary>Submit buttons whose effective target changes when the page's own query string is dropped.</summary>
    private static IEnumerable<string> QueryDependentTargets(IDocument document, string where)
    {
        var withQuery = new Uri(document.Url);
        var withoutQuery = new Uri(withQuery.GetLeftPart(UriPartial.Path));
        foreach (var (form, button) in SubmitButtons(document))
        {
            var method = (button.GetAttribute("formmethod") ?? form.GetAttribute("method") ?? "get").ToUpperInvariant();
            var a = Target(button, form, withQuery);
            var b = Target(button, form, withoutQuery);
            // A GET form replaces the query with its fields: only the path is its own.
            var differs = method == "GET" ? a.AbsolutePath != b.AbsolutePath : a != b;
            if (differs)
            {
                yield return $"{where}: '{button.TextContent.Trim()}' in form#{form.Id} posts to {a.PathAndQuery}";
            }
        }
    }

    /// <summary>The HTML rule: the button's formaction, else the form's action, else the document's own URL.</summary>
    private static Uri Target(IElement button, IElement form, Uri documentUrl)
    {
        var raw = button.GetAttribute("formaction") ?? form.GetAttribute("action");
        return string.IsNullOrEmpty(raw) ? documentUrl : new Uri(documentUrl, raw);
    }

    private static IEnumerable<(IHtmlFormElement Form, IElement Button)> SubmitButtons(IDocument document) =>
        document.QuerySelectorAll("form").OfType<IHtmlFormElement>().SelectMany(form => form.Elements
            .Where(e => e is IHtmlButtonElement { Type: "submit" } || e is IHtmlInputElement { Type: "submit" or "image" })
            .Select(e => (form, (IElement)e)));

    private static string EnsureId(IElement form)
    {
        if (string.IsNullOrEmpty(form.Id))
        {
            form.Id = "form-under-test";
        }

        return form.Id;
    }

    private static string WithQuery(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private readonly Dictionary<string, HttpClient> _clients = [];

    private async Task<HttpClient> ClientAsync(string? email)
    {
        if (email is null)
        {
            return app.CreateAnonymousClient();
        }

        if (!_clients.TryGetValue(email, out var client))
        {
            client = await app.CreateClientAsAsync(email);
            _clients[email] = client;
        }

        return client;
    }

    private int? _approved;
    private int? _out;

    private async Task<string> ResolveAsync(string pattern)
    {
        if (pattern.Contains("{approved}", StringComparison.Ordinal))
        {
            _approved ??= await app.ApprovedAsync(Demo.Employee, 2, (LoanSetup.Projector, 1));
            return pattern.Replace("{approved}", $"{_approved}", StringComparison.Ordinal);
        }

        if (pattern.Contains("{out}", StringComparison.Ordinal))
        {
            _out ??= await app.HandedOverAsync(Demo.Employee, 2, (LoanSetup.Notebook, 1));
            return pattern.Replace("{out}", $"{_out}", StringComparison.Ordinal);
        }

        return pattern;
    }

    /// <summary>Every page that has a form, with someone who may open it.</summary>
    private async Task<List<(string? Email, string Url)>> PagesAsync()
    {
        var approved = await ResolveAsync("{approved}");
        var handedOver = await ResolveAsync("{out}");
        var ids = await app.WithDbAsync(async db => new
        {
            Checked = await db.Loans.Where(l => l.Status == LoanStatus.Checked).Select(l => l.Id).FirstAsync(),
            OwnLoan = await db.Loans.Where(l => l.Status == LoanStatus.Submitted && l.BorrowerUserId != null).Select(l => l.Id).FirstAsync(),
            Asset = await db.Assets.Where(a => a.RetiredAtUtc == null).Select(a => a.Id).FirstAsync(),
            Item = await db.CatalogueItems.Select(c => c.Id).FirstAsync(),
            Pool = await db.CatalogueItems.Where(c => c.TrackingMode == AssetLoan.Domain.Assets.TrackingMode.Pooled).Select(c => c.Id).FirstAsync(),
            Division = await db.Divisions.Select(d => d.Id).FirstAsync(),
            Category = await db.Categories.Select(c => c.Id).FirstAsync(),
            Borrower = await db.Borrowers.Select(b => b.Id).FirstAsync(),
            User = await db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).FirstAsync(),
        });
        var ownerOfLoan = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == ids.OwnLoan)
            .Join(db.Users, l => l.BorrowerUserId, u => u.Id, (l, u) => u.Email).FirstAsync());
        var endorse = await app.WithDbAsync(db => db.Loans.Where(l => l.Status == LoanStatus.Submitted && l.BorrowerUserId != null)
            .Select(l => l.Id).FirstAsync());
        return
        [
            (null, "/apply"), (null, "/track"), (null, "/account/login?ReturnUrl=%2Floans"), (null, "/transparency"),
            (Demo.Employee, "/loans/new"), (Demo.Employee, "/notifications"), (ownerOfLoan, $"/loans/{ids.OwnLoan}"),
            (Demo.Employee, $"/loans/{approved}"),
            (Demo.Head, $"/endorsements/{endorse}"),
            (Demo.Officer, "/supplies/walkin"), (Demo.Officer, $"/supplies/handover/{approved}"), (Demo.Officer, $"/supplies/return/{handedOver}"),
            (Demo.Officer, $"/supplies/check/{ids.Checked}"), (Demo.Officer, $"/supplies/paper/{ids.Checked}"),
            (Demo.Officer, $"/supplies/demand/{handedOver}"), (Demo.Officer, $"/supplies/demandletter/{handedOver}"),
            (Demo.Officer, $"/supplies/compensation/{handedOver}"), (Demo.Officer, "/supplies/scan"), (Demo.Officer, "/supplies/overdue"),
            (Demo.Officer, $"/supplies/borrower/{ids.Borrower}"),
            (Demo.Officer, "/assets"), (Demo.Officer, "/assets/create"), (Demo.Officer, "/assets/import"),
            (Demo.Officer, $"/assets/{ids.Asset}/edit"), (Demo.Officer, $"/assets/{ids.Asset}/retire"),
            (Demo.Officer, "/catalogue"), (Demo.Officer, "/catalogue/create"), (Demo.Officer, $"/catalogue/{ids.Item}/edit"),
            (Demo.Officer, $"/catalogue/{ids.Pool}/repairs"), (Demo.Officer, "/labels"), (Demo.Officer, "/labels/calibrate"),
            (Demo.Director, $"/approvals/review/{ids.Checked}"), (Demo.Director, "/approvals/compensation"),
            (Demo.Auditor, "/audit"),
            (Demo.Admin, "/admin"), (Demo.Admin, "/admin/settings"), (Demo.Admin, "/admin/regulation"), (Demo.Admin, "/admin/users/create"),
            (Demo.Admin, $"/admin/users/{ids.User}"), (Demo.Admin, "/admin/divisions"), (Demo.Admin, $"/admin/divisions/{ids.Division}/edit"),
            (Demo.Admin, "/admin/categories"), (Demo.Admin, $"/admin/categories/{ids.Category}/edit"),
        ];
    }
}
