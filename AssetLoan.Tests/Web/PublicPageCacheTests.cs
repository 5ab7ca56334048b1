using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>
/// The anonymous public pages come from the output cache: served again without rendering, evicted by any write that
/// changes what they show, never given to a signed-in user, and kept apart by language.
/// </summary>
public sealed class PublicPageCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Transparency_SecondVisit_IsServedFromTheCacheWithoutACookie()
    {
        var client = app.CreateAnonymousClient();
        var first = await client.GetAsync("/transparency?year=2570");
        var second = await client.GetAsync("/transparency?year=2570");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var cookies = first.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.All(cookies, c => Assert.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=;", c, StringComparison.Ordinal)); // no token, no session: only "delete the flash"
        Assert.True(second.Headers.Age is not null, "the second visit should come from the output cache (Age header)");
    }

    [Fact]
    public async Task Transparency_WriteThroughTheApp_EvictsTheCachedPage()
    {
        var client = app.CreateAnonymousClient();
        var before = await NovemberApplicationsAsync(client);

        // A change that bypasses the app's saves (raw SQL) is not seen: the page really is cached…
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT OR REPLACE INTO Settings (Key, Value) VALUES ('Transparency.Regulation', '## ระเบียบฉบับแก้ไขใหม่')"));
        var cached = await HtmlForm.GetDocumentAsync(client, "/transparency");
        Assert.DoesNotContain("ระเบียบฉบับแก้ไขใหม่", cached.QuerySelector("#regulation")!.TextContent, StringComparison.Ordinal);

        // …and an application submitted through the app evicts it: the new count and the new text both show.
        var applicant = app.CreateAnonymousClient();
        await PublicApplication.SubmitAsync(applicant, await PublicApplication.FilledAsync(applicant));
        var after = await HtmlForm.GetDocumentAsync(client, "/transparency");
        Assert.Equal(before + 1, await NovemberApplicationsAsync(client));
        Assert.Contains("ระเบียบฉบับแก้ไขใหม่", after.QuerySelector("#regulation")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInUser_NeverGetsTheCachedAnonymousCopy_AndNeverFillsIt()
    {
        var anonymous = app.CreateAnonymousClient();
        await anonymous.GetAsync("/transparency");
        await anonymous.GetAsync("/transparency");

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var staffView = await HtmlForm.GetDocumentAsync(officer, "/transparency");
        Assert.NotNull(staffView.QuerySelector("form[action='/account/logout']"));

        var anonymousView = await HtmlForm.GetDocumentAsync(anonymous, "/transparency");
        Assert.Null(anonymousView.QuerySelector("form[action='/account/logout']"));
        Assert.NotNull(anonymousView.QuerySelector("a[href='/account/login']"));
    }

    [Fact]
    public async Task Cache_KeepsThaiAndEnglishApart()
    {
        var thai = app.CreateAnonymousClient();
        var english = app.CreateAnonymousClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("th", (await HtmlForm.GetDocumentAsync(thai, "/transparency")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", (await HtmlForm.GetDocumentAsync(english, "/transparency")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", (await HtmlForm.GetDocumentAsync(thai, "/transparency?culture=en-US")).DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task CultureSwitch_WorksWithoutAToken()
    {
        var client = app.CreateAnonymousClient();
        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/transparency" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("en", (await HtmlForm.GetDocumentAsync(client, "/transparency")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/transparency")]
    public async Task CachedPage_HoldsNoVisitorsToken_AndItsSwitchesWorkForTheNextVisitor(string url)
    {
        // The first visitor already holds a form-token cookie (from /apply), so nothing holds their copy of the page
        // back from the cache; no token of theirs may be in it.
        var first = app.CreateAnonymousClient();
        await first.GetAsync("/apply");
        await first.GetAsync(url);
        await first.GetAsync(url);

        var second = app.CreateAnonymousClient();
        await second.GetAsync("/apply"); // a token cookie of their own
        var response = await second.GetAsync(url);
        Assert.True(response.Headers.Age is not null, "the second visitor should get the cached copy");
        var copy = await HtmlForm.ParseAsync(response);
        Assert.Empty(copy.QuerySelectorAll("input[name='__RequestVerificationToken']"));

        var larger = await HtmlForm.From(copy, "form[action='/textsize']", url).SubmitAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, larger.StatusCode);
        var english = await HtmlForm.From(copy, "form[action='/culture']", url).SubmitAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal(url, english.Headers.Location?.OriginalString);

        var theirs = await HtmlForm.GetDocumentAsync(second, url);
        Assert.Equal("en", theirs.DocumentElement.GetAttribute("lang"));
        Assert.Equal("text-large", theirs.DocumentElement.GetAttribute("class"));

        // A visitor with no cookies at all is still served Thai at the normal size.
        var fresh = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), url);
        Assert.Equal("th", fresh.DocumentElement.GetAttribute("lang"));
        Assert.Null(fresh.DocumentElement.GetAttribute("class"));
    }

    [Fact]
    public async Task Cache_KeepsLargeAndNormalTextApart()
    {
        var large = app.CreateAnonymousClient();
        large.DefaultRequestHeaders.Add("Cookie", "AssetLoan.TextSize=large");
        var normal = app.CreateAnonymousClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("text-large", (await HtmlForm.GetDocumentAsync(large, "/transparency")).DocumentElement.GetAttribute("class"));
            Assert.Null((await HtmlForm.GetDocumentAsync(normal, "/transparency")).DocumentElement.GetAttribute("class"));
        }
    }

    [Theory]
    [InlineData("/?utm_source=line")]
    [InlineData("/transparency?culture=en-US")]
    public async Task OtherQueryKeys_AreRenderedEachTime(string url)
    {
        var client = app.CreateAnonymousClient();
        await client.GetAsync(url);
        var again = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task ApplyAndTrack_AreRenderedForEachVisitor_AndTheSecondVisitorsApplicationGoesThrough()
    {
        var first = app.CreateAnonymousClient();
        foreach (var url in new[] { "/apply", "/apply", "/track", "/track" })
        {
            Assert.Null((await first.GetAsync(url)).Headers.Age);
        }

        var second = app.CreateAnonymousClient();
        Assert.Null((await second.GetAsync("/track")).Headers.Age);
        var (reference, token) = await PublicApplication.SubmitAsync(second, await PublicApplication.FilledAsync(second));
        Assert.False(string.IsNullOrEmpty(reference));
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task TagPage_CachedForVisitors_StillShowsTheOfficerTheDesk()
    {
        var tag = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == "โต๊ะพับอเนกประสงค์").Select(c => c.Tag).SingleAsync());
        var anonymous = app.CreateAnonymousClient();
        await anonymous.GetAsync($"/a/{tag}");
        var cached = await anonymous.GetAsync($"/a/{tag}");
        Assert.True(cached.Headers.Age is not null, "the tag page should come from the cache for a visitor");
        Assert.Null((await HtmlForm.ParseAsync(cached)).QuerySelector("#staff-heading"));

        var officer = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Officer), $"/a/{tag}");
        Assert.NotNull(officer.QuerySelector("#staff-heading"));
        Assert.NotNull(officer.QuerySelector("form[action='/account/logout'] input[name='__RequestVerificationToken']"));

        var again = await anonymous.GetAsync($"/a/{tag}");
        Assert.True(again.Headers.Age is not null);
        Assert.Null((await HtmlForm.ParseAsync(again)).QuerySelector("#staff-heading"));
    }

    private static async Task<int> NovemberApplicationsAsync(HttpClient client)
    {
        var doc = await HtmlForm.GetDocumentAsync(client, "/transparency");
        return int.Parse(doc.QuerySelectorAll("#stats-table tbody tr")[1].QuerySelectorAll("td")[0].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// At province size the register is read a page at a time and the statistics month by month; both agree with the
/// definitions the pure <see cref="TransparencyStatistics.Compute"/> states over every loan.
/// </summary>
public sealed class PublicRegisterScaleTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.WithDbAsync(async db =>
    {
        if (await db.Loans.CountAsync() < 3000)
        {
            await BenchSeed.RunAsync(db, new BenchSeed.Size(Assets: 300, Pools: 20, Borrowers: 100, Loans: 3000), app.Clock.GetUtcNow().UtcDateTime, TextWriter.Null, default);
        }
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Register_ShowsFiftyNewestFirst_AndPagesBackwards()
    {
        var client = app.CreateAnonymousClient();
        var inYear = await app.WithDbAsync(db => db.Loans.CountAsync(l => l.FiscalYear == 2570));
        Assert.True(inYear > 100, $"the seed should give fiscal 2570 more than two pages, got {inYear}");

        var first = await HtmlForm.GetDocumentAsync(client, "/transparency?year=2570");
        Assert.Equal(50, first.QuerySelectorAll("#register-table tbody tr").Length);
        Assert.NotNull(first.QuerySelector("#register a[rel='next'][href='/transparency?year=2570&page=2#register']"));
        Assert.Null(first.QuerySelector("#register a[rel='prev']"));

        var lastPage = (inYear + 49) / 50;
        var last = await HtmlForm.GetDocumentAsync(client, $"/transparency?year=2570&page={lastPage}");
        Assert.Equal(inYear - ((lastPage - 1) * 50), last.QuerySelectorAll("#register-table tbody tr").Length);
        Assert.Null(last.QuerySelector("#register a[rel='next']"));
        Assert.NotNull(last.QuerySelector("#register a[rel='prev']"));
    }

    /// <summary>
    /// Issue 15: with a province's catalogue the page carried every public item with today's free count (1.7 MB for
    /// the bench's 3,017 items). It shows 50 at a time, every item on exactly one page, and each page is cached.
    /// </summary>
    [Fact]
    public async Task Catalogue_ShowsFiftyItemsAPage_EveryItemOnOnePage_AndEachPageIsCached()
    {
        await app.WithDbAsync(async db =>
        {
            if (await db.CatalogueItems.AnyAsync(c => c.Name.StartsWith("เต็นท์ทดสอบหน้า")))
            {
                return;
            }

            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            for (var i = 1; i <= 60; i++)
            {
                var item = new CatalogueItem(
                    new CatalogueItemDetails($"เต็นท์ทดสอบหน้า {i:00}", category, "หลัง", null, LendingNature.Durable,
                        BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m),
                    TrackingMode.Pooled, Tags.NewTag());
                item.SetPool(2, 3_000m, new DateOnly(2022, 10, 1));
                db.CatalogueItems.Add(item);
            }

            await db.SaveChangesAsync();
        });
        var client = app.CreateAnonymousClient();
        var today = AssetLoan.Domain.Calendar.BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        var all = await app.WithDbAsync(async db => (await db.PublicCatalogueAsync(today, today, today, default)).Count);
        Assert.True(all > 60, $"expected more than 60 public items, got {all}");

        var names = new List<string>();
        var pages = (all + 49) / 50;
        for (var p = 1; p <= pages; p++)
        {
            var url = p == 1 ? "/transparency" : $"/transparency?items={p}";
            var doc = await HtmlForm.GetDocumentAsync(client, url);
            var rows = doc.QuerySelectorAll("#catalogue tbody tr");
            Assert.Equal(p < pages ? 50 : all - ((pages - 1) * 50), rows.Length);
            names.AddRange(rows.Select(r => r.QuerySelector("td a")!.TextContent.Trim()));
            Assert.Equal(p < pages, doc.QuerySelector($"#catalogue a[rel='next'][href='/transparency?items={p + 1}#catalogue']") is not null);
            Assert.Equal(p > 1, doc.QuerySelector("#catalogue a[rel='prev']") is not null);
            Assert.Contains(all.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector("#catalogue [data-total=items]")!.TextContent, StringComparison.Ordinal);

            var again = await client.GetAsync(url);
            Assert.True(again.Headers.Age is not null, $"{url} should be served from the output cache the second time");
        }

        Assert.Equal(all, names.Count);
        Assert.Equal(all, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(2570)]
    [InlineData(2569)]
    [InlineData(2568)]
    public async Task MonthlyTallies_AgreeWithTheDefinitionOverEveryLoan(int buddhistYear)
    {
        var year = new AssetLoan.Domain.Calendar.FiscalYear(buddhistYear);
        var today = AssetLoan.Domain.Calendar.BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expected = TransparencyStatistics.Compute(await db.LoanFactsAsync(year, default), year, today, await db.WorkingCalendarAsync(default));
        var actual = await scope.ServiceProvider.GetRequiredService<PublicStatistics>().YearAsync(db, year, today, default);

        Assert.True(expected.Total.Applications > 0);
        Assert.Equal(expected.Months, actual.Months);
        Assert.Equal(expected.Total with { OverdueAtEnd = null }, actual.Total with { OverdueAtEnd = null });
        if (buddhistYear == 2570)
        {
            Assert.Equal(expected.Total.OverdueAtEnd, actual.Total.OverdueAtEnd);
        }
    }
}

/// <summary>
/// The same on PostgreSQL (its own migration set, timestamps with time zone): the public pages render from the paged
/// register and the month tallies, a write through the app evicts the cached copy, and the tallies agree with the
/// definition over every loan.
/// </summary>
public sealed class PublicPagesPostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Transparency_IsCached_AndAnApplicationEvictsIt()
    {
        app.RequireServer();
        var client = app.CreateAnonymousClient();
        var before = await ApplicationsThisYearAsync(client);
        Assert.True((await client.GetAsync("/transparency")).Headers.Age is not null);

        var applicant = app.CreateAnonymousClient();
        await PublicApplication.SubmitAsync(applicant, await PublicApplication.FilledAsync(applicant));

        Assert.Equal(before + 1, await ApplicationsThisYearAsync(client));
        Assert.NotNull((await HtmlForm.GetDocumentAsync(client, "/transparency")).QuerySelector("#register-table tbody tr"));
    }

    [Fact]
    public async Task MonthlyTallies_AgreeWithTheDefinitionOverEveryLoan()
    {
        app.RequireServer();
        var today = AssetLoan.Domain.Calendar.BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        var year = AssetLoan.Domain.Calendar.FiscalYear.Of(today);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expected = TransparencyStatistics.Compute(await db.LoanFactsAsync(year, default), year, today, await db.WorkingCalendarAsync(default));
        var actual = await scope.ServiceProvider.GetRequiredService<PublicStatistics>().YearAsync(db, year, today, default);

        Assert.True(expected.Total.Applications > 0);
        Assert.Equal(expected.Months, actual.Months);
        Assert.Equal(expected.Total, actual.Total);
    }

    private static async Task<int> ApplicationsThisYearAsync(HttpClient client)
    {
        var doc = await HtmlForm.GetDocumentAsync(client, "/transparency");
        return int.Parse(doc.QuerySelector("#stats-table tfoot tr")!.QuerySelectorAll("td")[0].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
