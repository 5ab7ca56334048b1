namespace AssetLoan.Domain.Assets;

/// <summary>รายการพัสดุให้ยืม: what borrowers choose ("เต็นท์ ขนาด 4×8 ม.").</summary>
public sealed class CatalogueItem
{
    private readonly List<PoolLot> _lots = [];

    public CatalogueItem(CatalogueItemDetails details, TrackingMode trackingMode, string tag)
    {
        TrackingMode = trackingMode;
        Tag = Tags.Require(tag);
        Update(details);
    }

    private CatalogueItem()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int CategoryId { get; private set; }

    public string UnitNoun { get; private set; } = "";

    public string? Description { get; private set; }

    public string? PhotoPath { get; private set; }

    public LendingNature LendingNature { get; private set; }

    public BudgetClass BudgetClass { get; private set; }

    public TrackingMode TrackingMode { get; private set; }

    public BorrowerAudience Audience { get; private set; }

    public int MaxLoanDays { get; private set; }

    public int UsefulLifeYears { get; private set; }

    public decimal SalvageValue { get; private set; }

    /// <summary>Pools only: the quantity on hand, units under repair included.</summary>
    public int PoolQuantity { get; private set; }

    /// <summary>
    /// Pools only: units on hand that came back damaged (ชำรุดรอซ่อม). They stay in <see cref="PoolQuantity"/> but are
    /// never lent until an officer returns them to stock or writes them off.
    /// </summary>
    public int PoolUnderRepair { get; private set; }

    /// <summary>Pools only: what may be lent at all, the capacity every availability count starts from.</summary>
    public int PoolLendable => Loans.AvailabilityCalculator.PoolCapacity(PoolQuantity, PoolUnderRepair);

    /// <summary>Pools only: unit price and acquisition date used for the value at the time of borrowing (ข้อ ๒๐๙).</summary>
    public decimal PoolUnitPrice { get; private set; }

    public DateOnly? PoolAcquiredOn { get; private set; }

    /// <summary>
    /// Pools only: the lots the officer recorded (ล็อต), each with its own acquisition date and unit price. Units not in a
    /// lot carry the item's <see cref="PoolUnitPrice"/> and <see cref="PoolAcquiredOn"/>.
    /// </summary>
    public IReadOnlyList<PoolLot> Lots => _lots;

    /// <summary>The units the lots account for; never more than <see cref="PoolQuantity"/> when a lot is recorded.</summary>
    public int LotQuantity => _lots.Sum(l => l.Quantity);

    /// <summary>Stable public tag: the QR of a pool, and the catalogue page for numbered items.</summary>
    public string Tag { get; private set; } = "";

    /// <summary>Parts counted at handover and return (tent: 8 poles, canopy, 16 pegs, bag).</summary>
    public IReadOnlyList<string> Checklist => ChecklistText.Length == 0 ? [] : ChecklistText.Split('\n');

    /// <summary>The checklist as stored: one part per line.</summary>
    public string ChecklistText { get; private set; } = "";

