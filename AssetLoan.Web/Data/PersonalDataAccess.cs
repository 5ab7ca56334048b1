using System.Globalization;
using AssetLoan.Domain.Borrowers;

namespace AssetLoan.Web.Data;

/// <summary>
/// PDPA (domain.md §10): every full view of a national ID is an audit event in the same hash chain as the entity
/// changes, written by <see cref="AuditWriter"/>'s own append path.
/// </summary>
public static class PersonalDataAccess
{
    public const string ViewNationalIdAction = "ViewNationalId";

    /// <summary>Records that the current actor was shown the full national ID of <paramref name="borrowerId"/>.</summary>
    public static async Task RecordNationalIdViewAsync(this AppDbContext db, int borrowerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditWriter.AppendAsync(db,
            [new AuditWriter.AuditEntry(nameof(Borrower), borrowerId.ToString(CultureInfo.InvariantCulture), ViewNationalIdAction, null, null)], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
