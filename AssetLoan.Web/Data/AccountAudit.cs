using AssetLoan.Web.Identity;

namespace AssetLoan.Web.Data;

/// <summary>
/// Account events that change no audited field (a password hash and security stamp never enter the trail), written
/// into the same hash chain through <see cref="AuditWriter"/>'s append path, as <see cref="PersonalDataAccess"/> does.
/// </summary>
public static class AccountAudit
{
    public const string PasswordResetAction = "PasswordReset";

    /// <summary>
    /// Records that the current actor set a new password for <paramref name="userId"/>: who, whose and when, never the
    /// password or its hash. Call it inside the transaction that saves the reset, then save.
    /// </summary>
    public static Task RecordPasswordResetAsync(this AppDbContext db, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AuditWriter.AppendAsync(db, [new AuditWriter.AuditEntry(nameof(AppUser), userId, PasswordResetAction, null, null)], ct);
    }
}
