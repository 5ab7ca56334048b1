using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Jobs;

/// <summary>
/// Once at start-up and every morning (06:00 Bangkok): expire approved loans nobody picked up and requests nobody
/// approved before their start date, and queue the "due
/// tomorrow" and "overdue" reminders, once per loan per day. Off when <c>BackgroundJobs:Enabled</c> is false; tests call
/// <see cref="RunOnceAsync"/> with the fake clock.
/// </summary>
public sealed class DailyJobs(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time, ILogger<DailyJobs> log) : BackgroundService
{
    public static readonly TimeOnly RunAt = new(6, 0);

    public async Task<DailyJobResult> RunOnceAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = BangkokTime.Today(nowUtc);

        var expired = await db.ExpireStaleAsync(nowUtc, loanId: null, ct);

        var tomorrow = today.AddDays(1);
        var dueTomorrow = await db.Loans.AsNoTracking().Out().Where(l => l.DueOn == tomorrow).Select(l => l.Id).ToListAsync(ct);
        var overdue = await db.Loans.AsNoTracking().Overdue(today).Select(l => l.Id).ToListAsync(ct);
        var remindedDueTomorrow = await RemindOncePerDayAsync(db, dueTomorrow, NotificationTemplates.DueTomorrow, today, nowUtc, ct);
        var remindedOverdue = await RemindOncePerDayAsync(db, overdue, NotificationTemplates.Overdue, today, nowUtc, ct);
        await db.SaveChangesAsync(ct);

        log.LogInformation("Daily jobs for {Today}: {Expired} expired, {DueTomorrow} due-tomorrow and {Overdue} overdue reminders queued",
            today, expired, remindedDueTomorrow, remindedOverdue);
        return new DailyJobResult(expired, remindedDueTomorrow, remindedOverdue);
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
                await RunOnceAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
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

public sealed record DailyJobResult(int Expired, int DueTomorrowReminders, int OverdueReminders);

public static class JobsRegistration
{
    /// <summary>The daily jobs and the notification dispatcher: singletons (tests call RunOnceAsync) and hosted services.</summary>
    public static IServiceCollection AddAssetLoanBackgroundJobs(this IServiceCollection services)
    {
        services.AddSingleton<DailyJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyJobs>());
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
