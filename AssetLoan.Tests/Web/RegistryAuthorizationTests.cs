using System.Collections.Concurrent;
using System.Net;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>One signed-in client per role, shared by the whole matrix (signing in hashes a password each time).</summary>
public sealed class RoleClientsFactory : AppFactory
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();

    public Task<HttpClient> ClientAsync(string who) => who == Anonymous
        ? Task.FromResult(CreateAnonymousClient())
        : _clients.GetOrAdd(who, email => new Lazy<Task<HttpClient>>(() => CreateClientAsAsync(email))).Value;

    public const string Anonymous = "anonymous";
}

public sealed class RegistryAuthorizationTests(RoleClientsFactory app) : IClassFixture<RoleClientsFactory>
{
    public enum Access
    {
        Allowed,
        Denied,
    }

    private const string Anon = RoleClientsFactory.Anonymous;

    // Read by every signed-in staff member.
    private static readonly string[] StaffPages = ["/assets", "/assets?q=490&status=all&sort=name&dir=desc", "/assets/{asset}", "/catalogue", "/catalogue/{item}"];

    // SuppliesOfficer and Admin.
    private static readonly string[] RegistryPages =
    [
        "/assets/create", "/assets/{asset}/edit", "/assets/{asset}/retire", "/assets/import", "/assets/import?handler=template&format=csv",
        "/assets/export?format=csv", "/assets/export?format=xlsx", "/catalogue/create", "/catalogue/{item}/edit",
        "/catalogue/{pool}/repairs",
    ];

    // Admin only.
    private static readonly string[] AdminPages =
    [
        "/admin", "/admin/users/create", "/admin/users/{user}", "/admin/divisions", "/admin/divisions/{division}/edit",
        "/admin/categories", "/admin/categories/{category}/edit",
    ];

    public static TheoryData<string, string, Access> Matrix()
    {
        var data = new TheoryData<string, string, Access>();
        foreach (var page in StaffPages)
        {
            data.Add(page, Demo.Employee, Access.Allowed);
            data.Add(page, Demo.Officer, Access.Allowed);
            data.Add(page, Demo.Admin, Access.Allowed);
            data.Add(page, Demo.Auditor, Access.Allowed);
        }

        foreach (var page in RegistryPages)
        {
            data.Add(page, Demo.Employee, Access.Denied);
            data.Add(page, Demo.Auditor, Access.Denied);
            data.Add(page, Demo.Officer, Access.Allowed);
            data.Add(page, Demo.Admin, Access.Allowed);
        }

        foreach (var page in AdminPages)
        {
            data.Add(page, Demo.Employee, Access.Denied);
            data.Add(page, Demo.Officer, Access.Denied);
            data.Add(page, Demo.Admin, Access.Allowed);
        }

        return data;
    }

    public static TheoryData<string> AllPages()
    {
        var data = new TheoryData<string>();
        foreach (var page in StaffPages.Concat(RegistryPages).Concat(AdminPages))
        {
            data.Add(page);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Get_PageAsRole_AllowedOrDenied(string page, string who, Access expected)
    {
        var client = await app.ClientAsync(who);

        var response = await client.GetAsync(await ResolveAsync(page));

        if (expected == Access.Allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Get_PageAnonymously_RedirectsToSignIn(string page)
    {
        var client = await app.ClientAsync(Anon);

        var response = await client.GetAsync(await ResolveAsync(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/assets/create", Demo.Employee)]
    [InlineData("/assets/{asset}/edit", Demo.Employee)]
    [InlineData("/assets/{asset}/retire", Demo.Employee)]
    [InlineData("/assets/import?handler=Confirm", Demo.Employee)]
    [InlineData("/catalogue/create", Demo.Employee)]
    [InlineData("/catalogue/{pool}/repairs?handler=Repair", Demo.Employee)]
    [InlineData("/catalogue/{pool}/repairs?handler=WriteOff", Demo.Auditor)]
    [InlineData("/admin/users/create", Demo.Officer)]
    [InlineData("/admin/users/{user}?handler=Disable", Demo.Officer)]
    [InlineData("/admin/divisions", Demo.Officer)]
    public async Task Post_WithoutTheRole_IsDeniedBeforeAnythingIsRead(string page, string who)
    {
        var client = await app.ClientAsync(who);

        var response = await client.PostAsync(await ResolveAsync(page), new FormUrlEncodedContent([new("Reason", "x")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/accessdenied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CataloguePhoto_IsPublic_AndAMissingPhotoIs404NotASignInRedirect()
    {
        var client = await app.ClientAsync(Anon);

        var response = await client.GetAsync(await ResolveAsync("/catalogue/{item}/photo"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Navigation_ShowsAdministrationOnlyToTheAdmin()
    {
        var officer = await HtmlForm.GetDocumentAsync(await app.ClientAsync(Demo.Officer), "/assets");
        var admin = await HtmlForm.GetDocumentAsync(await app.ClientAsync(Demo.Admin), "/assets");

        Assert.Null(officer.QuerySelector("nav a[href='/admin']"));
        Assert.NotNull(admin.QuerySelector("nav a[href='/admin']"));
    }

    private async Task<string> ResolveAsync(string page)
    {
        if (!page.Contains('{', StringComparison.Ordinal))
        {
            return page;
        }

        var ids = await app.WithDbAsync(async db => new Dictionary<string, string>
        {
            ["{asset}"] = (await db.Assets.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{item}"] = (await db.CatalogueItems.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{pool}"] = (await db.CatalogueItems.Where(c => c.TrackingMode == AssetLoan.Domain.Assets.TrackingMode.Pooled).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync())
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{division}"] = (await db.Divisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{category}"] = (await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{user}"] = await db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).FirstAsync(),
        });
        return ids.Aggregate(page, (url, id) => url.Replace(id.Key, id.Value, StringComparison.Ordinal));
    }
}
