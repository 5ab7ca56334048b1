using System.Collections.Concurrent;
using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web;

/// <summary>One handed-over loan and a signed-in client per demo person, shared by the page × role theory.</summary>
public sealed class LoanDeskFixture : AppFactory
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();
    private readonly Lazy<Task<int>> _loan;

    public LoanDeskFixture()
    {
        _loan = new(() => this.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1), (LoanSetup.Chairs, 5)));
    }

    public Task<int> LoanIdAsync() => _loan.Value;

    public Task<HttpClient> ClientAsync(string? email) =>
        email is null ? Task.FromResult(CreateAnonymousClient()) : _clients.GetOrAdd(email, e => CreateClientAsAsync(e));
}

public sealed class LoanDeskAccessTests(LoanDeskFixture app) : IClassFixture<LoanDeskFixture>
{
    private static readonly string[] SuppliesPages =
    [
        "/supplies/handover/{id}", "/supplies/return/{id}", "/supplies/slip/{id}", "/supplies/overdue", "/supplies/demand/{id}",
        "/supplies/demandletter/{id}", "/supplies/compensation/{id}", "/supplies/compensations",
    ];

    private static readonly string[] DirectorPages = ["/approvals/compensation", "/approvals/compensation/{id}"];

    private static readonly string[] AuditPages = ["/audit", "/audit/verify"];

    private static readonly string?[] People = [null, Demo.Officer, Demo.Employee, Demo.Head, Demo.Director, Demo.Mayor, Demo.Auditor, Demo.Admin];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var person in People)
        {
            var who = person ?? "anonymous";
            foreach (var page in SuppliesPages)
            {
                // The overdue list, the slip and the demand letter are read (GET only) by the approvers and the auditor.
                var reader = page is "/supplies/slip/{id}" or "/supplies/overdue" or "/supplies/demandletter/{id}"
                    && person is Demo.Director or Demo.Mayor or Demo.Auditor;
                data.Add(page, who, person is null ? "login" : person == Demo.Officer || reader ? "ok" : "denied");
            }

            foreach (var page in DirectorPages)
            {
                data.Add(page, who, person is null ? "login" : person == Demo.Director ? "ok" : "denied");
            }

            foreach (var page in AuditPages)
            {
                data.Add(page, who, person is null ? "login" : person is Demo.Auditor or Demo.Admin ? "ok" : "denied");
            }

            data.Add("/notifications", who, person is null ? "login" : "ok");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_ForRole_IsShownOnlyToWhoMayUseIt(string page, string who, string expected)
    {
        var id = await app.LoanIdAsync();
        var client = await app.ClientAsync(who == "anonymous" ? null : who);

        var response = await client.GetAsync(page.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        switch (expected)
        {
            case "ok":
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("lang=\"th\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                break;
            case "denied":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
                break;
        }
    }
}
