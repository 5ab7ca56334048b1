namespace AssetLoan.Domain.Loans;

/// <summary>
/// ข้อ ๒๐๙ "the value at the time of borrowing": straight-line depreciation of the acquisition price over the useful
/// life up to the handover date, never below the salvage value. Rounded to the satang.
/// </summary>
public static class Depreciation
{
    public static decimal ValueAt(decimal price, DateOnly? acquiredOn, int usefulLifeYears, decimal salvageValue, DateOnly on)
    {
        if (price <= 0)
        {
            return 0m;
        }

        var floor = Math.Min(salvageValue, price);
        if (acquiredOn is null || usefulLifeYears <= 0 || on <= acquiredOn.Value)
        {
            return price;
        }

        var lifeEnd = acquiredOn.Value.AddYears(usefulLifeYears);
        if (on >= lifeEnd)
        {
            return floor;
        }

        var lifeDays = lifeEnd.DayNumber - acquiredOn.Value.DayNumber;
        var usedDays = on.DayNumber - acquiredOn.Value.DayNumber;
        var value = price - ((price - floor) * usedDays / lifeDays);
        return Math.Round(Math.Max(floor, value), 2, MidpointRounding.AwayFromZero);
    }
}
