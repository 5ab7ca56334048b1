using System.Globalization;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// What an outside borrower does through the private tracking link that changes nothing in the loan (a wrong phone
/// number, a calendar downloaded) is an audit event in the same hash chain as the changes (issue 16 §2). Wrong phone
/// numbers also count against the link: after <see cref="WrongPhoneLimit"/> in <see cref="WrongPhoneWindow"/> the
/// link refuses its actions until the window has passed, on top of the per-address limit on anonymous posts.
/// </summary>
public static class TrackingLinkAudit
{
    public const string WrongPhoneAction = "TrackWrongPhone";

    public const string CalendarAction = "TrackCalendar";

    public const int WrongPhoneLimit = 5;

    public static readonly TimeSpan WrongPhoneWindow = TimeSpan.FromMinutes(15);

    public static async Task RecordAsync(this AppDbContext db, int loanId, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditWriter.AppendAsync(db,
            [new AuditWriter.AuditEntry(nameof(Loan), loanId.ToString(CultureInfo.InvariantCulture), action, null, null)], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Whether the link has seen <see cref="WrongPhoneLimit"/> wrong numbers within <see cref="WrongPhoneWindow"/>.</summary>
    public static async Task<bool> LockedAsync(this AppDbContext db, int loanId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = loanId.ToString(CultureInfo.InvariantCulture);
        var since = nowUtc - WrongPhoneWindow;
        return await db.AuditEvents.CountAsync(e => e.EntityType == nameof(Loan) && e.EntityId == id && e.Action == WrongPhoneAction && e.AtUtc > since, ct)
            >= WrongPhoneLimit;
    }
}
