using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Jobs;

/// <summary>
/// Once at start-up and every morning (06:00 Bangkok): expire approved loans nobody picked up and requests nobody
/// approved before their start date, and queue the "due
/// tomorrow" and "overdue" reminders, once per loan per day. With several instances only the one that takes the
/// <c>daily-jobs</c> lease runs (<see cref="JobLeases"/>). Off when <c>BackgroundJobs:Enabled</c> is false; tests call
/// <see cref="RunOnceAsync"/> with the fake clock.
/// </summary>
public sealed class DailyJobs(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time, JobLeases leases, ILogger<DailyJobs> log) : BackgroundService
{
    public const string Lease = "daily-jobs";

    public static readonly TimeOnly RunAt = new(6, 0);

    /// <summary>The longest a run may take before another instance may start one (the lease's first term).</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(30);

    /// <summary>
    /// One run now, unless another instance is running the jobs (then <see cref="DailyJobResult.Ran"/> is false). The
    /// lease is given back at the end, so a second call runs again (and queues no reminder twice).
    /// </summary>
    public Task<DailyJobResult> RunOnceAsync(DateTime nowUtc, CancellationToken ct = default) => RunLeasedAsync(nowUtc, keepUntilUtc: null, ct);

    /// <summary>
    /// The scheduled run (at start-up and each morning): after a run that succeeded the lease is kept until a minute before
    /// the next 06:00, so the other instances' wake-ups and restarts that day find it taken and skip.
    /// </summary>
    public Task<DailyJobResult> RunScheduledAsync(DateTime nowUtc, CancellationToken ct = default) =>
        RunLeasedAsync(nowUtc, nowUtc + UntilNextRun(nowUtc) - TimeSpan.FromMinutes(1), ct);

    private async Task<DailyJobResult> RunLeasedAsync(DateTime nowUtc, DateTime? keepUntilUtc, CancellationToken ct)
    {
        if (!await leases.TryTakeAsync(Lease, nowUtc, nowUtc + RunLimit, ct))
        {
            log.LogInformation("Daily jobs: another instance holds the lease; not run here");
            return DailyJobResult.Elsewhere;
        }

        var done = false;
        try
        {
            var result = await RunAsync(nowUtc, ct);
            done = true;
            return result;
        }
        finally
        {
            if (done && keepUntilUtc is { } until && until > nowUtc)
            {
                await leases.HoldUntilAsync(Lease, until, CancellationToken.None);
            }
            else
            {
                await leases.ReleaseAsync(Lease);
            }
        }
    }

    private async Task<DailyJobResult> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = BangkokTime.Today(nowUtc);

        var expired = await db.ExpireStaleAsync(nowUtc, loanId: null, ct);

        var tomorrow = today.AddDays(1);
        var dueTomorrow = await db.Loans.AsNoTracking().Out().Where(l => l.DueOn == tomorrow).Select(l => l.Id).ToListAsync(ct);
        var overdue = await db.Loans.AsNoTracking().Overdue(today, await db.WorkingCalendarAsync(ct)).Select(l => l.Id).ToListAsync(ct);
        var remindedDueTomorrow = await RemindOncePerDayAsync(db, dueTomorrow, NotificationTemplates.DueTomorrow, today, nowUtc, ct);
        var remindedOverdue = await RemindOncePerDayAsync(db, overdue, NotificationTemplates.Overdue, today, nowUtc, ct);
        var shortNotices = await NoticeShortBeforePickupAsync(db, today, nowUtc, ct);
        await db.SaveChangesAsync(ct);

