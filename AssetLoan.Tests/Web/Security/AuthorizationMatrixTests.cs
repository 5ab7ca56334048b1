using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Security;

/// <summary>
/// The authorization matrix (issue 14, "done when"): every endpoint of the app — each Razor page with each of its
/// handlers, and every mapped endpoint — against anonymous and each demo role, generated from the app's own endpoint
/// list and its authorization policies exactly as the authorization middleware combines them (conventions, page
/// attributes, the fallback policy, <see cref="ReadableByAttribute"/> for reading, <see cref="HandlerRolesAttribute"/> for
/// one handler of a page).
/// <list type="bullet">
/// <item>The generated matrix must equal <c>docs/security/authorization-matrix.md</c>, so a new page or a changed
/// policy shows up in review as a diff of who may do what. After a deliberate change, regenerate it with
/// <c>ASSETLOAN_WRITE_MATRIX=1 dotnet test --filter AuthorizationMatrixTests</c>.</item>
/// <item>Every refused cell is then requested for real over HTTP, GETs and POSTs: anonymous is sent to sign in, a
/// signed-in role gets 403 — before antiforgery or the handler run (a 400 would mean the handler was reached).</item>
/// <item>Every page a role actually opens in the site walk (<see cref="SitePages"/>) is one the matrix allows.</item>
/// </list>
/// Object-level rules (whose loan, which status) are inside the pages and tested with them; this is the role level.
/// </summary>
public sealed class AuthorizationMatrixTests(RoleClientsFactory app) : IClassFixture<RoleClientsFactory>
{
    private const string Allowed = "✓";
    private const string SignIn = "sign-in";
    private const string Forbidden = "403";

    private static readonly Regex Parameter = new(@"\{(?<name>\w+)(?<constraint>:[^}?]+)?(?<optional>\?)?\}", RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task GeneratedFromTheEndpoints_EqualsTheCommittedMatrix()
    {
        var matrix = await MatrixAsync();
        var markdown = Render(matrix);
        var path = Path.Combine(RepositoryRoot(), "docs", "security", "authorization-matrix.md");
        if (Environment.GetEnvironmentVariable("ASSETLOAN_WRITE_MATRIX") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"{path} is missing; generate it with ASSETLOAN_WRITE_MATRIX=1.");
        var committed = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n").Split('\n');
        var generated = markdown.Split('\n');
        var changed = generated.Except(committed, StringComparer.Ordinal).Select(l => "+ " + l)
            .Concat(committed.Except(generated, StringComparer.Ordinal).Select(l => "- " + l)).ToList();
        Assert.True(changed.Count == 0,
            $"The authorization matrix changed; review and regenerate it with ASSETLOAN_WRITE_MATRIX=1:\n{string.Join('\n', changed.Take(40))}");

        // Sanity of the generated table itself: it covers pages and handlers, and no staff page is open to anonymous.
        Assert.True(matrix.Count > 150, $"only {matrix.Count} endpoint × handler rows");
        Assert.Contains(matrix, r => r.Route == "/supplies/check/{id:int}" && r.Verb == "POST" && r.Handler == "Reserve");
        var openToAll = matrix.Where(r => r.Cells[SitePages.Anonymous] == Allowed).Select(r => r.Route).Distinct().ToList();
        Assert.All(openToAll, route => Assert.Matches(@"^/($|apply|track|transparency|public|a/|qr/|catalogue/\{id:int\}/photo|account/(login|login-2fa|login-recovery|accessdenied|lockout|logout)$|error|status|culture|textsize|healthz|line/webhook|bench/fortunes|\{\*path:nonfile\})", route));
    }

    [Fact]
    public async Task EveryRefusedCell_IsRefusedOverHttp_BeforeItsHandlerRuns()
    {
        var matrix = await MatrixAsync();
        var wrong = new List<string>();
        var tried = 0;
        foreach (var user in SitePages.Users)
        {
            var client = await app.ClientAsync(user);
            foreach (var row in matrix.Where(r => r.Cells[user] != Allowed))
            {
                var url = Url(row);
                using var response = row.Verb == "GET"
                    ? await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)
                    : await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
                tried++;
                var location = response.Headers.Location?.OriginalString ?? "";
                var ok = row.Cells[user] == SignIn
                    ? response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.OrdinalIgnoreCase)
                    : response.StatusCode == HttpStatusCode.Forbidden
                      || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/accessdenied", StringComparison.OrdinalIgnoreCase));
                if (!ok)
                {
                    wrong.Add($"{user} {row.Verb} {url}: expected {row.Cells[user]}, got {(int)response.StatusCode} {location}");
                }
            }
        }

