using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>Queries behind the public application (/apply) and its tracking (/track).</summary>
public static class PublicApplicationQueries
{
    /// <summary>Applications still in progress: filed and not yet handed over, rejected, cancelled or expired.</summary>
    public static IQueryable<Loan> InProgress(this IQueryable<Loan> loans) =>
        loans.Where(l => LoanTransitions.InProgressStatuses.Contains(l.Status));

    /// <summary>
    /// How many applications in progress the same outside borrower holds (the cap of <see cref="Settings.OpenApplicationCap"/>):
    /// counted per identity (<see cref="Borrower.SameOutsiderAs"/>), so two people who share a phone have a cap each.
    /// </summary>
    public static Task<int> OpenApplicationCountAsync(this AppDbContext db, Borrower applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(applicant);
        var borrowerIds = db.Borrowers.Where(Borrower.SameOutsiderAs(applicant)).Select(b => b.Id);
        return db.Loans.InProgress().CountAsync(l => borrowerIds.Contains(l.BorrowerId), ct);
    }

    /// <summary>The tracking token of an outside application, when both the reference and the applicant's phone match.</summary>
    public static Task<string?> TrackingTokenAsync(this AppDbContext db, string reference, string phone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Loans.AsNoTracking()
            .Where(l => l.Reference == reference && l.TrackingToken != null
                && db.Borrowers.Any(b => b.Id == l.BorrowerId && b.Phone == phone))
            .Select(l => l.TrackingToken)
            .SingleOrDefaultAsync(ct);
    }
}
