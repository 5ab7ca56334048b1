using AssetLoan.Domain.Borrowers;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Line;

/// <summary>
/// Linking a LINE account by a one-time code (<see cref="LineLinkCode"/>): the person asks for a code (staff on
/// /account/profile, outside borrowers on their tracking page) and sends it to the municipality's LINE Official
/// Account; the webhook (<see cref="LineWebhook"/>) finds the code and links the sender's LINE user id. A code is kept
/// only as its SHA-256, expires after 30 minutes and is used once; at most five codes per person per hour.
/// </summary>
public static class LineLinking
{
    /// <summary>A new code for an outside borrower or a staff account, or null when five were asked for in the last hour.</summary>
    public static async Task<string?> IssueAsync(AppDbContext db, int? borrowerId, string? userId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if ((borrowerId is null) == (userId is null))
        {
            throw new ArgumentException("A code is for one borrower or one user.", nameof(borrowerId));
        }

        var since = nowUtc.AddHours(-1);
        var recent = await db.LineLinkRequests.CountAsync(r => r.CreatedAtUtc > since && (borrowerId != null ? r.BorrowerId == borrowerId : r.UserId == userId), ct);
        if (recent >= LineLinkCode.PerHour)
        {
            return null;
        }

        var code = LineLinkCode.New();
        db.LineLinkRequests.Add(new LineLinkRequest
        {
            CodeHash = LineLinkCode.Hash(code),
            BorrowerId = borrowerId,
            UserId = userId,
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc + LineLinkCode.Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Links <paramref name="lineUserId"/> to whoever asked for the code in <paramref name="text"/>.</summary>
    public static async Task<LinkOutcome> RedeemAsync(AppDbContext db, string? text, string lineUserId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!ContactChannels.IsLineUserId(lineUserId) || LineLinkCode.Normalize(text) is not { } code)
        {
            return LinkOutcome.NotACode;
        }

        var hash = LineLinkCode.Hash(code);
        var request = await db.LineLinkRequests.SingleOrDefaultAsync(r => r.CodeHash == hash, ct);
        if (request is null || request.UsedAtUtc is not null || request.ExpiresAtUtc <= nowUtc)
        {
            return LinkOutcome.Refused;
        }

        request.UsedAtUtc = nowUtc;
        if (request.BorrowerId is { } borrowerId)
        {
            var borrower = await db.Borrowers.SingleAsync(b => b.Id == borrowerId, ct);
            if (borrower.AnonymisedAtUtc is not null)
            {
                return LinkOutcome.Refused;
            }

            borrower.LinkLine(lineUserId);
        }
        else
        {
            var user = await db.Users.SingleAsync(u => u.Id == request.UserId, ct);
            user.LineUserId = lineUserId;
            user.PreferredChannel = ContactChannel.Line;
        }

        // UsedAtUtc is a concurrency token: of two deliveries of one code, only one links.
        try
        {
            await db.SaveChangesAsync(ct);
            return LinkOutcome.Linked;
        }
        catch (DbUpdateConcurrencyException)
        {
            return LinkOutcome.Refused;
        }
    }
}

public enum LinkOutcome
{
    NotACode,
    Refused,
    Linked,
}

/// <summary>
/// Wrong codes per LINE account over a sliding hour (per instance): past <see cref="LineLinkCode.PerHour"/> the
/// account's messages are ignored until old attempts leave the window, so nobody can guess codes by the thousand.
/// </summary>
public sealed class LineLinkThrottle(TimeProvider time)
{
    private readonly Security.FailureWindow _failures = new(time, TimeSpan.FromHours(1));

    public bool IsThrottled(string lineUserId) => _failures.Count(lineUserId) >= LineLinkCode.PerHour;

    public void RecordFailure(string lineUserId) => _failures.Add(lineUserId);
}
