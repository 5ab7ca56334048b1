using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Jobs;

/// <summary>
/// PDPA retention (domain.md §10): once every loan of an outside borrower has finished (closed, cancelled, rejected or
/// expired) and <see cref="Settings.RetentionDays"/> have passed since the last of them finished, the borrower's
/// personal fields are anonymised (the linked LINE user id and the LINE link codes with them), and so is every other place that names them: each loan's receiver name and signature
/// image, free-text purpose and place, the borrower's words in the history, and the notifications about the loans (rows
/// and <c>.eml</c> files). Kinds, items and dates stay for the statistics. It also forgets the /apply limits' client
/// hashes older than two days (<see cref="Security.ApplyChallenge.ForgetOldAsync"/>). Runs daily in the app itself.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, IConfiguration config, FileStorage files, IWebHostEnvironment env, JobLeases leases, ILogger<RetentionJob> log) : BackgroundService
{
    public const string Lease = "retention";

    private static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    /// <summary>
    /// Anonymises every outside borrower past the retention period; returns how many (0 when another instance holds
    /// the <c>retention</c> lease). The lease is given back at the end.
    /// </summary>
    public Task<int> RunOnceAsync(DateTime nowUtc, CancellationToken ct = default) => RunLeasedAsync(nowUtc, keepUntilUtc: null, ct);

    /// <summary>The daily run: after a run that succeeded, the lease is kept for 23 hours, so the other instances' timers skip.</summary>
    private async Task<int> RunLeasedAsync(DateTime nowUtc, DateTime? keepUntilUtc, CancellationToken ct)
    {
        if (!await leases.TryTakeAsync(Lease, nowUtc, nowUtc.AddMinutes(30), ct))
        {
            log.LogInformation("Retention: another instance holds the lease; not run here");
            return 0;
        }

        var done = false;
        try
        {
            var count = await RunAsync(nowUtc, ct);
            done = true;
            return count;
        }
        finally
        {
            if (done && keepUntilUtc is { } until)
            {
                await leases.HoldUntilAsync(Lease, until, CancellationToken.None);
            }
            else
            {
                await leases.ReleaseAsync(Lease);
            }
        }
    }

    private async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Security.ApplyChallenge.ForgetOldAsync(db, nowUtc, ct);
        var settings = await Settings.LoadAsync(db, ct);
        var cutoff = nowUtc.AddDays(-settings.RetentionDays);
        var due = await db.Borrowers
            .Where(b => b.Kind != BorrowerKind.Staff && b.AnonymisedAtUtc == null
                && db.Loans.Any(l => l.BorrowerId == b.Id)
                && !db.Loans.Any(l => l.BorrowerId == b.Id && !LoanTransitions.FinishedStatuses.Contains(l.Status))
                // The last history entry of a finished loan is the step that finished it.
                && !db.Loans.Where(l => l.BorrowerId == b.Id).SelectMany(l => l.History).Any(h => h.AtUtc > cutoff))
            .ToListAsync(ct);
        foreach (var borrower in due)
        {
            borrower.Anonymise(nowUtc);
        }

        var ids = due.Select(b => b.Id).ToList();
        var loans = await db.Loans.Whole().Where(l => ids.Contains(l.BorrowerId)).ToListAsync(ct);
        var signatures = loans.Select(l => l.AnonymisePersonalData()).OfType<string>().ToList();
        var loanIds = loans.Select(l => l.Id).ToList();
        var notifications = await db.Notifications.Where(n => n.LoanId != null && loanIds.Contains(n.LoanId.Value)).ToListAsync(ct);
        db.Notifications.RemoveRange(notifications);
        db.LineLinkRequests.RemoveRange(await db.LineLinkRequests.Where(r => r.BorrowerId != null && ids.Contains(r.BorrowerId.Value)).ToListAsync(ct));

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            DeleteFiles(signatures, notifications);
            log.LogInformation("Retention: anonymised {Count} outside borrowers whose loans finished before {Cutoff:O}", due.Count, cutoff);
        }

        return due.Count;
    }

    /// <summary>After the commit: the signature images and the mails written as files for those loans.</summary>
    private void DeleteFiles(List<string> signatures, List<Data.NotificationMessage> notifications)
    {
        var mailDir = Path.GetFullPath(config["Mail:PickupDirectory"] ?? "App_Data/mail", env.ContentRootPath);
        var paths = signatures.Select(files.PathOf)
            .Concat(notifications.Select(n => Path.Combine(mailDir, $"{n.CreatedAtUtc:yyyyMMddHHmmss}-{n.Id}.eml")));
        foreach (var path in paths.OfType<string>().Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("BackgroundJobs:Enabled", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var now = time.GetUtcNow().UtcDateTime;
                await RunLeasedAsync(now, now + Interval - TimeSpan.FromHours(1), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Retention job failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
