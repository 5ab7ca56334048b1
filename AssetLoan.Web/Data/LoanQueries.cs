using System.Linq.Expressions;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Overdue is derived, never stored: out, and today (Bangkok) is after the last on-time return day — the due date,
    /// or the first working day after it (<see cref="WorkingCalendar.OverdueIfDueOnOrBefore"/>).
    /// </summary>
    public static IQueryable<Loan> Overdue(this IQueryable<Loan> loans, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var lastOverdueDueOn = calendar.OverdueIfDueOnOrBefore(today);
        return loans.Out().Where(l => l.DueOn <= lastOverdueDueOn);
    }

    /// <summary>
    /// Waiting for the supplies check: new requests that need no endorsement (outsiders', a division head's own) and
    /// endorsed staff requests. Both queues ask <see cref="Loan.NeedsEndorsementRule"/>, so a request is always in one.
    /// </summary>
    public static IQueryable<Loan> ToCheck(this IQueryable<Loan> loans) => loans.Where(WaitsForCheck);

    public static IQueryable<Loan> AwaitingEndorsement(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Submitted).Where(Loan.NeedsEndorsementRule);

    public static IQueryable<Loan> AwaitingApproval(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Checked);

    /// <summary>
    /// Paper approvals waiting for confirmation (issue 14 §9) that <paramref name="actor"/> may confirm: the ids, each
    /// asked of the domain's rule (<c>Loan.ConfirmationRefusal</c>) with the loan's parties, so the work lists show exactly the loans whose confirm button the loan page shows.
    /// </summary>
    public static async Task<List<int>> ConfirmableByAsync(this IQueryable<Loan> loans, AssetLoan.Domain.People.Actor actor, CancellationToken ct)
    {
        var rows = await loans.AsNoTracking().Where(l => l.Status == LoanStatus.PaperApproved)
            .Select(l => new
            {
                l.Id,
                l.ApprovedRole,
                l.BorrowerUserId,
                l.RequestedByUserId,
                RecordedBy = l.History.Where(h => h.Summary == Loan.PaperApprovedSummary).OrderByDescending(h => h.Id).Select(h => h.ActorUserId).FirstOrDefault(),
                CheckedBy = l.History.Where(h => h.Action == LoanAction.Check).OrderByDescending(h => h.Id).Select(h => h.ActorUserId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => Loan.ConfirmationRefusal(actor, r.ApprovedRole, r.RecordedBy, r.CheckedBy, r.BorrowerUserId, r.RequestedByUserId) is null)
            .Select(r => r.Id).ToList();
    }

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
