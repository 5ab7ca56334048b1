namespace AssetLoan.Domain.Assets;

/// <summary>ใช้คงรูป (the same items come back) or ใช้สิ้นเปลือง (returned in kind).</summary>
public enum LendingNature
{
    Durable,
    Consumable,
}

/// <summary>Budget class, independent of the lending nature.</summary>
public enum BudgetClass
{
    /// <summary>ครุภัณฑ์.</summary>
    Equipment,

    /// <summary>ครุภัณฑ์ต่ำกว่าเกณฑ์.</summary>
    BelowThreshold,

    /// <summary>วัสดุ.</summary>
    Material,
}

public enum TrackingMode
{
    /// <summary>Each unit is an asset with its own number and tag.</summary>
    Numbered,

    /// <summary>A quantity on hand with one tag for the pool.</summary>
    Pooled,
}

/// <summary>Who may borrow a catalogue item.</summary>
[Flags]
public enum BorrowerAudience
{
    None = 0,
    Staff = 1,
    Public = 2,
    Agencies = 4,
    Everyone = Staff | Public | Agencies,
}

/// <summary>
/// The physical state of a numbered unit. "Reserved" is not stored: a unit held by a checked loan for a future period
/// is still available today; pages derive it from the loan lines.
/// </summary>
public enum AssetStatus
{
    Available,
    OnLoan,
    UnderRepair,
    Lost,
    Disposed,
}
