using AssetLoan.Domain.Assets;

namespace AssetLoan.Domain.Loans;

/// <summary>A line of a loan: a catalogue item and a quantity, then what was issued and what came back.</summary>
public sealed class LoanLine
{
    private readonly List<LoanUnit> _units = [];

    private readonly List<InKindReceipt> _inKind = [];

    internal LoanLine(CatalogueItem item, int quantity)
    {
        CatalogueItemId = item.Id;
        ItemName = item.Name;
        UnitNoun = item.UnitNoun;
        IsPooled = item.IsPooled;
        ReturnsInKind = item.IsConsumable;
        Quantity = quantity;
    }

    private LoanLine()
    {
    }

    internal void FollowStatus(LoanStatus status) => Holds = LoanTransitions.Holds(status);

    public int Id { get; private set; }

    public int LoanId { get; private set; }

    public int CatalogueItemId { get; private set; }

    /// <summary>Snapshot of the name as requested (the catalogue may be renamed later).</summary>
    public string ItemName { get; private set; } = "";

    public string UnitNoun { get; private set; } = "";

    public bool IsPooled { get; private set; }

    /// <summary>
    /// Whether the loan's status holds stock (<see cref="LoanTransitions.Holds"/>), kept on the line by the loan whenever
    /// its status changes: the commitments query reads the holding lines of an item through their own index instead of
    /// every line the item ever had.
    /// </summary>
    public bool Holds { get; private set; }

    /// <summary>
    /// ใช้สิ้นเปลือง (snapshot at request): the borrowing agency uses the items up and gives back the same kind and
    /// quantity, recorded receipt by receipt in <see cref="InKindReceipts"/>.
    /// </summary>
    public bool ReturnsInKind { get; private set; }

    public int Quantity { get; private set; }

    public int IssuedQuantity { get; private set; }

    public int ReturnedGood { get; private set; }

    public int ReturnedDamaged { get; private set; }

    public int ReturnedLost { get; private set; }

    /// <summary>Value of one unit at the time of borrowing (pools; numbered units carry their own).</summary>
    public decimal? UnitValue { get; private set; }

    /// <summary>Pools with lots: how <see cref="UnitValue"/> was worked out, as the officer reads it (<see cref="PoolValuation"/>).</summary>
    public string? UnitValueBasis { get; private set; }

    public string? HandoverNote { get; private set; }

    public string? ReturnNote { get; private set; }

    public IReadOnlyList<LoanUnit> Units => _units;

    /// <summary>What came back in kind, one receipt per visit (consumable lines only).</summary>
    public IReadOnlyList<InKindReceipt> InKindReceipts => _inKind;

    public int ReturnedQuantity => ReturnedGood + ReturnedDamaged + ReturnedLost;

    public int Outstanding => IssuedQuantity - ReturnedQuantity;

    /// <summary>The quantity this line claims while the loan holds: requested until issue, then what is still out.</summary>
    public int HeldQuantity(LoanStatus status) => LoanTransitions.IsOut(status) ? Outstanding : Quantity;

    /// <summary>A sent-back request corrected by its borrower (no units are reserved then).</summary>
    internal void ChangeQuantity(int quantity) => Quantity = quantity;

    internal void Reserve(IReadOnlyList<Asset> units)
    {
        _units.RemoveAll(u => u.IssuedAtUtc is null);
        foreach (var asset in units)
        {
            _units.Add(new LoanUnit(asset));
        }
    }

    internal void Issue(IReadOnlyList<Asset> units, int poolQuantity, PoolValue? poolValue, Func<Asset, decimal?> unitValue, string? note, DateTime nowUtc)
    {
        HandoverNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (IsPooled)
        {
            IssuedQuantity = poolQuantity;
            UnitValue = poolValue?.Amount;
            UnitValueBasis = poolValue?.Basis;
            return;
        }

        var ids = units.Select(u => u.Id).ToHashSet();
        _units.RemoveAll(u => !ids.Contains(u.AssetId));
        foreach (var asset in units)
        {
            var unit = _units.SingleOrDefault(u => u.AssetId == asset.Id);
            if (unit is null)
            {
                // A substitute for a reserved unit that was not on the shelf.
                unit = new LoanUnit(asset);
                _units.Add(unit);
            }

            unit.Issue(unitValue(asset), nowUtc);
        }

        IssuedQuantity = units.Count;
        // The line's average is known only when every unit's value is.
        var values = units.Select(unitValue).ToList();
        UnitValue = values.Count == 0 ? 0 : values.Any(v => v is null) ? null : Math.Round(values.Sum(v => v!.Value) / values.Count, 2);
    }

    internal void ReceivePool(int good, int damaged, int lost, string? note)
    {
        ReturnedGood += good;
        ReturnedDamaged += damaged;
        ReturnedLost += lost;
        AppendNote(note);
    }

    internal void ReduceTo(int quantity, IReadOnlyList<int>? keepAssetIds)
    {
        Quantity = quantity;
        if (!IsPooled)
        {
            var keep = (keepAssetIds ?? []).ToHashSet();
            _units.RemoveAll(u => u.IssuedAtUtc is null && !keep.Contains(u.AssetId));
        }
    }

    internal void ReceiveInKind(int quantity, string description, string receivedByName, DateOnly receivedOn, DateTime nowUtc, string? note)
    {
        ReceivePool(quantity, 0, 0, note);
        _inKind.Add(new InKindReceipt(receivedOn, quantity, description.Trim(), receivedByName, nowUtc));
    }

