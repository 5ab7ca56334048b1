using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>Queries behind the public application (/apply) and its tracking (/track).</summary>
public static class PublicApplicationQueries
{
    /// <summary>Applications still in progress: filed and not yet handed over, rejected, cancelled or expired.</summary>
    public static IQueryable<Loan> InProgress(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Submitted || l.Status == LoanStatus.Endorsed || l.Status == LoanStatus.SentBack
            || l.Status == LoanStatus.Checked || l.Status == LoanStatus.Approved);

    /// <summary>
    /// Outside borrowers who applied before with this national ID (look-up hash) or this phone: the open-application
    /// cap counts by either, to slow down floods. Borrower standing matches identity more strictly
    /// (<see cref="Borrower.SameOutsiderAs"/>).
    /// </summary>
    public static IQueryable<Borrower> SameApplicant(this IQueryable<Borrower> borrowers, string? nationalIdLookup, string phone) =>
        borrowers.Where(b => b.Kind != BorrowerKind.Staff
            && ((nationalIdLookup != null && b.NationalIdLookup == nationalIdLookup) || b.Phone == phone));

    /// <summary>How many applications in progress one national ID or one phone holds (the cap of <see cref="Settings.OpenApplicationCap"/>).</summary>
    public static Task<int> OpenApplicationCountAsync(this AppDbContext db, string? nationalIdLookup, string phone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var borrowerIds = db.Borrowers.SameApplicant(nationalIdLookup, phone).Select(b => b.Id);
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
