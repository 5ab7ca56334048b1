using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Jobs;

/// <summary>
/// Several instances on one database run each background job once: before a run, an instance takes the job's lease (a
/// row in <c>JobLeases</c>) with one atomic <c>UPDATE … SET Holder = me, ExpiresAtUtc = until WHERE Name = job AND
/// ExpiresAtUtc &lt;= now</c>; only the instance whose update changed the row runs. The lease ends by itself at
/// <c>ExpiresAtUtc</c>, so an instance that dies mid-run blocks the job only until then. The same code runs on SQLite
/// (one instance: the lease is always free) and on PostgreSQL (the row lock makes the second update see the first).
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, ILogger<JobLeases> log)
{
    /// <summary>The expiry of a released lease: long past, so the next instance may take it whatever its clock says.</summary>
    public static readonly DateTime Free = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>This instance, as written in <c>JobLeases.Holder</c>: machine, process and a random part (two hosts in one process differ).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Takes <paramref name="job"/>'s lease until <paramref name="untilUtc"/> if it has expired at <paramref name="nowUtc"/>.</summary>
    public async Task<bool> TryTakeAsync(string job, DateTime nowUtc, DateTime untilUtc, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.JobLeases.AnyAsync(l => l.Name == job, ct))
        {
            db.JobLeases.Add(new JobLease { Name = job, Holder = "", ExpiresAtUtc = Free });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance made the row first.
            }
        }

        var holder = Holder;
        var taken = await db.JobLeases.Where(l => l.Name == job && l.ExpiresAtUtc <= nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, untilUtc), ct) == 1;
        if (!taken)
        {
            log.LogDebug("Job {Job}: the lease is held by another instance", job);
        }

        return taken;
    }

    /// <summary>Moves the end of this instance's lease to <paramref name="untilUtc"/>; false when the lease is no longer ours.</summary>
    public async Task<bool> HoldUntilAsync(string job, DateTime untilUtc, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var holder = Holder;
        return await db.JobLeases.Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, untilUtc), ct) == 1;
    }

    /// <summary>Gives the lease back at once (after a manual run, or a run that failed and should be tried again).</summary>
    public Task ReleaseAsync(string job) => HoldUntilAsync(job, Free, CancellationToken.None);
}
