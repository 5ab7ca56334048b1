using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>The app with <c>Mail:Host</c> pointing at a loopback port where a test SMTP listener may or may not run.</summary>
public sealed class SmtpAppFactory : AppFactory
{
    public SmtpAppFactory()
    {
        Port = SmtpListener.FreePort();
        With("Mail:Host", "127.0.0.1").With("Mail:UseStartTls", "false").With("Mail:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Mail:TimeoutSeconds", "5");
    }

    public int Port { get; }
}

public sealed class NotificationDispatchTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    [Fact]
    public async Task Dispatch_NobodyListening_KeepsTheMessage_ThenALaterRunSendsItInThai()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        var before = await HandoverMailAsync(id);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var failed = await dispatcher.RunOnceAsync(now);

        var queued = await HandoverMailAsync(id);
        Assert.True(failed.Failed > 0);
        Assert.Null(queued.SentAtUtc);
        Assert.Equal(before.Attempts + 1, queued.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(queued.LastError));
        Assert.Equal(now.AddMinutes(1), queued.NextAttemptAtUtc);

        await dispatcher.RunOnceAsync(now.AddSeconds(30));
        Assert.Equal(before.Attempts + 1, (await HandoverMailAsync(id)).Attempts);

        await using var listener = await SmtpListener.StartAsync(app.Port);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        var sent = await HandoverMailAsync(id);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Null(sent.LastError);
        var received = Assert.Single(listener.Received, m => m.MessageId == $"notification-{sent.Id}@assetloan");
        Assert.Equal(sent.Subject, received.Subject);
        Assert.StartsWith("ส่งมอบพัสดุตามคำขอเลขที่", received.Subject, StringComparison.Ordinal);
        Assert.Equal(Demo.Employee, received.To.Mailboxes.Single().Address);
        Assert.Contains("เรียน นางสาวมาลี สุขใจ", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ServerRefuses_KeepsTheMessageWithBackoffThatGrows()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 3));
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        await using var refusing = await SmtpListener.StartAsync(app.Port, reject: true);
        var before = await HandoverMailAsync(id);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        await dispatcher.RunOnceAsync(now);
        var once = await HandoverMailAsync(id);
        await dispatcher.RunOnceAsync(once.NextAttemptAtUtc);
        var twice = await HandoverMailAsync(id);

        Assert.Null(twice.SentAtUtc);
        Assert.Equal(before.Attempts + 2, twice.Attempts);
        Assert.Contains("554", twice.LastError ?? "", StringComparison.Ordinal);
        Assert.Equal(once.NextAttemptAtUtc + NotificationDispatcher.Backoff(twice.Attempts), twice.NextAttemptAtUtc);
        Assert.Empty(refusing.Received);
    }

    private Task<NotificationMessage> HandoverMailAsync(int loanId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.LoanId == loanId && n.TemplateKey == "HandedOver" && n.Channel == NotificationChannel.Email));
}
