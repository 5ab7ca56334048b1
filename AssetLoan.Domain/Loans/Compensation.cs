using AssetLoan.Domain.People;

namespace AssetLoan.Domain.Loans;

public enum CompensationKind
{
    Damaged,
    Lost,

    /// <summary>A checklist part did not come back (e.g. tent pegs).</summary>
    MissingParts,
}

/// <summary>ข้อ ๒๐๙: repair at own cost, replace in kind, or pay the value at the time of borrowing.</summary>
public enum CompensationMethod
{
    Repair,
    Replace,
    Pay,
}

public enum CompensationStatus
{
    /// <summary>Opened at return; the officer has not decided yet.</summary>
    Open,

    /// <summary>The officer decided method and amount; waiting for the FinanceDirector.</summary>
    Decided,

    /// <summary>Confirmed by the FinanceDirector; waiting for settlement.</summary>
    Confirmed,

    Settled,
}

/// <summary>A damage or loss case opened by a return, part of the loan aggregate.</summary>
public sealed class CompensationCase
{
    internal CompensationCase(int loanLineId, int? assetId, string? assetNumber, CompensationKind kind, int quantity, decimal? proposedAmount, string? description)
    {
        LoanLineId = loanLineId;
        AssetId = assetId;
        AssetNumber = assetNumber;
        Kind = kind;
        Quantity = quantity;
        ProposedAmount = proposedAmount;
        Description = description;
    }

    private CompensationCase()
    {
    }

    public int Id { get; private set; }

    public int LoanId { get; private set; }

    public int LoanLineId { get; private set; }

    public int? AssetId { get; private set; }

    public string? AssetNumber { get; private set; }

    public CompensationKind Kind { get; private set; }

    public int Quantity { get; private set; }

    public string? Description { get; private set; }

    /// <summary>
    /// The depreciated value at the time of borrowing (the default proposal); null when the register does not give it
    /// (no price, acquisition date or useful life, or acquired after the handover): the officer types amount and basis.
    /// </summary>
    public decimal? ProposedAmount { get; private set; }

    public CompensationStatus Status { get; private set; }

    public CompensationMethod? Method { get; private set; }

    public decimal? FinalAmount { get; private set; }

    public string? Basis { get; private set; }

    /// <summary>The deciding officer's account; null only for cases decided before accounts were recorded.</summary>
    public string? DecidedByUserId { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? ConfirmedByUserId { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public DateOnly? SettledOn { get; private set; }

    public string? ReceiptNumber { get; private set; }

    public string? SettlementNote { get; private set; }

    /// <summary>บันทึกการรับชดใช้: the money received, when the receipt was recorded with its amount.</summary>
    public decimal? ReceivedAmount { get; private set; }

    public string? SettledByUserId { get; private set; }

    public string? SettledByName { get; private set; }

    public bool IsSettled => Status == CompensationStatus.Settled;

    internal void Decide(Actor officer, CompensationMethod method, decimal amount, string? basis, DateTime nowUtc)
    {
        DomainRuleException.ThrowIf(Status is CompensationStatus.Confirmed or CompensationStatus.Settled,
            "Compensation.AlreadyConfirmed", "A confirmed case cannot be decided again.");
        DomainRuleException.ThrowIf(!officer.Has(Role.SuppliesOfficer), "Compensation.OfficerOnly", "Only a supplies officer decides a case.");
        DomainRuleException.ThrowIf(amount < 0, "Compensation.AmountNegative", "The amount cannot be negative.");
        DomainRuleException.ThrowIf(method == CompensationMethod.Pay && amount == 0, "Compensation.AmountRequired", "Paying the value needs an amount.");
        if (string.IsNullOrWhiteSpace(basis) && NeedsBasis(method, amount, ProposedAmount))
        {
            throw ProposedAmount is null
                ? new DomainRuleException("Compensation.ValueUnknownBasisRequired", "The value at the time of borrowing is unknown: type the amount and its written basis.")
                : new DomainRuleException("Compensation.BasisRequired", "An amount other than the proposed value needs a written basis.");
        }

        Method = method;
        FinalAmount = amount;
        Basis = string.IsNullOrWhiteSpace(basis) ? null : basis.Trim();
        DecidedByUserId = officer.UserId;
        DecidedByName = officer.Name;
        DecidedAtUtc = nowUtc;
        Status = CompensationStatus.Decided;
    }

    internal void Confirm(Actor director, DateTime nowUtc)
    {
        DomainRuleException.ThrowIf(Status != CompensationStatus.Decided, "Compensation.NotDecided", "The officer has not decided this case yet.");
        DomainRuleException.ThrowIf(!director.Has(Role.FinanceDirector), "Compensation.DirectorOnly", "Only the FinanceDirector confirms compensation.");
        DomainRuleException.ThrowIf(IsDecider(director), "Compensation.ConfirmerIsDecider",
            "The person who decided the compensation cannot also confirm it.");
        ConfirmedByUserId = director.UserId;
        ConfirmedByName = director.Name;
        ConfirmedAtUtc = nowUtc;
        Status = CompensationStatus.Confirmed;
    }

    internal void Settle(Actor officer, DateOnly settledOn, decimal? receivedAmount, string? receiptNumber, string? note)
    {
        DomainRuleException.ThrowIf(Status != CompensationStatus.Confirmed, "Compensation.NotConfirmed", "The FinanceDirector has not confirmed this case yet.");
        DomainRuleException.ThrowIf(Method == CompensationMethod.Pay && string.IsNullOrWhiteSpace(receiptNumber),
            "Compensation.ReceiptRequired", "A payment needs the receipt number.");
        DomainRuleException.ThrowIf(Method == CompensationMethod.Pay && receivedAmount is null,
            "Compensation.ReceivedAmountRequired", "A payment records the amount received.");

        // ข้อ ๒๐๙: the value confirmed is what is owed; a different sum is not this settlement (a new decision is).
        DomainRuleException.ThrowIf(receivedAmount is { } received && (Method != CompensationMethod.Pay || received != FinalAmount),
            "Compensation.AmountMismatch", "The amount received must equal the confirmed amount of a payment.");
        ReceivedAmount = receivedAmount;
        SettledByUserId = officer.UserId;
        SettledByName = officer.Name;
        SettledOn = settledOn;
        ReceiptNumber = string.IsNullOrWhiteSpace(receiptNumber) ? null : receiptNumber.Trim();
        SettlementNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = CompensationStatus.Settled;
    }

    /// <summary>
    /// Whether a decision needs a written basis: a repair at no cost to the municipality (amount 0) never does; otherwise
    /// an unknown proposed value always does, and a known one does when the amount differs from it.
    /// </summary>
    public static bool NeedsBasis(CompensationMethod method, decimal amount, decimal? proposedAmount) =>
        !(method == CompensationMethod.Repair && amount == 0) && (proposedAmount is null || amount != proposedAmount);

    // Separation of duties: the FinanceDirector checks someone else's decision. Cases decided before the account was
    // recorded fall back to the name, which errs on the side of refusing.
    private bool IsDecider(Actor actor) => DecidedByUserId is not null
        ? DecidedByUserId == actor.UserId
        : DecidedByName is not null && string.Equals(DecidedByName, actor.Name, StringComparison.Ordinal);
}
