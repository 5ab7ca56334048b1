using AssetLoan.Domain.Loans;
using CsCheck;

namespace AssetLoan.Tests.Domain;

/// <summary>ข้อ ๒๐๙ "the value at the time of borrowing", worked by hand (days counted between the dates).</summary>
public sealed class DepreciationTests
{
    [Theory]
    // A tent: 18,500 bought 15 Mar 2021, 5 years (1,826 days with 29 Feb 2024), salvage 1.
    // 914 days used on 15 Sep 2023: 18,500 − 18,499 × 914 / 1,826 = 18,500 − 9,259.63 = 9,240.37.
    [InlineData(18_500, "2021-03-15", 5, 1, "2023-09-15", 9_240.37)]
    // A projector: 24,900 bought 20 Feb 2022, 5 years, salvage 1; 1,739 of 1,826 days used: 24,900 − 24,899 × 1,739 / 1,826 = 1,187.32.
    [InlineData(24_900, "2022-02-20", 5, 1, "2026-11-25", 1_187.32)]
    // A table: 1,200 bought 1 Oct 2022, 3 years (1,096 days), no salvage; half its life (548 days) used: 600.00.
    [InlineData(1_200, "2022-10-01", 3, 0, "2024-04-01", 600.00)]
    // Salvage 1,000 of 10,000 over 4 years (1,461 days), 731 days used: 10,000 − 9,000 × 731 / 1,461 = 5,496.92.
    [InlineData(10_000, "2024-01-01", 4, 1_000, "2026-01-01", 5_496.92)]
    // On the acquisition day the full price (before it the value is unknown, below).
    [InlineData(18_500, "2021-03-15", 5, 1, "2021-03-15", 18_500)]
    // At the end of the life and after it, the salvage value and never below it.
    [InlineData(18_500, "2021-03-15", 5, 1, "2026-03-15", 1)]
    [InlineData(18_500, "2021-03-15", 5, 1, "2040-01-01", 1)]
    // A salvage value above the price is capped at the price.
    [InlineData(500, "2021-03-15", 5, 900, "2023-01-01", 500)]
    public void ValueAt_WorkedExamples(decimal price, string acquired, int lifeYears, decimal salvage, string on, decimal expected)
    {
        var value = Depreciation.ValueAt(price, DateOnly.Parse(acquired, System.Globalization.CultureInfo.InvariantCulture), lifeYears, salvage, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DepreciatedValue.Of(expected), value);
    }

    [Theory]
    // A tent of 4,900 with no acquisition date in the register: unknown, not the full price.
    [InlineData(4_900, null, 5, 1, "2026-11-25", ValueUnknownReason.AcquisitionDateUnknown)]
    // Bought 1 Jan 2020 but no useful life recorded (0 years): unknown.
    [InlineData(4_900, "2020-01-01", 0, 1, "2026-11-25", ValueUnknownReason.UsefulLifeUnknown)]
    // The register says bought 1 Dec 2026, after the handover on 25 Nov 2026: a wrong date, so unknown.
    [InlineData(4_900, "2026-12-01", 5, 1, "2026-11-25", ValueUnknownReason.AcquiredAfterHandover)]
    // No price recorded (0): unknown, not a free item.
    [InlineData(0, "2020-01-01", 5, 1, "2026-11-25", ValueUnknownReason.PriceUnknown)]
    public void ValueAt_WhatTheRegisterDoesNotSay_IsUnknownWithTheReason(decimal price, string? acquired, int lifeYears, decimal salvage, string on, ValueUnknownReason reason)
    {
        var acquiredOn = acquired is null ? (DateOnly?)null : DateOnly.Parse(acquired, System.Globalization.CultureInfo.InvariantCulture);

        var value = Depreciation.ValueAt(price, acquiredOn, lifeYears, salvage, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DepreciatedValue.UnknownBecause(reason), value);
        Assert.False(value.IsKnown);
    }

    /// <summary>
    /// What truly holds for every price, date, life and salvage: the value is known exactly when price, acquisition date
    /// and life are recorded and the acquisition is not after the date; a known value lies between the salvage floor
    /// (capped at the price) and the price; it is the full price only on the acquisition day (or when the floor is the
    /// price); it never rises as the date moves on; and from the end of the life it is the floor.
    /// </summary>
    [Fact]
    public void ValueAt_Property_BetweenFloorAndPrice_FullOnlyOnTheDayBought_NeverRising()
    {
        var day = Gen.Int[0, 9_000].Select(d => new DateOnly(2000, 1, 1).AddDays(d));
        var money = Gen.Int[0, 5_000_000].Select(satang => satang / 100m);
        var input = Gen.Select(money, Gen.Select(Gen.Int[0, 4], day, (none, d) => none == 0 ? (DateOnly?)null : d),
            Gen.Int[0, 20], money, Gen.Select(day, Gen.Int[0, 400]));

        input.Sample((price, acquired, life, salvage, dates) =>
        {
            var (on, later) = (dates.Item1, dates.Item1.AddDays(dates.Item2));
            var value = Depreciation.ValueAt(price, acquired, life, salvage, on);
            var recorded = price > 0 && acquired is not null && life > 0 && on >= acquired;
            if (value.IsKnown != recorded)
            {
                return false;
            }

            if (!recorded)
            {
                return value.Unknown is not null;
            }

            var floor = Math.Min(salvage, price);
            var amount = value.Amount!.Value;
            var next = Depreciation.ValueAt(price, acquired, life, salvage, later).Amount!.Value;
            var lifeOver = on >= acquired!.Value.AddYears(life);
            return amount <= price && amount >= floor
                && (amount != price || on == acquired || floor == price || LessThanHalfASatangUsed(price, floor, acquired.Value, life, on))
                && next <= amount
                && (!lifeOver || amount == floor);
        }, iter: 5_000);
    }

    // The only other way to the full price: so little of the value is used that it rounds away.
    private static bool LessThanHalfASatangUsed(decimal price, decimal floor, DateOnly acquired, int life, DateOnly on)
    {
        var lifeDays = acquired.AddYears(life).DayNumber - acquired.DayNumber;
        return (price - floor) * (on.DayNumber - acquired.DayNumber) / lifeDays < 0.005m;
    }

    [Fact]
    public void ValueAt_TheDayItWasBought_IsThePrice() =>
        Assert.Equal(DepreciatedValue.Of(4_900m), Depreciation.ValueAt(4_900m, new DateOnly(2026, 11, 25), 5, 1m, new DateOnly(2026, 11, 25)));
}
