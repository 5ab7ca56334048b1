using AssetLoan.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AssetLoan.Web.Infrastructure.Notifications;

/// <summary>
/// Sends the queued e-mail and LINE messages: e-mail through SMTP with MailKit when <c>Mail:Host</c> is set, otherwise as
/// <c>.eml</c> files in <c>Mail:PickupDirectory</c>; LINE as a push message (<see cref="Line.LinePush"/>). A failure never loses a message: it stays queued with Attempts + 1, the error, and a
/// next attempt after an exponential back-off (1, 2, 4 … minutes, at most 6 hours). Runs every
/// <c>Mail:DispatchIntervalSeconds</c> (30) unless <c>BackgroundJobs:Enabled</c> is false; tests call
/// <see cref="RunOnceAsync"/> with the fake clock.
/// </summary>
public sealed class NotificationDispatcher(IServiceScopeFactory scopes, IConfiguration config, IHostEnvironment env, TimeProvider time, Jobs.JobLeases leases, ILogger<NotificationDispatcher> log, Line.LinePush line) : BackgroundService
{
    public const int BatchSize = 50;

    public const string Lease = "notifications";

    /// <summary>How long the lease lasts past the last message sent; renewed after each message, given back at the end.</summary>
    private static readonly TimeSpan LeaseTerm = TimeSpan.FromMinutes(5);

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 360));

    /// <summary>
    /// Sends what is due, unless another instance is sending (the <c>notifications</c> lease): two instances never pick
    /// up the same queued message, so none is sent twice.
    /// </summary>
    public async Task<DispatchResult> RunOnceAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        if (!await leases.TryTakeAsync(Lease, nowUtc, nowUtc + LeaseTerm, ct))
        {
            return new DispatchResult(0, 0);
        }

        try
        {
            return await SendDueAsync(nowUtc, ct);
        }
        finally
        {
            await leases.ReleaseAsync(Lease);
        }
    }

    private async Task<DispatchResult> SendDueAsync(DateTime nowUtc, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.Notifications
            .Where(n => (n.Channel == NotificationChannel.Email || n.Channel == NotificationChannel.Line) && n.SentAtUtc == null && n.GaveUpAtUtc == null && n.NextAttemptAtUtc <= nowUtc)
            .OrderBy(n => n.NextAttemptAtUtc).ThenBy(n => n.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return new DispatchResult(0, 0);
        }

        var settings = await Settings.LoadAsync(db, ct);
        var mail = config.GetSection("Mail");
        var host = mail["Host"];
        using var smtp = new SmtpClient { Timeout = mail.GetValue("TimeoutSeconds", 20) * 1000 };
        int sent = 0, failed = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                if (message.Channel == NotificationChannel.Line)
                {
                    await line.SendAsync(settings, message, ct);
                }
                else
                {
                    var mime = Build(message, mail["From"] ?? "assetloan@localhost");
                    if (string.IsNullOrWhiteSpace(host))
                    {
                        await WritePickupAsync(mime, message, mail["PickupDirectory"] ?? "App_Data/mail", ct);
                    }
                    else
                    {
                        await EnsureConnectedAsync(smtp, host, mail, ct);
                        await smtp.SendAsync(mime, ct);
                    }
                }

                message.SentAtUtc = nowUtc;
                message.LastError = null;
                sent++;
            }
            catch (Line.LineDeliveryException ex) when (ex.Permanent)
            {
                // Retrying a refusal forever would only hide it: give the LINE message up and send the notice by e-mail.
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                message.GaveUpAtUtc = nowUtc;
                failed++;
                var copy = await EmailCopyAsync(db, message, nowUtc, ct);
                log.LogWarning("LINE refused notification {Id} for good ({Error}); {Fallback}", message.Id, ex.Message,
                    copy is null ? "no e-mail address to send it to instead" : "queued by e-mail instead");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var error = ex is SmtpCommandException smtpError ? $"{(int)smtpError.StatusCode} {ex.Message}" : ex.Message;
                message.LastError = error.Length > 2000 ? error[..2000] : error;
                message.NextAttemptAtUtc = nowUtc + Backoff(message.Attempts);
                failed++;
                log.LogWarning("Notification {Id} not sent (attempt {Attempts}): {Error}", message.Id, message.Attempts, error);
                if (message.Channel == NotificationChannel.Email && smtp.IsConnected && ex is not SmtpCommandException)
                {
                    await smtp.DisconnectAsync(false, CancellationToken.None);
                }
            }

            // Each outcome is saved at once: a crash half-way never sends a message twice or forgets a failure.
            await db.SaveChangesAsync(ct);

            // A slow server must not let the lease run out under us; if it did, another instance sends the rest.
            if (!await leases.HoldUntilAsync(Lease, nowUtc + clock.Elapsed + LeaseTerm, ct))
            {
                log.LogWarning("Notifications: the lease was lost; the rest of the batch is left to the instance that holds it");
                break;
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, ct);
        }

        log.LogInformation("Notifications: {Sent} sent, {Failed} failed", sent, failed);
        return new DispatchResult(sent, failed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("BackgroundJobs:Enabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(5, config.GetValue("Mail:DispatchIntervalSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Notification dispatch failed");
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }

    /// <summary>The same notice by e-mail to the staff member's or the outside borrower's address, when there is one.</summary>
    private static async Task<NotificationMessage?> EmailCopyAsync(AppDbContext db, NotificationMessage refused, DateTime nowUtc, CancellationToken ct)
    {
        var email = refused.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct)
            : refused.LoanId is { } loanId
                ? await db.Loans.Where(l => l.Id == loanId && l.BorrowerUserId == null)
                    .Select(l => db.Borrowers.Where(b => b.Id == l.BorrowerId).Select(b => b.Email).FirstOrDefault()).SingleOrDefaultAsync(ct)
                : null;
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var copy = new NotificationMessage
        {
            CreatedAtUtc = nowUtc,
            Channel = NotificationChannel.Email,
            TemplateKey = refused.TemplateKey,
            ToAddress = email,
            UserId = refused.UserId,
            LoanId = refused.LoanId,
            Subject = refused.Subject,
            Body = refused.Body,
            NextAttemptAtUtc = nowUtc,
        };
        db.Notifications.Add(copy);
        return copy;
    }

    private static MimeMessage Build(NotificationMessage n, string from)
    {
        var message = new MimeMessage
        {
            Subject = n.Subject,
            MessageId = $"notification-{n.Id}@assetloan",
            Body = new TextPart("plain") { Text = n.Body },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(n.ToAddress ?? throw new InvalidOperationException("The message has no address.")));
        return message;
    }

    private static async Task EnsureConnectedAsync(SmtpClient smtp, string host, IConfigurationSection mail, CancellationToken ct)
    {
        if (smtp.IsConnected)
        {
            return;
        }

        var security = mail.GetValue("UseStartTls", true) ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await smtp.ConnectAsync(host, mail.GetValue("Port", 25), security, ct);
        if (mail["User"] is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, mail["Password"] ?? "", ct);
        }
    }

    private async Task WritePickupAsync(MimeMessage mime, NotificationMessage n, string directory, CancellationToken ct)
    {
        var dir = Path.GetFullPath(directory, env.ContentRootPath);
        Directory.CreateDirectory(dir);
        await mime.WriteToAsync(Path.Combine(dir, $"{n.CreatedAtUtc:yyyyMMddHHmmss}-{n.Id}.eml"), ct);
    }
}

public sealed record DispatchResult(int Sent, int Failed);
