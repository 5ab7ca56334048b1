using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using AssetLoan.Web.Infrastructure.Line;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssetLoan.Tests.Web.Line;

/// <summary>
/// Issue 16 §3–4: LINE notices through the outbox against a fake LINE server on 127.0.0.1, linking by a one-time code
/// through the signed webhook, the preferred channel, LINE off without a token, and retention of the LINE user id.
/// </summary>
public sealed class LineNotificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Token = "line-test-channel-token";
    private const string Secret = "line-test-channel-secret";
    private const string EmployeeLine = "U0123456789abcdef0123456789abcdef";
    private const string OutsiderLine = "Ufedcba9876543210fedcba9876543210";

    private NotificationDispatcher Dispatcher => app.Services.GetRequiredService<NotificationDispatcher>();

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Dispatch_StaffPrefersLine_PushesTheThaiNoticeWithTheBearerTokenOnce()
    {
        await using var line = await FakeLineServer.StartAsync(Token);
        await TurnLineOnAsync(line.BaseUrl);
        await SetEmployeeAsync(EmployeeLine, ContactChannel.Line);
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));

        var notices = await NoticesAsync(id, "HandedOver");
        Assert.DoesNotContain(notices, n => n.Channel == NotificationChannel.Email);
        Assert.Contains(notices, n => n.Channel == NotificationChannel.InApp);
        var queued = Assert.Single(notices, n => n.Channel == NotificationChannel.Line);
        Assert.Equal(EmployeeLine, queued.ToAddress);

        await Dispatcher.RunOnceAsync(Now);
        await Dispatcher.RunOnceAsync(Now.AddHours(1));

        var sent = await NoticeAsync(queued.Id);
        Assert.NotNull(sent.SentAtUtc);
        var push = Assert.Single(line.Received, p => p.RetryKey == LinePush.RetryKey(sent.Id).ToString());
        Assert.Equal(EmployeeLine, push.To);
        Assert.StartsWith("ส่งมอบพัสดุตามคำขอเลขที่", push.Text, StringComparison.Ordinal);
        Assert.Contains("เรียน นางสาวมาลี สุขใจ", push.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_LineFails_KeepsTheMessageWithBackoff_ThenDeliversItOnce()
    {
        await using var line = await FakeLineServer.StartAsync(Token);
        await TurnLineOnAsync(line.BaseUrl);
        await SetEmployeeAsync(EmployeeLine, ContactChannel.Line);
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 2));
        var queued = Assert.Single(await NoticesAsync(id, "HandedOver"), n => n.Channel == NotificationChannel.Line);
        var now = Now;
        line.FailNext(1000);

        var run = await Dispatcher.RunOnceAsync(now);

        var failed = await NoticeAsync(queued.Id);
        Assert.True(run.Failed > 0);
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("500", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(now.AddMinutes(1), failed.NextAttemptAtUtc);
        Assert.Empty(line.Received);

        line.FailNext(0);
        var requests = line.Requests.Count;
        await Dispatcher.RunOnceAsync(now.AddSeconds(30));
        Assert.Equal(requests, line.Requests.Count);

        await Dispatcher.RunOnceAsync(now.AddMinutes(2));
        await Dispatcher.RunOnceAsync(now.AddHours(1));

        var sent = await NoticeAsync(queued.Id);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Null(sent.LastError);
        Assert.Equal(2, sent.Attempts);
        var push = Assert.Single(line.Received, p => p.RetryKey == LinePush.RetryKey(sent.Id).ToString());
        Assert.StartsWith("ส่งมอบพัสดุตามคำขอเลขที่", push.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    public async Task Dispatch_LineRefusesForGood_GivesUpOnceAndSendsTheNoticeByEmail(int status)
    {
        // A LINE id the channel no longer reaches (blocked, unfollowed, mistyped) is refused the same way every time:
        // retrying it every 6 hours for ever hides the failure; the notice must still reach the person.
        await using var line = await FakeLineServer.StartAsync(Token);
        await TurnLineOnAsync(line.BaseUrl);
        await SetEmployeeAsync(EmployeeLine, ContactChannel.Line);
        line.Refused[EmployeeLine] = status;
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 2));
        var queued = Assert.Single(await NoticesAsync(id, "HandedOver"), n => n.Channel == NotificationChannel.Line);
        var now = Now;

        await Dispatcher.RunOnceAsync(now);
        var pushes = line.Requests.Count(r => r.EndsWith("/push", StringComparison.Ordinal));
        await Dispatcher.RunOnceAsync(now.AddHours(7));
        await Dispatcher.RunOnceAsync(now.AddDays(2));

        var refused = await NoticeAsync(queued.Id);
        Assert.Null(refused.SentAtUtc);
        Assert.Equal(1, refused.Attempts);
        Assert.Equal(now, refused.GaveUpAtUtc);
        Assert.StartsWith(status.ToString(CultureInfo.InvariantCulture), refused.LastError, StringComparison.Ordinal);
        Assert.Equal(pushes, line.Requests.Count(r => r.EndsWith("/push", StringComparison.Ordinal)));
        var email = Assert.Single(await NoticesAsync(id, "HandedOver"), n => n.Channel == NotificationChannel.Email && n.UserId == queued.UserId);
        Assert.Equal(queued.Body, email.Body);
        Assert.NotNull(email.SentAtUtc);
        Assert.Equal(await app.WithDbAsync(db => db.Users.Where(u => u.Id == queued.UserId).Select(u => u.Email).SingleAsync()), email.ToAddress);
    }

    [Fact]
    public async Task NoToken_LinkedPersonWhoPrefersLine_GetsEmailAndNoLineRow()
    {
        await TurnLineOffAsync();
        await SetEmployeeAsync(EmployeeLine, ContactChannel.Line);

        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 1));

        var notices = await NoticesAsync(id, "HandedOver");
        Assert.Contains(notices, n => n.Channel == NotificationChannel.Email && n.ToAddress == Demo.Employee);
        Assert.DoesNotContain(notices, n => n.Channel == NotificationChannel.Line);
    }

    [Fact]
    public async Task PreferredNone_OnTheProfile_SendsNeitherEmailNorLine_ButKeepsTheInAppNotice()
    {
        await using var line = await FakeLineServer.StartAsync(Token);
        await TurnLineOnAsync(line.BaseUrl);
        await SetEmployeeAsync(EmployeeLine, ContactChannel.Line);
        var employee = await app.CreateClientAsAsync(Demo.Employee);

        var form = await HtmlForm.LoadAsync(employee, "/account/profile", "form[action*='handler=Channel']");
        using var saved = await form.Set("Channel", nameof(ContactChannel.None)).SubmitAsync(employee);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await HtmlForm.GetDocumentAsync(employee, "/account/profile");
        Assert.Equal("U0123…cdef", page.QuerySelector("#line-user")!.TextContent);
        Assert.DoesNotContain(EmployeeLine, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("checked", page.QuerySelector("#channel-none")!.GetAttribute("checked"));

        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 1));
        var notices = await NoticesAsync(id, "HandedOver");
        Assert.DoesNotContain(notices, n => n.Channel is NotificationChannel.Email or NotificationChannel.Line);
        Assert.Contains(notices, n => n.Channel == NotificationChannel.InApp);
    }

    /// <summary>Seen on a phone: with no LINE token the tracking page said "LINE: not linked" to a villager who cannot link.</summary>
    [Fact]
    public async Task TrackingPage_LineOff_SaysNothingAboutLine_LineOn_OffersTheCode()
    {
        await TurnLineOffAsync();
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));

        var off = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Null(off.QuerySelector("#line-status"));
        Assert.Null(off.QuerySelector("#line-code-button"));
        Assert.NotNull(off.QuerySelector("#channel-email"));

        await TurnLineOnAsync("http://127.0.0.1:9");
        var on = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Equal("ยังไม่ได้เชื่อมต่อ", on.QuerySelector("#line-status")!.TextContent.Trim());
        Assert.NotNull(on.QuerySelector("#line-code-button"));
    }

    [Fact]
    public async Task Webhook_SignedCodeFromTheTrackingPage_LinksTheOutsiderOnce_AndTheirNoticesGoByLine()
    {
        await using var line = await FakeLineServer.StartAsync(Token);
        await TurnLineOnAsync(line.BaseUrl);
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var code = await LinkCodeAsync(client, token);

        using var linked = await PostWebhookAsync(TextEvent(OutsiderLine, code), Secret);

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var borrower = await BorrowerAsync(token);
        Assert.Equal((OutsiderLine, ContactChannel.Line), (borrower.LineUserId, borrower.PreferredChannel));
        var page = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Equal("Ufedc…3210", page.QuerySelector("#line-user")!.TextContent);
        Assert.DoesNotContain(OutsiderLine, page.Body!.InnerHtml, StringComparison.Ordinal);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var detail = await HtmlForm.GetDocumentAsync(officer, $"/supplies/borrower/{borrower.Id}");
        Assert.Equal("Ufedc…3210", detail.QuerySelector("#borrower-line")!.TextContent.Trim());
        Assert.DoesNotContain(OutsiderLine, detail.Body!.InnerHtml, StringComparison.Ordinal);

        // The code is used: sent again from another LINE account, it links nothing.
        using var again = await PostWebhookAsync(TextEvent("U" + new string('a', 32), code), Secret);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(OutsiderLine, (await BorrowerAsync(token)).LineUserId);

        // Each sender was answered in Thai through the reply API.
        Assert.Equal(2, line.Replies.Count);
        Assert.All(line.Replies, r => Assert.Equal("reply-token", r.ReplyToken));
        Assert.StartsWith("เชื่อมต่อ LINE กับระบบยืม–คืนพัสดุ", line.Replies.First().Text, StringComparison.Ordinal);
        Assert.StartsWith("รหัสเชื่อมต่อไม่ถูกต้อง", line.Replies.Last().Text, StringComparison.Ordinal);

        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.RejectAsync(app, loanId, "พัสดุไม่ว่างในวันดังกล่าว");
        var rejected = Assert.Single(await NoticesAsync(loanId, "Rejected"));
        Assert.Equal((NotificationChannel.Line, OutsiderLine), (rejected.Channel, rejected.ToAddress));
        await Dispatcher.RunOnceAsync(Now);
        var push = Assert.Single(line.Received, p => p.RetryKey == LinePush.RetryKey(rejected.Id).ToString());
        Assert.Equal(OutsiderLine, push.To);
        Assert.Contains("ไม่ได้รับอนุมัติ", push.Text, StringComparison.Ordinal);
        Assert.Contains("พัสดุไม่ว่างในวันดังกล่าว", push.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_BadOrMissingSignature_IsRefusedAndLinksNothing()
    {
        await TurnLineOnAsync("http://127.0.0.1:9");
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var code = await LinkCodeAsync(client, token);

        using var forged = await PostWebhookAsync(TextEvent(OutsiderLine, code), "not-the-channel-secret");
        using var unsigned = await PostWebhookAsync(TextEvent(OutsiderLine, code), null);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (forged.StatusCode, unsigned.StatusCode));
        Assert.Null((await BorrowerAsync(token)).LineUserId);

        // The code was not spent by the forgeries.
        using var signed = await PostWebhookAsync(TextEvent(OutsiderLine, code), Secret);
        Assert.Equal(OutsiderLine, (await BorrowerAsync(token)).LineUserId);
    }

    [Fact]
    public async Task Webhook_CodeFromTheProfile_LinksTheStaffAccount()
    {
        await TurnLineOnAsync("http://127.0.0.1:9");
        await SetEmployeeAsync(null, ContactChannel.Email);
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(employee, "/account/profile", "form[action*='handler=LineCode']");
        using var asked = await form.SubmitAsync(employee);
        var code = (await HtmlForm.GetDocumentAsync(employee, "/account/profile")).QuerySelector("#line-code")!.TextContent.Trim();

        using var linked = await PostWebhookAsync(TextEvent(EmployeeLine, code.ToLowerInvariant()), Secret);

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == Demo.Employee));
        Assert.Equal((EmployeeLine, ContactChannel.Line), (user.LineUserId, user.PreferredChannel));
    }

    [Fact]
    public async Task Webhook_FiveWrongCodesInAnHour_IgnoreThatLineAccountsNextCode()
    {
        await TurnLineOnAsync("http://127.0.0.1:9");
        const string guesser = "Ubbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        for (var i = 0; i < LineLinkCode.PerHour; i++)
        {
            using var wrong = await PostWebhookAsync(TextEvent(guesser, $"AAAA-AAA{LineLinkCode.Alphabet[i]}"), Secret);
        }

        using var right = await PostWebhookAsync(TextEvent(guesser, await LinkCodeAsync(client, token)), Secret);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Null((await BorrowerAsync(token)).LineUserId);
    }

    [Fact]
    public async Task Webhook_ExpiredCode_LinksNothing()
    {
        await TurnLineOnAsync("http://127.0.0.1:9");
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var code = await LinkCodeAsync(client, token);

        app.Clock.Advance(LineLinkCode.Lifetime + TimeSpan.FromMinutes(1));
        using var late = await PostWebhookAsync(TextEvent(OutsiderLine, code), Secret);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Null((await BorrowerAsync(token)).LineUserId);
    }

    [Fact]
    public async Task LinkCode_SixthInAnHour_IsRefused()
    {
        await TurnLineOnAsync("http://127.0.0.1:9");
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        for (var i = 0; i < LineLinkCode.PerHour; i++)
        {
            Assert.Equal(LineLinkCode.Length + 1, (await LinkCodeAsync(client, token)).Length);
        }

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", "#notices-form");
        using var sixth = await form.Set("NoticesPhone", await PublicApplication.PhoneOnFileAsync(app, token)).SubmitByAsync(client, "#line-code-button");
        var page = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");

        Assert.Null(page.QuerySelector("#line-code"));
        Assert.Contains("ขอรหัสได้ไม่เกิน 5 ครั้งต่อชั่วโมง", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackingLinkNotices_WithoutThePhoneOnFile_NoCodeNoChannelNoUnlink()
    {
        // Issue 16 §2: a forwarded tracking link must not let someone else's LINE receive the borrower's notices.
        await TurnLineOnAsync("http://127.0.0.1:9");
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        using var linked = await PostWebhookAsync(TextEvent(OutsiderLine, await LinkCodeAsync(client, token)), Secret);
        Assert.Equal(OutsiderLine, (await BorrowerAsync(token)).LineUserId);

        foreach (var button in new[] { "#line-code-button", "#line-unlink-button" })
        {
            var form = await HtmlForm.LoadAsync(client, $"/track/{token}", "#notices-form");
            using var refused = await form.Set("NoticesPhone", "0890000000").SubmitByAsync(client, button);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var doc = await HtmlForm.ParseAsync(refused);
            Assert.Equal("เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ", doc.QuerySelector("[data-valmsg-for='NoticesPhone']")!.TextContent.Trim());
            Assert.Null(doc.QuerySelector("#line-code"));
        }

        var channel = await HtmlForm.LoadAsync(client, $"/track/{token}", "#notices-form");
        using var noPhone = await channel.Set("Channel", nameof(ContactChannel.None)).SubmitAsync(client);
        Assert.Equal("กรุณากรอกเบอร์โทรศัพท์ที่ให้ไว้ในคำขอ",
            (await HtmlForm.ParseAsync(noPhone)).QuerySelector("[data-valmsg-for='NoticesPhone']")!.TextContent.Trim());

        var borrower = await BorrowerAsync(token);
        Assert.Equal(OutsiderLine, borrower.LineUserId);
        Assert.NotEqual(ContactChannel.None, borrower.PreferredChannel);
    }

    [Fact]
    public async Task Retention_RemovesTheLinkedLineUserIdWithTheOtherPersonalData()
    {
        await TurnLineOnAsync("http://127.0.0.1:9");
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        using var linked = await PostWebhookAsync(TextEvent(OutsiderLine, await LinkCodeAsync(client, token)), Secret);
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.RejectAsync(app, loanId, "พัสดุไม่ว่าง");
        var borrowerId = (await BorrowerAsync(token)).Id;
        Assert.Equal(OutsiderLine, (await BorrowerAsync(token)).LineUserId);
        var days = await app.WithDbAsync(async db => (await Settings.LoadAsync(db, default)).RetentionDays);

        await app.Services.GetServices<IHostedService>().OfType<RetentionJob>().Single().RunOnceAsync(Now.AddDays(days + 1));

        var borrower = await BorrowerAsync(token);
        Assert.NotNull(borrower.AnonymisedAtUtc);
        Assert.Null(borrower.LineUserId);
        Assert.Equal(0, await app.WithDbAsync(db => db.LineLinkRequests.CountAsync(r => r.BorrowerId == borrowerId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.LoanId == loanId)));
    }

    [Fact]
    public async Task SettingsPage_TokenAndSecret_AreStoredProtected_NeverShown_AndLineOffRemovesThem()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/settings");
        form.Set("Input.LineChannelToken", "token-typed-by-admin").Set("Input.LineChannelSecret", "secret-typed-by-admin")
            .Set("Input.LineApiBaseUrl", "https://line.example.test/");

        using var saved = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = await app.WithDbAsync(db => db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value));
        var secrets = app.Services.GetRequiredService<LineSecrets>();
        Assert.Equal("token-typed-by-admin", secrets.Unprotect(rows[Settings.SecretKeys.LineChannelToken]));
        Assert.Equal("secret-typed-by-admin", secrets.Unprotect(rows[Settings.SecretKeys.LineChannelSecret]));
        Assert.Equal("https://line.example.test", rows[Settings.Keys.LineApiBaseUrl]);
        Assert.DoesNotContain(rows.Values, v => v.Contains("typed-by-admin", StringComparison.Ordinal));
        var trail = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(AppSetting)).Select(e => e.After ?? "").ToListAsync());
        Assert.DoesNotContain(trail, a => a.Contains("typed-by-admin", StringComparison.Ordinal));
        var page = await admin.GetStringAsync(new Uri("/admin/settings", UriKind.Relative));
        Assert.DoesNotContain("typed-by-admin", page, StringComparison.Ordinal);

        // Blank fields keep what is stored; "turn LINE off" removes both.
        using var kept = await (await HtmlForm.LoadAsync(admin, "/admin/settings")).SubmitAsync(admin);
        Assert.True(await app.WithDbAsync(async db => (await Settings.LoadAsync(db, default)).LineOn));
        using var off = await (await HtmlForm.LoadAsync(admin, "/admin/settings")).Set("Input.LineOff", "true").SubmitAsync(admin);
        var after = await app.WithDbAsync(db => Settings.LoadAsync(db, default));
        Assert.Equal((false, ""), (after.LineOn, after.LineChannelSecretProtected));
    }

    private Task TurnLineOnAsync(string baseUrl) => app.WithDbAsync(async db =>
    {
        var secrets = app.Services.GetRequiredService<LineSecrets>();
        await Settings.SetAsync(db, Settings.Keys.LineApiBaseUrl, baseUrl, default);
        await Settings.SetAsync(db, Settings.SecretKeys.LineChannelToken, secrets.Protect(Token), default);
        await Settings.SetAsync(db, Settings.SecretKeys.LineChannelSecret, secrets.Protect(Secret), default);
        await db.SaveChangesAsync();
    });

    private Task TurnLineOffAsync() => app.WithDbAsync(async db =>
    {
        await Settings.SetAsync(db, Settings.SecretKeys.LineChannelToken, "", default);
        await Settings.SetAsync(db, Settings.SecretKeys.LineChannelSecret, "", default);
        await db.SaveChangesAsync();
    });

    private Task SetEmployeeAsync(string? lineUserId, ContactChannel preferred) => app.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == Demo.Employee);
        user.LineUserId = lineUserId;
        user.PreferredChannel = preferred;
        await db.SaveChangesAsync();
    });

    private async Task<string> LinkCodeAsync(HttpClient client, string token)
    {
        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", "#notices-form");
        using var response = await form.Set("NoticesPhone", await PublicApplication.PhoneOnFileAsync(app, token)).SubmitByAsync(client, "#line-code-button");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        return page.QuerySelector("#line-code")!.TextContent.Trim();
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string json, string? secret)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(LineWebhook.Path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.Add("x-line-signature", LineWebhook.Sign(secret, body));
        }

        using var client = app.CreateAnonymousClient();
        return await client.SendAsync(request);
    }

    /// <summary>A webhook body as LINE sends it for a text message from a user.</summary>
    private static string TextEvent(string userId, string text) => JsonSerializer.Serialize(new
    {
        destination = "U00000000000000000000000000000000",
        events = new[]
        {
            new
            {
                type = "message",
                mode = "active",
                timestamp = 1764039600000,
                webhookEventId = "01HXYZ",
                source = new { type = "user", userId },
                replyToken = "reply-token",
                message = new { id = "1", type = "text", text },
            },
        },
    });

    private Task<List<NotificationMessage>> NoticesAsync(int loanId, string key) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.LoanId == loanId && n.TemplateKey == key).ToListAsync());

    private Task<NotificationMessage> NoticeAsync(long id) => app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

    private Task<Borrower> BorrowerAsync(string token) => app.WithDbAsync(db =>
        db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == db.Loans.Where(l => l.TrackingToken == token).Select(l => l.BorrowerId).Single()));
}
