using System.Net;
using System.Runtime.CompilerServices;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Support;

/// <summary>
/// Every page of the app, as each demo user can open it. The list is built from the app's own routes (so a new page is
/// walked without anyone adding it here) with sample ids from the seeded data plus a few loans moved on through the
/// domain (handed over; returned with a damaged unit, which opens a compensation case; an application with a tracking
/// link). A route whose parameters cannot be filled fails <see cref="ForAsync"/> with the route's name.
/// </summary>
public sealed class SitePages
{
    public const string Anonymous = "anonymous";

    /// <summary>Everyone who uses the app: no account, then one demo account per role.</summary>
    public static readonly IReadOnlyList<string> Users =
        [Anonymous, Demo.Officer, Demo.Director, Demo.Mayor, Demo.Deputy, Demo.Head, Demo.Employee, Demo.Auditor, Demo.Admin];

    /// <summary>Routes that are not pages a person reads (files, redirects, POST targets), with why.</summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["culture"] = "the language switch: a POST that redirects back",
        ["textsize"] = "the text-size switch: a POST that redirects back",
        ["account/logout"] = "a POST that signs out",
        ["error"] = "the exception handler",
        ["status"] = "the status-code page, shown for 404/403",
        ["bench/signed-in"] = "bench/run's signed-in ceiling: 404 unless Bench:Ceiling is set",
        ["transparency/stats.csv"] = "a CSV download",
        ["catalogue/{id:int}/photo"] = "an image",
        ["assets/export"] = "a spreadsheet download",
        ["reports/register.{format}"] = "the register as .xlsx or .csv",
        ["reports/year-end.{format}"] = "the year-end list as .xlsx",
    };

    private static readonly ConditionalWeakTable<AppFactory, Task<SitePages>> Cache = new();

    private readonly Dictionary<string, IReadOnlyList<string>> _byUser;

    private SitePages(Dictionary<string, IReadOnlyList<string>> byUser, IReadOnlyList<string> all, IReadOnlyList<string> dataTexts)
    {
        _byUser = byUser;
        All = all;
        DataTexts = dataTexts;
    }

    /// <summary>
    /// Every Thai text stored in the database (names, items, purposes, places, units, notes…) and its fragments, longest
    /// first: data as entered, which stays Thai when the interface is English.
    /// </summary>
    public IReadOnlyList<string> DataTexts { get; }

    /// <summary>Every URL walked (one or more per route).</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>The pages <paramref name="user"/> may open (HTTP 200 with HTML), in route order.</summary>
    public IReadOnlyList<string> For(string user) => _byUser[user];

    /// <summary>The site map of this app (built once per app: it moves a few loans on, so it is not free).</summary>
    public static Task<SitePages> ForAsync(AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        lock (Cache)
        {
            return Cache.GetValue(app, BuildAsync);
        }
    }

    /// <summary>Route templates of every Razor page (lower case, without the "/index" twins).</summary>
    public static IReadOnlyList<string> Templates(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .Select(g => g.Select(e => (e.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant()).OrderBy(t => t.Length).First())
            .Distinct()
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<SitePages> BuildAsync(AppFactory app)
    {
        var samples = await Samples.PrepareAsync(app);
        var urls = new List<string>();
        var missing = new List<string>();
        foreach (var template in Templates(app.Services).Where(t => !NotPages.ContainsKey(t)))
        {
            var filled = samples.Fill(template);
            if (filled.Count == 0)
            {
                missing.Add(template);
            }

            urls.AddRange(filled);
        }

        Assert.True(missing.Count == 0, $"No sample id for these routes; add one in SitePages.Samples.Fill: {string.Join(", ", missing)}");

        var byUser = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var user in Users)
        {
            var client = await ClientAsync(app, user);
            var open = new List<string>();
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    open.Add(url);
                }
            }

            byUser[user] = open;
        }

        return new SitePages(byUser, urls, await DataTextsAsync(app));
    }

    private static async Task<IReadOnlyList<string>> DataTextsAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string value)
                    {
                        AddDataText(texts, value);
                    }
                }
            }
        }

        // The municipality's name and address are settings the admin keeps, shown as entered.
        var settings = await global::AssetLoan.Web.Data.Settings.LoadAsync(db, default);
        foreach (var value in typeof(global::AssetLoan.Web.Data.Settings).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(settings)))
        {
            AddDataText(texts, value ?? "");
        }

        return texts.OrderByDescending(t => t.Length).ToList();
    });

    private static void AddDataText(HashSet<string> texts, string value)
    {
        if (value.StartsWith('{') || value.StartsWith('['))
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(value);
                foreach (var s in Strings(json.RootElement))
                {
                    AddDataText(texts, s);
                }

                return;
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        if (!ThaiText.IsMatch(value))
        {
            return;
        }

        texts.Add(value.Trim());
        foreach (var fragment in Fragments.Split(value).Select(f => f.Trim()).Where(f => ThaiText.IsMatch(f)))
        {
            texts.Add(fragment);
        }
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static readonly System.Text.RegularExpressions.Regex ThaiText = new("[\\u0E00-\\u0E7F]");

    /// <summary>Where stored text (JSON of audit events, Markdown, lists) splits into the pieces a page shows.</summary>
    private static readonly System.Text.RegularExpressions.Regex Fragments = new("[\\r\\n\"{}\\[\\],:|*#>()]+");

    /// <summary>A client of the running app (on Kestrel or the in-memory server), signed in through the login form (none for <see cref="Anonymous"/>).</summary>
    public static async Task<HttpClient> ClientAsync(AppFactory app, string user)
    {
        ArgumentNullException.ThrowIfNull(app);

        // On Kestrel (the browser fixture) the factory's clients follow redirects whatever they are told; this one does not.
        var client = !app.OnKestrel
            ? app.CreateAnonymousClient()
            : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            {
                BaseAddress = app.ClientOptions.BaseAddress,
            };
        if (user != Anonymous)
        {
            var form = await HtmlForm.LoadAsync(client, "/account/login");
            form.Set("Input.Email", user).Set("Input.Password", global::AssetLoan.Web.Data.Seed.DemoData.Password);
            using var response = await form.SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return client;
    }

    /// <summary>Ids of seeded records, and of loans moved on so that the desk pages have something to show.</summary>
    private sealed record Samples(
        int SubmittedStaffLoan,
        int EndorsedStaffLoan,
        int CheckedLoan,
        int ApprovedLoan,
        int SubmittedAgencyLoan,
        int HandedOverLoan,
        int DamagedLoan,
        int OutsideBorrower,
        int Asset,
        string AssetTag,
        int NumberedItem,
        int PooledItem,
        string PoolTag,
        int Category,
        int Division,
        string EmployeeUser,
        string TrackingToken)
    {
        public const string Token = "walk0000000000000000000000000000";

        public static async Task<Samples> PrepareAsync(AppFactory app)
        {
            var handedOver = await app.HandedOverAsync(Demo.Employee, 5, (LoanSetup.Tent, 1), (LoanSetup.Chairs, 10));
            var damaged = await app.HandedOverAsync(Demo.Employee, 2, (LoanSetup.Tent, 1));
            await app.ReturnAllAsync(damaged, firstUnitDamaged: true);
            return await app.WithDbAsync(async db =>
            {
                var loans = await db.Loans.AsNoTracking().ToListAsync();
                var agency = loans.Single(l => l.Status == LoanStatus.Submitted && l.BorrowerKind == global::AssetLoan.Domain.Borrowers.BorrowerKind.Agency);
                await db.Database.ExecuteSqlAsync($"UPDATE Loans SET TrackingToken = {Token} WHERE Id = {agency.Id}");
                var asset = await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Available).OrderBy(a => a.Id).FirstAsync();
                var pooled = await db.CatalogueItems.AsNoTracking().Where(c => c.TrackingMode == TrackingMode.Pooled).OrderBy(c => c.Id).FirstAsync();
                var employee = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Demo.Employee);
                return new Samples(
                    loans.First(l => l.Status == LoanStatus.Submitted && l.BorrowerUserId != null).Id,
                    loans.First(l => l.Status == LoanStatus.Endorsed).Id,
                    loans.First(l => l.Status == LoanStatus.Checked).Id,
                    loans.First(l => l.Status == LoanStatus.Approved).Id,
                    agency.Id,
                    handedOver,
                    damaged,
                    agency.BorrowerId,
                    asset.Id,
                    asset.Tag,
                    asset.CatalogueItemId,
                    pooled.Id,
                    pooled.Tag,
                    await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                    await db.Divisions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                    employee.Id,
                    Token);
            });
        }

        /// <summary>The URLs that show <paramref name="template"/> with meaningful records; empty when it has unknown parameters.</summary>
        public List<string> Fill(string template)
        {
            if (!template.Contains('{', StringComparison.Ordinal))
            {
                return ["/" + template];
            }

            var segments = template.Split('/');
            var ids = (segments[0], segments.Length > 1 ? segments[1] : "") switch
            {
                ("a", _) => [AssetTag, PoolTag],
                ("track", _) => [TrackingToken],
                ("admin", "users") => [EmployeeUser],
                ("admin", "categories") => [Category.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ("admin", "divisions") => [Division.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ("assets", _) => [Id(Asset)],
                ("catalogue", _) when template.EndsWith("/repairs", StringComparison.Ordinal) || template.EndsWith("/lots", StringComparison.Ordinal) => [Id(PooledItem)],
                ("catalogue", _) => [Id(NumberedItem), Id(PooledItem)],
                ("endorsements", _) => [Id(SubmittedStaffLoan)],
                ("approvals", "review") => [Id(CheckedLoan)],
                ("approvals", "compensation") => [Id(DamagedLoan)],
                ("supplies", "borrower") => [Id(OutsideBorrower)],
                ("supplies", "check") => [Id(EndorsedStaffLoan), Id(SubmittedAgencyLoan)],
                ("supplies", "paper") => [Id(CheckedLoan)],
                ("supplies", "handover") => [Id(ApprovedLoan)],
                ("supplies", "compensation") => [Id(DamagedLoan)],
                ("supplies", _) => [Id(HandedOverLoan)],
                ("loans", _) => [Id(SubmittedStaffLoan), Id(ApprovedLoan), Id(HandedOverLoan), Id(DamagedLoan)],
                _ => Array.Empty<string>(),
            };
            var parameters = System.Text.RegularExpressions.Regex.Matches(template, "\\{[^}]+\\}");
            if (parameters.Count != 1)
            {
                return [];
            }

            return ids.Select(id => "/" + template.Replace(parameters[0].Value, Uri.EscapeDataString(id), StringComparison.Ordinal)).ToList();
        }

        private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
