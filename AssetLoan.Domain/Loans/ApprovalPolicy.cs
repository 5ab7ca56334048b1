using AssetLoan.Domain.People;

namespace AssetLoan.Domain.Loans;

/// <summary>
/// Settings the regulation leaves to the municipality (domain.md §4–§5), with the regulation's defaults.
/// A delegation order may, for example, give off-premises approval to the FinanceDirector.
/// </summary>
public sealed record ApprovalPolicy(
    Role OnPremisesApprover = Role.FinanceDirector,
    Role OffPremisesApprover = Role.Executive,
    Role InterAgencyApprover = Role.Executive,
    Role ConsumableApprover = Role.Executive,
    int DefaultMaxLoanDays = 7,
    bool BorrowerStandingRule = true,
    int ExpireAfterDays = 3,
    int BookingHorizonDays = 365)
{
    public static ApprovalPolicy Default { get; } = new();

    /// <summary>A loan may start at most <see cref="BookingHorizonDays"/> days ahead; a later start is a typing mistake (a CE year, a wrong year).</summary>
    public void EnsureStartWithinHorizon(DateOnly startOn, DateOnly today) =>
        DomainRuleException.ThrowIf(startOn > today.AddDays(BookingHorizonDays), "Loan.StartBeyondHorizon",
            $"A loan may start at most {BookingHorizonDays} days ahead.");

    public Role ApproverFor(LoanCase loanCase) => loanCase switch
    {
        LoanCase.OnPremises => OnPremisesApprover,
        LoanCase.OffPremises => OffPremisesApprover,
        LoanCase.InterAgency => InterAgencyApprover,
        _ => ConsumableApprover,
    };

    /// <summary>The head of the agency (Executive) may approve any case; otherwise the configured role.</summary>
    public bool MayApprove(Actor actor, LoanCase loanCase) =>
        actor.Has(ApproverFor(loanCase)) || actor.Has(Role.Executive);

    public static LoanCase Propose(Borrowers.BorrowerKind kind, bool offPremises, bool anyConsumable) =>
        kind == Borrowers.BorrowerKind.Agency
            ? anyConsumable ? LoanCase.ConsumableInterAgency : LoanCase.InterAgency
            : offPremises ? LoanCase.OffPremises : LoanCase.OnPremises;
}
