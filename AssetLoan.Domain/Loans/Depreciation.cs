namespace AssetLoan.Domain.Loans;

/// <summary>Why the value at the time of borrowing cannot be worked out from the register.</summary>
public enum ValueUnknownReason
{
    /// <summary>No price (or a price of 0) is recorded.</summary>
    PriceUnknown,

    /// <summary>No acquisition date is recorded.</summary>
    AcquisitionDateUnknown,

    /// <summary>The useful life is not recorded (0 years).</summary>
    UsefulLifeUnknown,

    /// <summary>The recorded acquisition date is after the date the value is asked for (a wrong date in the register).</summary>
    AcquiredAfterHandover,
}

/// <summary>
/// The value at the time of borrowing: an amount, or "unknown" with the reason. An unknown value is never replaced by the
/// full price (issue 13 §7): the officer types the amount and its written basis instead.
/// </summary>
public readonly record struct DepreciatedValue(decimal? Amount, ValueUnknownReason? Unknown)
{
    public bool IsKnown => Amount is not null;

    public static DepreciatedValue Of(decimal amount) => new(amount, null);

    public static DepreciatedValue UnknownBecause(ValueUnknownReason reason) => new(null, reason);
}

/// <summary>
/// ข้อ ๒๐๙ "the value at the time of borrowing": straight-line depreciation of the acquisition price over the useful
/// life up to the handover date, never below the salvage value. Rounded to the satang. When the price, the acquisition
/// date or the useful life is not recorded, or the acquisition date is after the date asked for, the value is unknown.
/// </summary>
public static class Depreciation
{
    public static DepreciatedValue ValueAt(decimal price, DateOnly? acquiredOn, int usefulLifeYears, decimal salvageValue, DateOnly on)
    {
        if (price <= 0)
        {
            return DepreciatedValue.UnknownBecause(ValueUnknownReason.PriceUnknown);
        }

        if (acquiredOn is not { } acquired)
        {
            return DepreciatedValue.UnknownBecause(ValueUnknownReason.AcquisitionDateUnknown);
        }

        if (usefulLifeYears <= 0)
        {
            return DepreciatedValue.UnknownBecause(ValueUnknownReason.UsefulLifeUnknown);
        }

        if (on < acquired)
        {
            return DepreciatedValue.UnknownBecause(ValueUnknownReason.AcquiredAfterHandover);
        }

        var floor = Math.Min(Math.Max(salvageValue, 0m), price);
        var lifeEnd = acquired.AddYears(usefulLifeYears);
        if (on >= lifeEnd)
        {
            return DepreciatedValue.Of(floor);
        }

        var lifeDays = lifeEnd.DayNumber - acquired.DayNumber;
        var usedDays = on.DayNumber - acquired.DayNumber;
        var value = price - ((price - floor) * usedDays / lifeDays);
        return DepreciatedValue.Of(Math.Round(Math.Max(floor, value), 2, MidpointRounding.AwayFromZero));
    }
}
