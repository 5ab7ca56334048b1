using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>Every loan page × every role: who may open it (200) and who is turned away (access denied).</summary>
public sealed class LoanPageAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Staff = [Demo.Employee, Demo.Head, Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy];
    private static readonly string[] Everyone = [.. Staff, Demo.Auditor, Demo.Admin];

    /// <summary>Page → the demo accounts that may open it. "{item}" is a catalogue item id, "{loan}" a demo loan checked and awaiting approval.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["/loans"] = Staff,
        ["/loans/new"] = Staff,
        ["/endorsements"] = [Demo.Head, Demo.Director], // the finance director heads กองคลัง
        ["/supplies"] = [Demo.Officer],
        ["/supplies/walkin"] = [Demo.Officer],
        ["/supplies/check/{loan}"] = [Demo.Officer],
        ["/supplies/paper/{loan}"] = [Demo.Officer],
        ["/approvals"] = [Demo.Director, Demo.Mayor, Demo.Deputy],
        ["/approvals/review/{loan}"] = [Demo.Director, Demo.Mayor, Demo.Deputy],
        ["/admin/settings"] = [Demo.Admin],
        ["/catalogue/{item}/calendar"] = Everyone,
    };

    public static TheoryData<string> Accounts() => [.. Everyone];

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EveryLoanPage_OpensForItsRolesOnly(string email)
    {
        var client = await app.CreateClientAsAsync(email);
        var item = await LoanSetup.ItemIdAsync(app, "เก้าอี้พลาสติก");
        var loan = await app.WithDbAsync(db => Task.FromResult(db.Loans.Where(l => l.Status == AssetLoan.Domain.Loans.LoanStatus.Checked).Select(l => l.Id).First()));
        foreach (var (pattern, allowed) in Allowed)
        {
            var url = pattern.Replace("{item}", $"{item}", StringComparison.Ordinal).Replace("{loan}", $"{loan}", StringComparison.Ordinal);
            var response = await client.GetAsync(url);
            if (allowed.Contains(email))
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
    public async Task EveryLoanPage_Anonymous_IsSentToSignIn()
    {
        var client = app.CreateAnonymousClient();
        foreach (var url in Allowed.Keys.Select(k => k.Replace("{item}", "1", StringComparison.Ordinal).Replace("{loan}", "1", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }
}