        Assert.True(tried > 500, $"only {tried} refused cells tried");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(40)));
    }

    [Fact]
    public async Task EveryPageARoleOpensInTheSiteWalk_IsOneTheMatrixAllows()
    {
        var matrix = await MatrixAsync();
        var pages = await SitePages.ForAsync(app);
        var gets = matrix.Where(r => r.Verb == "GET" && r.Handler.Length == 0 && r.IsPage).ToList();
        var wrong = new List<string>();
        foreach (var user in SitePages.Users)
        {
            foreach (var url in pages.For(user))
            {
                var path = url.Split('?')[0].TrimEnd('/');
                var row = gets.Where(r => RouteRegex(r.Route).IsMatch(path.Length == 0 ? "/" : path)).OrderByDescending(r => r.Route.Count(c => c != '{')).FirstOrDefault();
                if (row is null || row.Cells[user] != Allowed)
                {
                    wrong.Add($"{user} opened {url}, which the matrix {(row is null ? "does not list" : $"marks {row.Cells[user]}")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(40)));
    }

    private async Task<IReadOnlyList<Row>> MatrixAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var principals = new Dictionary<string, ClaimsPrincipal> { [SitePages.Anonymous] = new(new ClaimsIdentity()) };
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        foreach (var email in SitePages.Users.Where(u => u != SitePages.Anonymous))
        {
            var user = await signIn.UserManager.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no demo user {email}");
            principals[email] = await signIn.CreateUserPrincipalAsync(user);
        }

        var rows = new List<Row>();
        foreach (var (route, verb, handler, endpoint, isPage) in await EndpointsAsync(services))
        {
            var cells = new Dictionary<string, string>();
            foreach (var (who, principal) in principals)
            {
                cells[who] = await OutcomeAsync(services, endpoint, verb, handler, principal);
            }

            rows.Add(new Row(route, verb, handler, isPage, cells));
        }

        return rows.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Verb, StringComparer.Ordinal).ThenBy(r => r.Handler, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every route with each request it answers: a page's GET (always) and each of its named and POST handlers; a mapped endpoint's methods.</summary>
    private static async Task<IReadOnlyList<(string Route, string Verb, string Handler, Endpoint Endpoint, bool IsPage)>> EndpointsAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var list = new List<(string, string, string, Endpoint, bool)>();
        var seenPages = new HashSet<string>(StringComparer.Ordinal);
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .OrderBy(e => (e.RoutePattern.RawText ?? "").Length);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A folder's index answers at "/x" and "/x/index": one row, the shorter.
                if (!seenPages.Add(page.ViewEnginePath))
                {
                    continue;
                }

                var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(page, endpoint.Metadata);
                var requests = compiled.HandlerMethods
                    .Select(h => (Verb: h.HttpMethod.ToUpperInvariant(), Handler: h.Name ?? ""))
                    .Append((Verb: "GET", Handler: ""))
                    .Where(h => h.Verb is "GET" or "POST")
                    .Distinct();
                list.AddRange(requests.Select(h => (route, h.Verb, h.Handler, (Endpoint)endpoint, true)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            list.AddRange(methods.Where(m => m is "GET" or "POST").Select(m => (route, m, "", (Endpoint)endpoint, false)));
        }

        return list;
    }

    /// <summary>What the authorization middleware decides for <paramref name="user"/> sending <paramref name="verb"/> to <paramref name="endpoint"/>.</summary>
    private static async Task<string> OutcomeAsync(IServiceProvider services, Endpoint endpoint, string verb, string handler, ClaimsPrincipal user)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Allowed;
        }

        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await provider.GetFallbackPolicyAsync();
        if (policy is null)
        {
            return Allowed;
        }

        var http = new DefaultHttpContext { RequestServices = services, User = user };
        http.Request.Method = verb;
        http.Request.QueryString = handler.Length == 0 ? QueryString.Empty : QueryString.Create("handler", handler);
        http.SetEndpoint(endpoint);
        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, policy);
        return result.Succeeded ? Allowed : user.Identity?.IsAuthenticated == true ? Forbidden : SignIn;
    }

    private static string Url(Row row)
    {
        var path = Parameter.Replace(row.Route, m => m.Groups["optional"].Success ? "" : m.Groups["constraint"].Value.StartsWith(":int", StringComparison.Ordinal) ? "1" : "x");
        return row.Handler.Length == 0 ? path : $"{path}?handler={row.Handler}";
    }

    private static Regex RouteRegex(string route) =>
        new("^" + Parameter.Replace(Regex.Escape(route).Replace(@"\{", "{", StringComparison.Ordinal), m => m.Groups["optional"].Success ? "[^/]*" : "[^/]+") + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static string Render(IReadOnlyList<Row> rows)
    {
        var users = SitePages.Users;
        var text = new StringBuilder();
        text.Append("# Authorization matrix\n\n")
            .Append("Generated by `AssetLoan.Tests/Web/Security/AuthorizationMatrixTests.cs` from the app's endpoint list and its\n")
            .Append("authorization policies, as the authorization middleware applies them. Do not edit by hand: after a deliberate\n")
            .Append("change, run `ASSETLOAN_WRITE_MATRIX=1 dotnet test --filter AuthorizationMatrixTests` and review the diff.\n\n")
            .Append("`✓` allowed · `sign-in` sent to sign in · `403` refused. Every refused cell is also requested over HTTP by the test.\n")
            .Append("Roles decide only who may reach a page; which loan, which status and which button are decided inside the page\n")
            .Append("by the transition table and object-level checks (their own tests).\n\n");
        text.Append("| Route | Request | ").AppendJoin(" | ", users.Select(Header)).Append(" |\n");
        text.Append("|---|---|").Append(string.Concat(users.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            var request = row.Handler.Length == 0 ? row.Verb : $"{row.Verb} {row.Handler}";
            text.Append(CultureInfo.InvariantCulture, $"| `{row.Route}` | {request} | ").AppendJoin(" | ", users.Select(u => row.Cells[u])).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Header(string user) => user switch
    {
        SitePages.Anonymous => "anonymous",
        Demo.Officer => "supplies officer",
        Demo.Director => "finance director",
        Demo.Mayor => "executive",
        Demo.Deputy => "executive (delegate)",
        Demo.Head => "division head",
        Demo.Employee => "employee",
        Demo.Auditor => "auditor",
        Demo.Admin => "admin",
        _ => user,
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AssetLoan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AssetLoan.sln not found above the test binaries.");
    }

    private sealed record Row(string Route, string Verb, string Handler, bool IsPage, IReadOnlyDictionary<string, string> Cells);
}