        log.LogInformation("Daily jobs for {Today}: {Expired} expired, {DueTomorrow} due-tomorrow and {Overdue} overdue reminders queued, {Short} approved loans short before pickup",
            today, expired, remindedDueTomorrow, remindedOverdue, shortNotices);
        return new DailyJobResult(expired, remindedDueTomorrow, remindedOverdue, ShortBeforePickup: shortNotices);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("BackgroundJobs:Enabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunScheduledAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Daily jobs failed");
            }

            await Task.Delay(UntilNextRun(time.GetUtcNow().UtcDateTime), time, stoppingToken);
        }
    }

    /// <summary>The wait until the next 06:00 in Bangkok.</summary>
    public static TimeSpan UntilNextRun(DateTime nowUtc)
    {
        var today = BangkokTime.Today(nowUtc);
        var next = BangkokTime.StartOfDayUtc(today).Add(RunAt.ToTimeSpan());
        if (next <= nowUtc)
        {
            next = BangkokTime.StartOfDayUtc(today.AddDays(1)).Add(RunAt.ToTimeSpan());
        }

        return next - nowUtc;
    }

    /// <summary>How far ahead the desk looks for handovers that may be short (issue 11 §3).</summary>
    public const int ShortLookAheadDays = 14;

    /// <summary>
    /// Approved loans starting within <see cref="ShortLookAheadDays"/> whose items the shelf check finds short (the same
    /// question the desk's flags ask): the borrower and the officers are told once per loan, days before the counter.
    /// </summary>
    private static async Task<int> NoticeShortBeforePickupAsync(AppDbContext db, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var horizon = today.AddDays(ShortLookAheadDays);
        var upcoming = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Approved && l.StartOn <= horizon).Select(l => l.Id).ToListAsync(ct);
        if (upcoming.Count == 0)
        {
            return 0;
        }

        var conflicts = await db.ShelfConflictsAsync(upcoming, today, await db.WorkingCalendarAsync(ct), ct);
        var shortIds = conflicts.Keys.ToList();
        var told = await db.Notifications.AsNoTracking()
            .Where(n => (n.TemplateKey == NotificationTemplates.ShortBeforePickup || n.TemplateKey == NotificationTemplates.ActShortBeforePickup) && n.LoanId != null && shortIds.Contains(n.LoanId.Value))
            .Select(n => n.LoanId!.Value).Distinct().ToListAsync(ct);
        var count = 0;
        foreach (var id in shortIds.Except(told))
        {
            await OutboxWriter.QueueShortBeforePickupAsync(db, id, nowUtc, ct);
            count++;
        }

        return count;
    }

    /// <summary>Loans reminded with <paramref name="key"/> today (Bangkok) are skipped, so restarts never send twice.</summary>
    private static async Task<int> RemindOncePerDayAsync(AppDbContext db, IReadOnlyList<int> loanIds, string key, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var since = BangkokTime.StartOfDayUtc(today);
        var done = await db.Notifications.AsNoTracking()
            .Where(n => n.TemplateKey == key && n.CreatedAtUtc >= since && n.LoanId != null && loanIds.Contains(n.LoanId.Value))
            .Select(n => n.LoanId!.Value).Distinct().ToListAsync(ct);
        var count = 0;
        foreach (var id in loanIds.Except(done))
        {
            count += await OutboxWriter.QueueAsync(db, id, key, nowUtc, ct) > 0 ? 1 : 0;
        }

        return count;
    }
}

/// <summary><paramref name="Ran"/>: false when another instance held the lease and nothing was done here.</summary>
public sealed record DailyJobResult(int Expired, int DueTomorrowReminders, int OverdueReminders, bool Ran = true, int ShortBeforePickup = 0)
{
    public static readonly DailyJobResult Elsewhere = new(0, 0, 0, Ran: false);
}

public static class JobsRegistration
{
    /// <summary>The daily jobs and the notification dispatcher: singletons (tests call RunOnceAsync) and hosted services.</summary>
    public static IServiceCollection AddAssetLoanBackgroundJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobLeases>();
        services.AddSingleton<DailyJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyJobs>());
        services.AddHttpClient(Line.LinePush.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<Line.LineSecrets>().AddSingleton<Line.LinePush>().AddSingleton<Line.LineLinkThrottle>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
