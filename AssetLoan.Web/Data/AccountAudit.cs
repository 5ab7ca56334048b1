using AssetLoan.Web.Identity;

namespace AssetLoan.Web.Data;

/// <summary>
/// Account events that change no audited field (a password hash and security stamp never enter the trail), written
/// into the same hash chain through <see cref="AuditWriter"/>'s append path, as <see cref="PersonalDataAccess"/> does.
/// </summary>
public static class AccountAudit
{
    public const string PasswordResetAction = "PasswordReset";

    /// <summary>A recovery code stood in for the authenticator at sign-in (the code itself never enters the trail).</summary>
    public const string RecoveryCodeUsedAction = "RecoveryCodeUsed";

    /// <summary>The user replaced their recovery codes with new ones.</summary>
    public const string RecoveryCodesRenewedAction = "RecoveryCodesRenewed";

    /// <summary>
    /// Records that the current actor set a new password for <paramref name="userId"/>: who, whose and when, never the
    /// password or its hash. Call it inside the transaction that saves the reset, then save.
    /// </summary>
    public static Task RecordPasswordResetAsync(this AppDbContext db, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AuditWriter.AppendAsync(db, [new AuditWriter.AuditEntry(nameof(AppUser), userId, PasswordResetAction, null, null)], ct);
    }

    /// <summary>
    /// Records a security event of <paramref name="userId"/>'s account (<see cref="RecoveryCodeUsedAction"/>,
    /// <see cref="RecoveryCodesRenewedAction"/>): which, whose and when, never a code. Saved in a transaction of its own.
    /// </summary>
    public static async Task RecordAccountEventAsync(this AppDbContext db, string userId, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditWriter.AppendAsync(db, [new AuditWriter.AuditEntry(nameof(AppUser), userId, action, null, null)], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
