using AssetLoan.Domain.Loans;

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
    // On the acquisition day, or before it, the full price.
    [InlineData(18_500, "2021-03-15", 5, 1, "2021-03-15", 18_500)]
    [InlineData(18_500, "2021-03-15", 5, 1, "2020-01-01", 18_500)]
    // At the end of the life and after it, the salvage value and never below it.
    [InlineData(18_500, "2021-03-15", 5, 1, "2026-03-15", 1)]
    [InlineData(18_500, "2021-03-15", 5, 1, "2040-01-01", 1)]
    // A salvage value above the price is capped at the price.
    [InlineData(500, "2021-03-15", 5, 900, "2023-01-01", 500)]
    public void ValueAt_WorkedExamples(decimal price, string acquired, int lifeYears, decimal salvage, string on, decimal expected)
    {
        var value = Depreciation.ValueAt(price, DateOnly.Parse(acquired, System.Globalization.CultureInfo.InvariantCulture), lifeYears, salvage, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, value);
    }

    [Fact]
    public void ValueAt_UnknownAcquisitionOrNoLife_IsThePrice()
    {
        Assert.Equal(4_900m, Depreciation.ValueAt(4_900m, null, 5, 1m, new DateOnly(2026, 11, 25)));
        Assert.Equal(4_900m, Depreciation.ValueAt(4_900m, new DateOnly(2020, 1, 1), 0, 1m, new DateOnly(2026, 11, 25)));
    }

    [Fact]
    public void ValueAt_NoPrice_IsZero() =>
        Assert.Equal(0m, Depreciation.ValueAt(0m, new DateOnly(2020, 1, 1), 5, 1m, new DateOnly(2026, 11, 25)));
}