    public bool Retired { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsPooled => TrackingMode == TrackingMode.Pooled;

    public bool IsConsumable => LendingNature == LendingNature.Consumable;

    public void Update(CatalogueItemDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(d.Name), "Catalogue.NameRequired", "A catalogue item needs a name.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(d.UnitNoun), "Catalogue.UnitRequired", "A catalogue item needs a unit noun.");
        DomainRuleException.ThrowIf(d.MaxLoanDays is < 1 or > 365, "Catalogue.MaxLoanDaysRange", "Maximum loan days must be 1–365.");
        DomainRuleException.ThrowIf(d.UsefulLifeYears is < 0 or > 100, "Catalogue.UsefulLifeRange", "Useful life must be 0–100 years.");
        DomainRuleException.ThrowIf(d.SalvageValue < 0, "Catalogue.SalvageNegative", "Salvage value cannot be negative.");
        DomainRuleException.ThrowIf(d.Audience == BorrowerAudience.None, "Catalogue.AudienceRequired", "Choose who may borrow the item.");
        Name = d.Name.Trim();
        CategoryId = d.CategoryId;
        UnitNoun = d.UnitNoun.Trim();
        Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim();
        LendingNature = d.LendingNature;
        BudgetClass = d.BudgetClass;
        Audience = d.Audience;
        MaxLoanDays = d.MaxLoanDays;
        UsefulLifeYears = d.UsefulLifeYears;
        SalvageValue = d.SalvageValue;
        ChecklistText = string.Join('\n', (d.Checklist ?? []).Select(c => c.Trim()).Where(c => c.Length > 0));
        Touch();
    }

    public void SetPool(int quantityOnHand, decimal unitPrice, DateOnly? acquiredOn)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has a quantity on hand.");
        DomainRuleException.ThrowIf(quantityOnHand < 0, "Catalogue.PoolNegative", "The quantity on hand cannot be negative.");
        DomainRuleException.ThrowIf(quantityOnHand < PoolUnderRepair, "Catalogue.PoolBelowUnderRepair",
            $"{PoolUnderRepair} units are under repair; the quantity on hand cannot be less.");
        DomainRuleException.ThrowIf(unitPrice < 0, "Catalogue.PriceNegative", "The unit price cannot be negative.");
        // Lost units leave the pool without saying from which lot, so only a lowered count is held to the lots.
        DomainRuleException.ThrowIf(quantityOnHand < PoolQuantity && quantityOnHand < LotQuantity, "Catalogue.PoolBelowLots",
            $"The lots account for {LotQuantity} units; the quantity on hand cannot be less.");
        PoolQuantity = quantityOnHand;
        PoolUnitPrice = unitPrice;
        PoolAcquiredOn = acquiredOn;
        Touch();
    }

    /// <summary>Records a lot (ล็อต) of the pool: at least one unit, a price not below 0, bought no later than today.</summary>
    public PoolLot AddLot(int quantity, DateOnly acquiredOn, decimal unitPrice, DateOnly today)
    {
        EnsureLot(quantity, acquiredOn, unitPrice, today, LotQuantity + quantity, LotQuantity);
        var lot = new PoolLot(quantity, acquiredOn, unitPrice);
        _lots.Add(lot);
        Touch();
        return lot;
    }

    public void ChangeLot(int lotId, int quantity, DateOnly acquiredOn, decimal unitPrice, DateOnly today)
    {
        var lot = Lot(lotId);
        EnsureLot(quantity, acquiredOn, unitPrice, today, LotQuantity - lot.Quantity + quantity, LotQuantity);
        lot.Change(quantity, acquiredOn, unitPrice);
        Touch();
    }

    public void RemoveLot(int lotId)
    {
        _lots.Remove(Lot(lotId));
        Touch();
    }

    /// <summary>ข้อ ๒๐๙: the value of one pool unit on <paramref name="on"/>, from the lots when any are recorded.</summary>
    public Loans.PoolValue PoolValueAt(DateOnly on) => Loans.PoolValuation.ValueAt(this, on);

