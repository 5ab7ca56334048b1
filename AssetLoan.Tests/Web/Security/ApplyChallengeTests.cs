using System.Net;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Security;

/// <summary>The app with the real per-day limits of /apply, small enough to reach in a test.</summary>
public sealed class TightApplyFactory : AppFactory
{
    public const int PerDay = 4;
    public const int WithoutScript = 2;

    public TightApplyFactory()
    {
        With("Apply:PerClientPerDay", PerDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Apply:WithoutScriptPerClientPerDay", WithoutScript.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Apply:ChallengeBits", "10");
    }
}

/// <summary>
/// /apply against scripts (issue 14 §7): a proof of work the page's script answers, one application per challenge, and
/// per-network daily limits (an IPv4 address or an IPv6 /64) with a small allowance for phones without JavaScript. Each
/// test moves the class's clock a day on first, so the daily counts start from zero whatever ran before.
/// </summary>
public sealed class ApplyChallengeTests(TightApplyFactory app) : IClassFixture<TightApplyFactory>
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    [Fact]
    public void Solves_TheAnswerFound_HasTheZeroBitsAsked_AndAnotherDoesNot()
    {
        var challenge = "CfDJ8test-challenge";
        var answer = ApplyChallenge.Solve(challenge, 12);

        Assert.True(ApplyChallenge.Solves(challenge, answer, 12));
        Assert.False(ApplyChallenge.Solves(challenge + "x", answer, 12) && ApplyChallenge.Solves(challenge + "y", answer, 12));
        Assert.False(ApplyChallenge.Solves(challenge, "12a", 0));
        Assert.False(ApplyChallenge.Solves(challenge, "", 0));
    }

    [Fact]
    public async Task Apply_AnsweredChallenge_Files_AndTheSameChallengeSentAgainFilesNothing()
    {
        await FreshDayAsync(async () =>
        {
            var client = app.CreateAnonymousClient();
            var form = Chairs(await PublicApplication.FilledAsync(client));
            await PublicApplication.SubmitAsync(client, form);
            var challenge = form.Value("Input.Challenge")!;
            var answer = form.Value("Input.ChallengeAnswer")!;

            // A script replays the solved challenge with another person's details (another form key, ID and phone).
            var again = Chairs(await PublicApplication.FilledAsync(client)).Set("Input.Challenge", challenge).Set("Input.ChallengeAnswer", answer);
            var before = await CountAsync();
            var response = await again.SubmitAsync(client);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = await HtmlForm.ParseAsync(response);
            Assert.Contains("แบบฟอร์มนี้หมดอายุหรือถูกส่งไปแล้ว", doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await CountAsync());

            // The page came back with what was typed and a fresh challenge: sending it again works.
            var fresh = HtmlForm.From(doc, "#apply-form", "/apply");
            Assert.NotEqual(challenge, fresh.Value("Input.Challenge"));
            Assert.Equal("งานบำเพ็ญกุศลศพ", fresh.Value("Input.Purpose"));
            Assert.Equal(HttpStatusCode.Redirect, (await fresh.SubmitAsync(client)).StatusCode);
        });
    }

    [Fact]
    public async Task Apply_WrongAnswer_IsRefusedBesideTheForm_NothingFiled()
    {
        await FreshDayAsync(async () =>
        {
            var client = app.CreateAnonymousClient();
            var form = Chairs(await PublicApplication.FilledAsync(client));
            var challenge = form.Value("Input.Challenge")!;
            var wrong = Enumerable.Range(0, 10_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .First(n => !ApplyChallenge.Solves(challenge, n, 10));
            var before = await CountAsync();

            var response = await form.Set("Input.ChallengeAnswer", wrong).SubmitAsync(client);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("กรุณากดส่งอีกครั้ง", (await HtmlForm.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await CountAsync());
        });
    }

    [Fact]
    public async Task Apply_WithoutJavaScript_AllowedAFewTimesADay_ThenAskedToTurnItOn_AndAnsweredFormsStillGoThrough()
    {
        await FreshDayAsync(async () =>
        {
            var client = app.CreateAnonymousClient();
            for (var i = 0; i < TightApplyFactory.WithoutScript; i++)
            {
                var plain = Chairs(await PublicApplication.FilledAsync(client));
                plain.AnswersChallenge = false;
                await PublicApplication.SubmitAsync(client, plain);
            }

            var refused = Chairs(await PublicApplication.FilledAsync(client));
            refused.AnswersChallenge = false;
            var response = await refused.SubmitAsync(client);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = await HtmlForm.ParseAsync(response);
            Assert.Contains("เบราว์เซอร์นี้ปิด JavaScript ไว้", doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("นายทดสอบ ยืมเต็นท์", doc.QuerySelector("#Input_Name")!.GetAttribute("value"));

            // The same form answered (as the page's script would) is filed.
            var answered = HtmlForm.From(doc, "#apply-form", "/apply");
            Assert.Equal(HttpStatusCode.Redirect, (await answered.SubmitAsync(client)).StatusCode);
        });
    }

    [Fact]
    public async Task Apply_OneNetworkPerDay_StopsAtTheLimit_AndOpensAgainTheNextDay_KeepingNoAddress()
    {
        await FreshDayAsync(async () =>
        {
            var client = app.CreateAnonymousClient();
            var filed = await app.WithDbAsync(db => db.ApplyChallengeUses.CountAsync(u => u.UsedAtUtc > app.Clock.GetUtcNow().UtcDateTime.AddDays(-1)));
            for (var i = filed; i < TightApplyFactory.PerDay; i++)
            {
                await PublicApplication.SubmitAsync(client, Chairs(await PublicApplication.FilledAsync(client)));
            }

            var before = await CountAsync();
            var response = await Chairs(await PublicApplication.FilledAsync(client)).SubmitAsync(client);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("วันนี้มีการยื่นคำขอจากเครือข่ายอินเทอร์เน็ตนี้ครบ 4 รายการแล้ว", (await HtmlForm.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await CountAsync());
            var clients = await app.WithDbAsync(db => db.ApplyChallengeUses.Select(u => u.Client).Distinct().ToListAsync());
            Assert.All(clients, c => Assert.Matches("^[0-9A-F]{64}$", c));

            app.Clock.Advance(TimeSpan.FromDays(1));
            await PublicApplication.SubmitAsync(client, Chairs(await PublicApplication.FilledAsync(client)));
        });
    }

    [Fact]
    public async Task RetentionRun_ForgetsTheClientHashesOlderThanTwoDays_KeepsTodays()
    {
        await FreshDayAsync(async () =>
        {
            var client = app.CreateAnonymousClient();
            await PublicApplication.SubmitAsync(client, Chairs(await PublicApplication.FilledAsync(client)));
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var job = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AssetLoan.Web.Infrastructure.Jobs.RetentionJob>().Single();

            await job.RunOnceAsync(now, TestContext.Current.CancellationToken);
            Assert.True(await app.WithDbAsync(db => db.ApplyChallengeUses.AnyAsync(u => u.UsedAtUtc > now.AddHours(-1))));

            await job.RunOnceAsync(now.AddDays(2).AddHours(1), TestContext.Current.CancellationToken);
            Assert.False(await app.WithDbAsync(db => db.ApplyChallengeUses.AnyAsync(u => u.UsedAtUtc < now.AddHours(1))));
        });
    }

    /// <summary>One test at a time, each from a day with no applications yet: the limits are per day and per network.</summary>
    private async Task FreshDayAsync(Func<Task> test)
    {
        await OneAtATime.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(1.5));
            await test();
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>One chair, ten days ahead, so that the shared stock and the moving clock never refuse the form.</summary>
    private HtmlForm Chairs(HtmlForm form)
    {
        var start = BangkokDay(10);
        return form.Quantity(PublicApplication.Tent, 0).Quantity(PublicApplication.Chairs, 1)
            .Set("Input.StartOn", start).Set("Input.DueOn", start);
    }

    private string BangkokDay(int daysAhead)
    {
        var day = AssetLoan.Domain.Calendar.BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime).AddDays(daysAhead);
        return $"{day.Day:00}/{day.Month:00}/{day.Year + 543}";
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Loans.CountAsync());
}
