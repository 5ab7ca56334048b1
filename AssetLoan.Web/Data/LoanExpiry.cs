using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// Expiry (domain.md §5): an approved loan nobody picked up in time, and a request nobody approved before its start
/// date, expire and release their reservation; the outbox tells the borrower. Run by the daily job for every loan and
/// on access for the loan being opened, so a stale request never waits for the next morning to stop holding stock.
/// </summary>
public static class LoanExpiry
{
    /// <summary>Expires the stale loans (only <paramref name="loanId"/> when given); returns how many expired.</summary>
    public static async Task<int> ExpireStaleAsync(this AppDbContext db, DateTime nowUtc, int? loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = BangkokTime.Today(nowUtc);
        var candidates = db.Loans.Where(l => loanId == null || l.Id == loanId)
            .Where(l => (LoanTransitions.AwaitingPickupStatuses.Contains(l.Status) && (l.DueOn < today || l.StartOn < today))
                || (LoanTransitions.UndecidedStatuses.Contains(l.Status) && l.StartOn < today));
        if (!await candidates.AnyAsync(ct))
        {
            return 0;
        }

        var afterDays = (await Settings.LoadAsync(db, ct)).Policy.ExpireAfterDays;
        var loans = await candidates.Whole().ToListAsync(ct);
        var expired = 0;
        foreach (var loan in loans.Where(l => l.ShouldExpire(today, afterDays)))
        {
            loan.Expire(today, afterDays, nowUtc);
            expired++;
        }

        if (expired > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return expired;
    }

    /// <summary>On access: expires the loan about to be shown if it is stale; a concurrent change simply wins.</summary>
    public static async Task ExpireIfStaleAsync(this AppDbContext db, int loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.ExpireStaleAsync(db.Time.GetUtcNow().UtcDateTime, loanId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