    internal void ReceiveUnit(LoanUnit unit, ReturnCondition condition, string? note, DateTime nowUtc)
    {
        unit.Receive(condition, note, nowUtc);
        switch (condition)
        {
            case ReturnCondition.Good: ReturnedGood++; break;
            case ReturnCondition.Damaged: ReturnedDamaged++; break;
            default: ReturnedLost++; break;
        }
    }

    internal void AppendNote(string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            ReturnNote = ReturnNote is null ? note.Trim() : $"{ReturnNote}; {note.Trim()}";
        }
    }
}

/// <summary>
/// One receipt of consumables given back in kind: how many, what exactly (kind, brand, size, lot), who received them and
/// when. The quantity counts back into the pool like any return in good condition.
/// </summary>
public sealed record InKindReceipt(DateOnly ReceivedOn, int Quantity, string Description, string ReceivedByName, DateTime ReceivedAtUtc)
{
    public const int DescriptionMaxLength = 300;
}

/// <summary>A numbered unit reserved for, then issued on, a loan line.</summary>
public sealed class LoanUnit
{
    internal LoanUnit(Asset asset)
    {
        AssetId = asset.Id;
        AssetNumber = asset.AssetNumber;
    }

    private LoanUnit()
    {
    }

    public int Id { get; private set; }

    public int LoanLineId { get; private set; }

    public int AssetId { get; private set; }

    public string AssetNumber { get; private set; } = "";

    /// <summary>Null when the register does not give the value (no price, acquisition date or useful life).</summary>
    public decimal? ValueAtBorrowing { get; private set; }

    public DateTime? IssuedAtUtc { get; private set; }

    public DateTime? ReturnedAtUtc { get; private set; }

    public ReturnCondition? ReturnCondition { get; private set; }

    public string? ReturnNote { get; private set; }

    public bool IsOut => IssuedAtUtc is not null && ReturnedAtUtc is null;

    internal void Issue(decimal? value, DateTime nowUtc)
    {
        ValueAtBorrowing = value;
        IssuedAtUtc = nowUtc;
    }

    internal void Receive(ReturnCondition condition, string? note, DateTime nowUtc)
    {
        ReturnedAtUtc = nowUtc;
        ReturnCondition = condition;
        ReturnNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>One step in the loan's history: who, when, what, from → to.</summary>
public sealed class LoanHistoryEntry
{
    internal LoanHistoryEntry(DateTime atUtc, People.Actor actor, string? actingRole, LoanAction? action, string summary, LoanStatus? from, LoanStatus? to, string? note, string? onAuthorityOf)
    {
        AtUtc = atUtc;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActingRole = actingRole;
        Action = action;
        Summary = summary;
        FromStatus = from;
        ToStatus = to;
        Note = note;
        OnAuthorityOf = onAuthorityOf;
    }

    private LoanHistoryEntry()
    {
    }

    public int Id { get; private set; }

    public int LoanId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string? ActingRole { get; private set; }

    public LoanAction? Action { get; private set; }

    /// <summary>A short machine key ("Submitted", "KeyedIn", "Approved.Paper"); the page localizes it.</summary>
    public string Summary { get; private set; } = "";

    public LoanStatus? FromStatus { get; private set; }

    public LoanStatus? ToStatus { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Keyed in by an officer on whose authority (a paper approval's signer, a walk-in borrower).</summary>
    public string? OnAuthorityOf { get; private set; }

    /// <summary>Retention: a borrower's own name and words go (no account = not an officer); officers' steps stay.</summary>
    internal void AnonymiseBorrowerText()
    {
        if (ActorUserId is null && ActorName != People.Actor.System.Name)
        {
            ActorName = Borrowers.Borrower.AnonymisedText;
            Note = Note is null ? null : Borrowers.Borrower.AnonymisedText;
        }

        if (Summary == "KeyedIn" && OnAuthorityOf is not null)
        {
            OnAuthorityOf = Borrowers.Borrower.AnonymisedText;
        }
    }
}

/// <summary>ทวงถาม: a recorded demand for an overdue loan (ข้อ ๒๑๑).</summary>
public sealed class Demand
{
    internal Demand(DateOnly issuedOn, DemandChannel channel, People.Actor by, string? note, DateTime atUtc, string? letterNumber = null)
    {
        IssuedOn = issuedOn;
        LetterNumber = letterNumber;
        Channel = channel;
        ByUserId = by.UserId;
        ByName = by.Name;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedAtUtc = atUtc;
    }

    private Demand()
    {
    }

    public int Id { get; private set; }

    public int LoanId { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DemandChannel Channel { get; private set; }

    public string? ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public string? Note { get; private set; }

    /// <summary>The outgoing letter's number after the municipality's code ("ที่ ชม ๕๒๓๐๑/123"); set when the demand was a printed letter issued here.</summary>
    public string? LetterNumber { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
}

public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A request to move the due date, decided by the same authority as the loan.</summary>
public sealed class ExtensionRequest
{
    internal ExtensionRequest(DateOnly currentDueOn, DateOnly newDueOn, string reason, People.Actor by, DateTime atUtc)
    {
        PreviousDueOn = currentDueOn;
        RequestedDueOn = newDueOn;
        Reason = reason.Trim();
        RequestedByName = by.Name;
        RequestedAtUtc = atUtc;
    }

    private ExtensionRequest()
    {
    }

    public int Id { get; private set; }

    public int LoanId { get; private set; }

    public DateOnly PreviousDueOn { get; private set; }

    public DateOnly RequestedDueOn { get; private set; }

    public string Reason { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public ExtensionStatus Status { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    internal void Decide(bool approve, People.Actor by, string? note, DateTime atUtc)
    {
        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        DecidedByName = by.Name;
        DecidedAtUtc = atUtc;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
