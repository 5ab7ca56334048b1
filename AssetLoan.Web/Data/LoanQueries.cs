using AssetLoan.Domain.Loans;

namespace AssetLoan.Web.Data;

/// <summary>Reusable filters over loans, named as the officers speak of them.</summary>
public static class LoanQueries
{
    /// <summary>Loans that hold items for their period: checked (reserved), approved, or out.</summary>
    public static IQueryable<Loan> Holding(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Checked || l.Status == LoanStatus.Approved
            || l.Status == LoanStatus.HandedOver || l.Status == LoanStatus.PartlyReturned);

    public static IQueryable<Loan> Out(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.HandedOver || l.Status == LoanStatus.PartlyReturned);

    /// <summary>Overdue is derived, never stored: out, and today (Bangkok) is after the due date.</summary>
    public static IQueryable<Loan> Overdue(this IQueryable<Loan> loans, DateOnly today) =>
        loans.Out().Where(l => l.DueOn < today);

    /// <summary>Waiting for the supplies check: outsiders' new requests, and staff requests the division head endorsed.</summary>
    public static IQueryable<Loan> ToCheck(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Endorsed
            || (l.Status == LoanStatus.Submitted && l.BorrowerKind != Domain.Borrowers.BorrowerKind.Staff));

    public static IQueryable<Loan> AwaitingEndorsement(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Submitted && l.BorrowerKind == Domain.Borrowers.BorrowerKind.Staff);

    public static IQueryable<Loan> AwaitingApproval(this IQueryable<Loan> loans) =>
        loans.Where(l => l.Status == LoanStatus.Checked);
}
