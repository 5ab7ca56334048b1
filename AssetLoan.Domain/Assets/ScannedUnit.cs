namespace AssetLoan.Domain.Assets;

/// <summary>
/// What a scan field on a numbered line (handover, return) may be given: a unit, found by its tag or its asset number.
/// Nothing found, or the one label a pooled item carries (a pool is counted, never scanned unit by unit), is refused
/// with the reason the officer needs; whether the unit belongs on the line is the loan's question.
/// </summary>
public static class ScannedUnit
{
    /// <summary>The unit scanned; <paramref name="poolLabel"/> when the code is the label of a pooled item.</summary>
    public static Asset Require(Asset? asset, bool poolLabel)
    {
        DomainRuleException.ThrowIf(asset is null && poolLabel, "Loan.ScannedPoolLabel",
            "This is the label of a pooled item, not of a numbered unit; pooled items are entered as a quantity.");
        DomainRuleException.ThrowIf(asset is null, "Loan.UnitUnknown", "Unknown asset.");
        return asset!;
    }
}
