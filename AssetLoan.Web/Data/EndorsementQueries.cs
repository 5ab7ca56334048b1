using AssetLoan.Domain.Loans;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// Who endorses a staff request (rule 4 with <see cref="EndorsementRouting"/>): the head of the borrower's division,
/// or — when that division has no enabled DivisionHead — the head of the fallback division (a setting, default กองคลัง).
/// </summary>
public static class EndorsementQueries
{
    /// <summary>Setting: the code of the division whose head endorses for divisions without a head; empty means กองคลัง.</summary>
    public const string FallbackDivisionKey = "Endorsement.FallbackDivision";

    /// <summary>The division named so in the municipality's structure when the setting is empty.</summary>
    public const string DefaultFallbackDivisionName = "กองคลัง";

    /// <summary>Ids of divisions that have at least one enabled DivisionHead.</summary>
    public static IQueryable<int> DivisionsWithHead(this AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               join u in db.Users on ur.UserId equals u.Id
               where r.Name == Roles.DivisionHead && !u.Disabled && u.DivisionId != null
               select u.DivisionId!.Value;
    }

    public static async Task<int?> FallbackDivisionIdAsync(this AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = await db.Settings.AsNoTracking().Where(s => s.Key == FallbackDivisionKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(code)
            ? await db.Divisions.AsNoTracking().Where(d => d.Name == DefaultFallbackDivisionName).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
            : await db.Divisions.AsNoTracking().Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The division whose head endorses requests of <paramref name="borrowerDivisionId"/>'s staff (null: nobody can).</summary>
    public static async Task<int?> EndorsingDivisionAsync(this AppDbContext db, int? borrowerDivisionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (borrowerDivisionId is null)
        {
            return null;
        }

        var hasHead = await db.DivisionsWithHead().AnyAsync(d => d == borrowerDivisionId, ct);
        return EndorsementRouting.EndorsingDivision(borrowerDivisionId, hasHead, hasHead ? null : await db.FallbackDivisionIdAsync(ct));
    }

    /// <summary>
    /// Requests waiting for the endorsement of the head of <paramref name="headDivisionId"/>: their own division's, and,
    /// when it is the fallback division, those of divisions without a head.
    /// </summary>
    public static IQueryable<Loan> AwaitingEndorsementBy(this IQueryable<Loan> loans, AppDbContext db, int headDivisionId, int? fallbackDivisionId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var headed = db.DivisionsWithHead();
        return headDivisionId == fallbackDivisionId
            ? loans.AwaitingEndorsement().Where(l => l.BorrowerDivisionId == headDivisionId || !headed.Contains(l.BorrowerDivisionId!.Value))
            : loans.AwaitingEndorsement().Where(l => l.BorrowerDivisionId == headDivisionId);
    }
}
