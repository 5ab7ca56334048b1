using System.Net;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>/loans/all (issue 10, point 4): every loan found by number, borrower, phone or asset; filters; who may read it.</summary>
public sealed class LoanListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_ApprovedLoanByNumber_FoundInBothSpellings(bool padded)
    {
        var id = await app.ApprovedFromAsync(Demo.Employee, 1, 2, (LoanSetup.Chairs, 5));
        var (number, year) = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => new ValueTuple<int, int>(l.Number, l.FiscalYear)).SingleAsync());
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var q = padded ? $"{number:0000}/{year}" : $"{number}/{year}";

        var doc = await HtmlForm.GetDocumentAsync(client, $"/loans/all?q={Uri.EscapeDataString(q)}");

        var links = doc.QuerySelectorAll("#loan-list tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/loans/{id}"], links);
    }

    [Fact]
    public async Task Search_ByAssetNumberPhoneAndName_FindsTheLoan()
    {
        var id = await app.ApprovedFromAsync(Demo.Employee, 2, 2, (LoanSetup.Projector, 1));
        var asset = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == id)).Select(u => u.AssetNumber).FirstAsync());
        var client = await app.CreateClientAsAsync(Demo.Officer);

        foreach (var q in new[] { asset, "มาลี" })
        {
            var doc = await HtmlForm.GetDocumentAsync(client, $"/loans/all?q={Uri.EscapeDataString(q)}");
            Assert.Contains($"/loans/{id}", doc.QuerySelectorAll("#loan-list tbody a").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task Filters_StatusKindAndItem_NarrowTheList()
    {
        var approved = await app.ApprovedFromAsync(Demo.Employee, 4, 1, (LoanSetup.Notebook, 1));
        var client = await app.CreateClientAsAsync(Demo.Director);
        var item = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == LoanSetup.Notebook).Select(c => c.Id).SingleAsync());

        var byStatus = await HtmlForm.GetDocumentAsync(client, "/loans/all?status=Approved");
        var statuses = byStatus.QuerySelectorAll("#loan-list [data-status]").Select(e => e.GetAttribute("data-status")).Distinct().ToList();
        Assert.Equal(["Approved"], statuses);
        var byItem = await HtmlForm.GetDocumentAsync(client, $"/loans/all?item={item}&kind=Staff");
        Assert.Contains($"/loans/{approved}", byItem.QuerySelectorAll("#loan-list tbody a").Select(a => a.GetAttribute("href")));
        Assert.All(byItem.QuerySelectorAll("#loan-list tbody tr"), r => Assert.Contains(LoanSetup.Notebook, r.TextContent, StringComparison.Ordinal));
        var none = await HtmlForm.GetDocumentAsync(client, "/loans/all?status=Closed&q=9999/2570");
        Assert.Empty(none.QuerySelectorAll("#loan-list tbody tr"));
        var badDate = await HtmlForm.GetDocumentAsync(client, "/loans/all?from=31/02/2570");
        Assert.NotNull(badDate.QuerySelector("#from.is-invalid"));
    }

    public static TheoryData<string?, string> Access() => new()
    {
        { null, "login" },
        { Demo.Officer, "ok" },
        { Demo.Director, "ok" },
        { Demo.Mayor, "ok" },
        { Demo.Auditor, "ok" },
        { Demo.Employee, "denied" },
        { Demo.Head, "denied" },
        { Demo.Admin, "denied" },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Access_ByRole(string? email, string expected)
    {
        var client = email is null ? app.CreateAnonymousClient() : await app.CreateClientAsAsync(email);

        var response = await client.GetAsync(new Uri("/loans/all", UriKind.Relative));

        switch (expected)
        {
            case "ok":
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var doc = await HtmlForm.ParseAsync(response);
                Assert.Empty(doc.QuerySelectorAll("main form[method='post']"));
                break;
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
                break;
        }
    }
}
