namespace AssetLoan.Domain.Loans;

/// <summary>
/// domain.md §5: a borrower with an overdue loan or an unsettled damage case cannot start a new request (a setting,
/// on by default).
/// </summary>
public static class BorrowerStanding
{
    public static void Ensure(ApprovalPolicy policy, bool hasOverdueLoan, bool hasUnsettledCase)
    {
        ArgumentNullException.ThrowIfNull(policy);
        DomainRuleException.ThrowIf(policy.BorrowerStandingRule && (hasOverdueLoan || hasUnsettledCase),
            "Loan.BorrowerInBadStanding", "The borrower has an overdue loan or an unsettled damage case.");
    }
}
