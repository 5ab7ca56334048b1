using System.Net;
using AngleSharp.Html.Parser;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>Who reads the books: กองคลัง, the approvers and the auditor; never a plain employee, a division head, the admin or an anonymous visitor.</summary>
public sealed class BooksAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Pages =
    [
        "/reports/register?fy=2570", "/reports/register.csv?fy=2570", "/reports/register.xlsx?fy=2570",
        "/reports/year-end?fy=2569", "/reports/year-end.xlsx?fy=2569", "/reports/dashboard",
    ];

    private static readonly string[] Readers = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Auditor];

    public static TheoryData<string> Accounts() => [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Auditor, Demo.Employee, Demo.Head, Demo.Admin];

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EveryBooksPage_OpensForItsReadersOnly(string email)
    {
        var client = await app.CreateClientAsAsync(email);
        var reader = Readers.Contains(email) || (email == Demo.Deputy && await IsExecutiveAsync(email));
        foreach (var url in Pages)
        {
            var response = await client.GetAsync(url);
            if (reader)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} should open {url} but got {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("accessdenied", StringComparison.OrdinalIgnoreCase),
                    $"{email} should be denied {url} but got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task EveryBooksPage_Anonymous_IsSentToSignIn()
    {
        var client = app.CreateAnonymousClient();
        foreach (var url in Pages)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }

    private Task<bool> IsExecutiveAsync(string email) => app.WithDbAsync(async db =>
        (await LoanSetup.ActorAsync(db, email)).Has(AssetLoan.Domain.People.Role.Executive));
}

/// <summary>The auditor reads loans and borrowers; the approvers and the auditor read the overdue list, slips and letters; none of them may act there.</summary>
public sealed class ReadOnlyReadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Demo.Auditor, true)]
    [InlineData(Demo.Director, true)]
    [InlineData(Demo.Mayor, true)]
    [InlineData(Demo.Employee, false)]
    [InlineData(Demo.Admin, false)]
    public async Task OverdueListSlipAndDemandLetter_OpenForTheReaders(string email, bool allowed)
    {
        var loan = await HandedOverLoanAsync();
        var client = await app.CreateClientAsAsync(email);
        foreach (var url in new[] { "/supplies/overdue", $"/supplies/slip/{loan}", $"/supplies/demandletter/{loan}" })
        {
            var response = await client.GetAsync(url);
            if (allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} should read {url} but got {(int)response.StatusCode}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Readers_StillCannotOpenTheOfficersWorkPages()
    {
        var loan = await HandedOverLoanAsync();
        foreach (var email in new[] { Demo.Auditor, Demo.Director })
        {
            var client = await app.CreateClientAsAsync(email);
            foreach (var url in new[] { "/supplies", $"/supplies/return/{loan}", $"/supplies/demand/{loan}" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("accessdenied", StringComparison.OrdinalIgnoreCase),
                    $"{email} should be denied {url} but got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Auditor_ReadsALoanAndItsBorrower_WithoutActionButtons()
    {
        var loan = await HandedOverLoanAsync();
        var borrower = await app.WithDbAsync(db => Task.FromResult(db.Loans.Where(l => l.Id == loan).Select(l => l.BorrowerId).Single()));
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var page = await client.GetAsync($"/loans/{loan}");
        var borrowerPage = await client.GetAsync($"/supplies/borrower/{borrower}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, borrowerPage.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        Assert.Empty(doc.QuerySelectorAll("main form[method=post]"));
        Assert.DoesNotContain(doc.QuerySelectorAll("main a[href^='/supplies/'], main a[href^='/approvals/']"), a =>
            !a.GetAttribute("href")!.StartsWith("/supplies/slip", StringComparison.Ordinal)
            && !a.GetAttribute("href")!.StartsWith("/supplies/borrower", StringComparison.Ordinal)
            && !a.GetAttribute("href")!.StartsWith("/supplies/demandletter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auditor_CannotPostToALoan()
    {
        var loan = await HandedOverLoanAsync();
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);

        var response = await auditor.PostAsync($"/loans/{loan}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["Cancel.Reason"] = "x" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private Task<int> HandedOverLoanAsync() => app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 5));
}
