using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// The one way the loan aggregate is read for a change or a rule: every collection the verbs and rules of
/// <see cref="Loan"/> look at (lines with their units, history, extensions, compensation cases, demands), in split
/// queries. A rule such as <see cref="Loan.NeedsEndorsement"/> reads the history, so a loan loaded any other way could
/// answer it wrongly without warning; <c>LoanAggregateTests</c> fails when an <c>Include</c> of a loan's collection
/// appears anywhere else. Pages that only show a loan read the projection <c>LoanView</c> instead.
/// </summary>
public static class LoanAggregate
{
    /// <summary>The loans of <paramref name="loans"/> with every collection of the aggregate.</summary>
    public static IQueryable<Loan> Whole(this IQueryable<Loan> loans) =>
        loans.Include(l => l.Lines).ThenInclude(l => l.Units)
            .Include(l => l.History)
            .Include(l => l.Extensions)
            .Include(l => l.Compensations)
            .Include(l => l.Demands)
            .AsSplitQuery();

    /// <summary>One loan, whole, tracked for a change (or not, for a read of its rules); null when there is none.</summary>
    public static Task<Loan?> LoanAsync(this AppDbContext db, int id, CancellationToken ct, bool tracked = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        var loans = tracked ? db.Loans : db.Loans.AsNoTracking();
        return loans.Whole().SingleOrDefaultAsync(l => l.Id == id, ct);
    }
}
