namespace AssetLoan.Domain.Assets;

/// <summary>ครุภัณฑ์: one numbered unit of a catalogue item, with its own asset number and QR tag.</summary>
public sealed class Asset
{
    public Asset(int catalogueItemId, string assetNumber, string tag, AssetDetails details)
    {
        CatalogueItemId = catalogueItemId;
        AssetNumber = AssetNumbers.Normalize(assetNumber);
        Tag = Tags.Require(tag);
        Update(details);
    }

    private Asset()
    {
    }

    public int Id { get; private set; }

    public int CatalogueItemId { get; private set; }

    /// <summary>หมายเลขครุภัณฑ์ from the municipality's register: an opaque string, never recomputed.</summary>
    public string AssetNumber { get; private set; } = "";

    public string Tag { get; private set; } = "";

    public string? SerialNumber { get; private set; }

    public DateOnly? AcquiredOn { get; private set; }

    public decimal Price { get; private set; }

    public int? DivisionId { get; private set; }

    public string? Location { get; private set; }

    public string? Condition { get; private set; }

    public AssetStatus Status { get; private set; } = AssetStatus.Available;

    public string? Notes { get; private set; }

    public DateTime? RetiredAtUtc { get; private set; }

    public string? RetiredReason { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsRetired => RetiredAtUtc is not null;

    /// <summary>Units that may be reserved for a future period (not lost, disposed, under repair or retired).</summary>
    public bool IsLendable => !IsRetired && Status is AssetStatus.Available or AssetStatus.OnLoan;

    public void Update(AssetDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        DomainRuleException.ThrowIf(d.Price < 0, "Asset.PriceNegative", "The price cannot be negative.");
        SerialNumber = Clean(d.SerialNumber);
        AcquiredOn = d.AcquiredOn;
        Price = d.Price;
        DivisionId = d.DivisionId;
        Location = Clean(d.Location);
        Condition = Clean(d.Condition);
        Notes = Clean(d.Notes);
        Touch();
    }

    public void Renumber(string assetNumber)
    {
        AssetNumber = AssetNumbers.Normalize(assetNumber);
        Touch();
    }

    /// <summary>Officer sets the physical state from the registry (e.g. back from repair). Loans move it through their own methods.</summary>
    public void SetStatus(AssetStatus status)
    {
        DomainRuleException.ThrowIf(IsRetired, "Asset.Retired", "A retired asset cannot change status.");
        DomainRuleException.ThrowIf(Status == AssetStatus.OnLoan || status == AssetStatus.OnLoan,
            "Asset.OnLoanByLoanOnly", "Only a handover or a return changes whether an asset is on loan.");
        Status = status;
        Touch();
    }

    public void Retire(string reason, DateTime nowUtc)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "Asset.RetireReasonRequired", "State why the asset is retired.");
        DomainRuleException.ThrowIf(Status == AssetStatus.OnLoan, "Asset.RetireOnLoan", "An asset on loan cannot be retired.");
        DomainRuleException.ThrowIf(IsRetired, "Asset.AlreadyRetired", "The asset is already retired.");
        RetiredAtUtc = nowUtc;
        RetiredReason = reason.Trim();
        Status = AssetStatus.Disposed;
        Touch();
    }

    internal void MarkOnLoan()
    {
        DomainRuleException.ThrowIf(Status != AssetStatus.Available || IsRetired, "Asset.NotAvailable",
            "The unit is not available to hand over.");
        Status = AssetStatus.OnLoan;
        Touch();
    }

    internal void MarkReturned(ReturnCondition condition)
    {
        Status = condition switch
        {
            ReturnCondition.Good => AssetStatus.Available,
            ReturnCondition.Damaged => AssetStatus.UnderRepair,
            _ => AssetStatus.Lost,
        };
        Touch();
    }

    public void Touch() => Version = Guid.NewGuid();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record AssetDetails(
    DateOnly? AcquiredOn,
    decimal Price,
    int? DivisionId,
    string? Location,
    string? Condition,
    string? Notes,
    string? SerialNumber = null);

public enum ReturnCondition
{
    Good,
    Damaged,
    Lost,
}
