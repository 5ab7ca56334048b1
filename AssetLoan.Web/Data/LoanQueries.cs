using System.Linq.Expressions;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Web.Data;

/// <summary>Reusable filters over loans, named as the officers speak of them.</summary>
public static class LoanQueries
{
    // Endorsed, or submitted and needing no endorsement; EF inlines the invoked rule into the SQL.
    private static readonly Expression<Func<Loan, bool>> WaitsForCheck = BuildWaitsForCheck();

    /// <summary>Loans that hold items for their period: checked (reserved), approved, or out.</summary>
    public static IQueryable<Loan> Holding(this IQueryable<Loan> loans) =>
        loans.Where(l => LoanTransitions.HoldingStatuses.Contains(l.Status));

    public static IQueryable<Loan> Out(this IQueryable<Loan> loans) =>
        loans.Where(l => LoanTransitions.OutStatuses.Contains(l.Status));

    /// <summary>Overdue is derived, never stored: out, and today (Bangkok) is after the due date.</summary>
    public static IQueryable<Loan> Overdue(this IQueryable<Loan> loans, DateOnly today) =>
        loans.Out().Where(l => l.DueOn < today);

    /// <summary>
    /// Waiting for the supplies check: new requests that need no endorsement (outsiders', a division head's own) and
    /// endorsed staff requests. Both queues ask <see cref="Loan.NeedsEndorsementRule"/>, so a request is always in one.
    /// </summary>
    public static IQueryable<Loan> ToCheck(this IQueryable<Loan> loans) => loans.Where(WaitsForCheck);

    public static IQueryable<Loan> AwaitingEndorsement(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Submitted).Where(Loan.NeedsEndorsementRule);

    public static IQueryable<Loan> AwaitingApproval(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Checked);

    private static Expression<Func<Loan, bool>> BuildWaitsForCheck()
    {
        Expression<Func<Loan, bool>> endorsed = l => l.Status == LoanStatus.Endorsed;
        Expression<Func<Loan, bool>> submitted = l => l.Status == LoanStatus.Submitted;
        var loan = endorsed.Parameters[0];
        var needsNone = Expression.Not(Expression.Invoke(Loan.NeedsEndorsementRule, loan));
        var submittedNeedsNone = Expression.AndAlso(Expression.Invoke(submitted, loan), needsNone);
        return Expression.Lambda<Func<Loan, bool>>(Expression.OrElse(endorsed.Body, submittedNeedsNone), loan);
    }
}
