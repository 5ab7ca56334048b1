using System.Net;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Two instances of the app (A and B) on one PostgreSQL database, as behind a load balancer: each has its own process
/// state (key-ring cache, output cache, data caches, background jobs), and only the database and the configured secrets
/// are shared.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public TwoInstances()
    {
        A = new PostgresAppFactory();
        B = PostgresAppFactory.SecondInstanceOf(A);

        // As the README deploys them: the first instance (here A, in production the `migrate` command) migrates, the others do not.
        B.With("Database:MigrateAtStartup", "false");
        foreach (var host in new[] { A, B })
        {
            // Every request reads the shared stamp, so that the test needs no wait (1 s in production).
            host.With("PublicCache:StampCheckMilliseconds", "0");
        }
    }

    public PostgresAppFactory A { get; }

    public PostgresAppFactory B { get; }

    /// <summary>Skips (or fails in CI) without ASSETLOAN_TEST_POSTGRES; then starts A (which migrates and seeds) and B.</summary>
    public void Start()
    {
        A.RequireServer();
        B.RequireServer();
        _ = A.Services;
        _ = B.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

public sealed class TwoInstancesTests(TwoInstances hosts) : IClassFixture<TwoInstances>
{
    private static readonly Uri Site = new("http://localhost/");

    [Fact]
    public async Task SignInOnA_IsAcceptedByB()
    {
        hosts.Start();
        var cookies = new System.Net.CookieContainer();
        var onA = hosts.A.CreateDefaultClient(Site, new CookieContainerHandler(cookies));
        var onB = hosts.B.CreateDefaultClient(Site, new CookieContainerHandler(cookies));

        var form = await HtmlForm.LoadAsync(onA, "/account/login");
        form.Set("Input.Email", Demo.Officer).Set("Input.Password", global::AssetLoan.Web.Data.Seed.DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(onA)).StatusCode);

        // The cookie A issued opens B's staff pages, and a form B rendered (its antiforgery token) is accepted by A.
        var home = await onB.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("นางสาวพัชรี ใจดี", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logout = await HtmlForm.LoadAsync(onB, "/", "form[action='/account/logout']");
        Assert.Equal(HttpStatusCode.Redirect, (await logout.SubmitAsync(onA)).StatusCode);
    }

    [Fact]
    public async Task DailyJobs_RunOnceAcrossInstances_AndAScheduledRunHoldsTheDay()
    {
        hosts.Start();
        await hosts.A.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 2)); // due tomorrow, a day from now
        await hosts.A.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 1)); // overdue a day from now
        var now = hosts.A.Clock.GetUtcNow().UtcDateTime.AddDays(1);

        var results = await Task.WhenAll(new[] { hosts.A, hosts.B }.Select(h =>
            Task.Run(() => h.Services.GetRequiredService<DailyJobs>().RunOnceAsync(now))));

        Assert.Single(results, r => r.Ran);
        var winner = results.Single(r => r.Ran);
        var reminders = await RemindersAsync(now);
        Assert.True(winner.DueTomorrowReminders + winner.OverdueReminders > 0, "the demo data has loans to remind about");
        Assert.NotEmpty(reminders);
        Assert.Equal(reminders.Count, reminders.Distinct().Count());

        // The scheduled run keeps the lease until the next morning: B's wake-up (or restart) that day skips.
        Assert.True((await hosts.A.Services.GetRequiredService<DailyJobs>().RunScheduledAsync(now)).Ran);
        Assert.False((await hosts.B.Services.GetRequiredService<DailyJobs>().RunScheduledAsync(now.AddHours(1))).Ran);
        var lease = await hosts.A.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == DailyJobs.Lease));
        Assert.Equal(hosts.A.Services.GetRequiredService<JobLeases>().Holder, lease.Holder);
        Assert.True(lease.ExpiresAtUtc > now.AddHours(12));
        Assert.True((await hosts.B.Services.GetRequiredService<DailyJobs>().RunScheduledAsync(now + DailyJobs.UntilNextRun(now))).Ran);
        Assert.Equal(reminders.Count, (await RemindersAsync(now)).Count);
    }

    [Fact]
    public async Task EachQueuedMail_IsSentOnce_ByOneInstance()
    {
        hosts.Start();
        var now = hosts.A.Clock.GetUtcNow().UtcDateTime;
        await hosts.A.WithDbAsync(async db =>
        {
            db.Notifications.AddRange(Enumerable.Range(0, 40).Select(i => new NotificationMessage
            {
                CreatedAtUtc = now,
                Channel = NotificationChannel.Email,
                TemplateKey = "two-instances",
                ToAddress = $"citizen{i}@example.test",
                Subject = $"ทดสอบ {i}",
                Body = "ทดสอบการส่งจากสองเครื่อง",
                NextAttemptAtUtc = now,
            }));
            await db.SaveChangesAsync();
        });
        var due = await hosts.A.WithDbAsync(db => db.Notifications.CountAsync(n => n.Channel == NotificationChannel.Email && n.SentAtUtc == null && n.NextAttemptAtUtc <= now));

        // Both dispatchers wake at once, round after round (a round sends at most a batch), until nothing is due.
        var sent = 0;
        for (var round = 0; round < 5 && sent < due; round++)
        {
            var results = await Task.WhenAll(new[] { hosts.A, hosts.B }.Select(h =>
                Task.Run(() => h.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(now))));
            Assert.Contains(results, r => r.Sent == 0);
            sent += results.Sum(r => r.Sent);
        }

        Assert.Equal(due, sent);
        var files = new[] { hosts.A, hosts.B }
            .Select(h => Path.Combine(h.UploadsPath, "mail"))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.eml"))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Equal(due, files.Count);
        Assert.Equal(files.Count, files.Distinct().Count());
        Assert.Equal(0, await hosts.A.WithDbAsync(db => db.Notifications.CountAsync(n => n.Channel == NotificationChannel.Email && n.SentAtUtc == null && n.NextAttemptAtUtc <= now)));
    }

    [Fact]
    public async Task PageCachedOnB_ShowsAnApplicationFiledOnA()
    {
        hosts.Start();
        var visitorOnB = hosts.B.CreateAnonymousClient();
        var before = await ApplicationsThisYearAsync(visitorOnB);
        Assert.True((await visitorOnB.GetAsync("/transparency")).Headers.Age is not null, "B serves /transparency from its output cache");

        var applicantOnA = hosts.A.CreateAnonymousClient();
        await PublicApplication.SubmitAsync(applicantOnA, await PublicApplication.FilledAsync(applicantOnA));

        Assert.Equal(before + 1, await ApplicationsThisYearAsync(visitorOnB));
        Assert.True((await visitorOnB.GetAsync("/transparency")).Headers.Age is not null, "and caches the new page again");
        Assert.Equal(before + 1, await ApplicationsThisYearAsync(hosts.A.CreateAnonymousClient()));
    }

    /// <summary>The reminders queued at <paramref name="nowUtc"/> (by the runs above), one tuple per message.</summary>
    private Task<List<(int LoanId, string Key, NotificationChannel Channel)>> RemindersAsync(DateTime nowUtc) => hosts.A.WithDbAsync(async db =>
        (await db.Notifications.AsNoTracking()
            .Where(n => n.LoanId != null && n.CreatedAtUtc == nowUtc && (n.TemplateKey == NotificationTemplates.DueTomorrow || n.TemplateKey == NotificationTemplates.Overdue))
            .Select(n => new { LoanId = n.LoanId!.Value, n.TemplateKey, n.Channel })
            .ToListAsync())
        .Select(n => (n.LoanId, n.TemplateKey, n.Channel)).ToList());

    private static async Task<int> ApplicationsThisYearAsync(HttpClient client)
    {
        var doc = await HtmlForm.GetDocumentAsync(client, "/transparency");
        return int.Parse(doc.QuerySelector("#stats-table tfoot tr")!.QuerySelectorAll("td")[0].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The race tests of <see cref="ConcurrencyTests{TFactory}"/>, with the competitors split between A and B.</summary>
public sealed class TwoInstancesConcurrencyTests(TwoInstances hosts) : ConcurrencyTests<PostgresAppFactory>(hosts.A), IClassFixture<TwoInstances>
{
    protected override void RequireDatabase() => hosts.Start();

    protected override AppFactory HostFor(int i) => i % 2 == 0 ? hosts.A : hosts.B;
}