    /// <summary>Lost pool units leave the pool for good.</summary>
    public void WriteOffPoolUnits(int quantity)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has a quantity on hand.");
        DomainRuleException.ThrowIf(quantity < 0, "Catalogue.PoolNegative", "A quantity cannot be negative.");
        PoolQuantity = Math.Max(0, PoolQuantity - quantity);
        PoolUnderRepair = Math.Min(PoolUnderRepair, PoolQuantity);
        Touch();
    }

    /// <summary>
    /// Pool units inspected as damaged at a return are kept out of lending until repaired. They were counted on hand
    /// while out; if the officer has since lowered the count on hand, that count wins.
    /// </summary>
    public void ReceiveDamagedPoolUnits(int quantity)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has a quantity on hand.");
        DomainRuleException.ThrowIf(quantity < 0, "Catalogue.PoolNegative", "A quantity cannot be negative.");
        PoolUnderRepair = Math.Min(PoolQuantity, PoolUnderRepair + quantity);
        Touch();
    }

    /// <summary>Units a borrower gave in place of lost or damaged ones join the pool.</summary>
    public void ReceiveReplacementPoolUnits(int quantity)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has a quantity on hand.");
        DomainRuleException.ThrowIf(quantity < 0, "Catalogue.PoolNegative", "A quantity cannot be negative.");
        PoolQuantity += quantity;
        Touch();
    }

    /// <summary>ซ่อมเสร็จ/คืนเข้าคลัง: repaired units become lendable again.</summary>
    public void ReturnRepairedPoolUnits(int quantity)
    {
        EnsureUnderRepair(quantity);
        PoolUnderRepair -= quantity;
        Touch();
    }

    /// <summary>จำหน่าย: units beyond repair leave the pool for good.</summary>
    public void WriteOffDamagedPoolUnits(int quantity)
    {
        EnsureUnderRepair(quantity);
        PoolUnderRepair -= quantity;
        PoolQuantity -= quantity;
        Touch();
    }

    public void SetPhoto(string? path)
    {
        PhotoPath = path;
        Touch();
    }

    public void Retire()
    {
        Retired = true;
        Touch();
    }

    public void Reinstate()
    {
        Retired = false;
        Touch();
    }

    public bool MayBeBorrowedBy(Borrowers.BorrowerKind kind) => kind switch
    {
        Borrowers.BorrowerKind.Staff => Audience.HasFlag(BorrowerAudience.Staff),
        Borrowers.BorrowerKind.Agency => Audience.HasFlag(BorrowerAudience.Agencies),
        _ => Audience.HasFlag(BorrowerAudience.Public),
    };

    /// <summary>Renews the concurrency token; called by every change, and by a reservation to serialise competitors.</summary>
    public void Touch() => Version = Guid.NewGuid();

    private PoolLot Lot(int lotId)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has lots.");
        return _lots.SingleOrDefault(l => l.Id == lotId) ?? throw new DomainRuleException("Catalogue.LotUnknown", "The lot is not part of this item.");
    }

    // A change that raises the lots' total must keep it within the pool; one that does not (a price corrected after lost
    // units were written off) is always allowed.
    private void EnsureLot(int quantity, DateOnly acquiredOn, decimal unitPrice, DateOnly today, int newTotal, int oldTotal)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has lots.");
        DomainRuleException.ThrowIf(quantity < 1, "Catalogue.LotQuantityMin", "A lot holds at least one unit.");
        DomainRuleException.ThrowIf(unitPrice < 0, "Catalogue.LotPriceNegative", "The unit price cannot be negative.");
        DomainRuleException.ThrowIf(acquiredOn > today, "Catalogue.LotInFuture", "A lot cannot be acquired after today.");
        DomainRuleException.ThrowIf(newTotal > oldTotal && newTotal > PoolQuantity, "Catalogue.LotsOverPool",
            $"The lots would hold {newTotal} units; the pool has {PoolQuantity}.");
    }

    private void EnsureUnderRepair(int quantity)
    {
        DomainRuleException.ThrowIf(!IsPooled, "Catalogue.NotPooled", "Only a pooled item has a quantity on hand.");
        DomainRuleException.ThrowIf(quantity < 1, "Catalogue.PoolRepairQuantityMin", "The quantity must be at least 1.");
        DomainRuleException.ThrowIf(quantity > PoolUnderRepair, "Catalogue.PoolRepairOverUnderRepair",
            $"Only {PoolUnderRepair} {UnitNoun} are under repair.");
    }
}

public sealed record CatalogueItemDetails(
    string Name,
    int CategoryId,
    string UnitNoun,
    string? Description,
    LendingNature LendingNature,
    BudgetClass BudgetClass,
    BorrowerAudience Audience,
    int MaxLoanDays,
    int UsefulLifeYears,
    decimal SalvageValue,
    IReadOnlyList<string>? Checklist = null);
