using AssetLoan.Domain.Calendar;

namespace AssetLoan.Tests.Domain;

public sealed class ThaiDateTests
{
    [Theory]
    [InlineData(2026, 11, 25, "25 พ.ย. 2569")]
    [InlineData(2027, 1, 1, "1 ม.ค. 2570")]
    [InlineData(2024, 2, 29, "29 ก.พ. 2567")]
    public void Format_UsesBuddhistYearAndThaiMonth(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ThaiDate.Format(new DateOnly(y, m, d)));

    [Fact]
    public void FormatLong_UsesFullMonthName() =>
        Assert.Equal("30 กันยายน 2569", ThaiDate.FormatLong(new DateOnly(2026, 9, 30)));

    [Fact]
    public void ThaiDigits_ReplacesArabicDigitsOnly() =>
        Assert.Equal("๐๐๑๒/๒๕๖๙ ข้อ ๒๑๑", ThaiDate.ThaiDigits("0012/2569 ข้อ 211"));

    [Theory]
    [InlineData("25/11/2569", 2026, 11, 25)]
    [InlineData("1/1/2027", 2027, 1, 1)]
    [InlineData("2026-11-25", 2026, 11, 25)]
    public void TryParse_AcceptsBuddhistAndIso(string text, int y, int m, int d)
    {
        Assert.True(ThaiDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2569")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("1/13/2569")]
    public void TryParse_RejectsImpossibleDates(string text) => Assert.False(ThaiDate.TryParse(text, out _));

    [Fact]
    public void BangkokToday_IsSevenHoursAheadOfUtc()
    {
        Assert.Equal(new DateOnly(2026, 11, 26), BangkokTime.Today(new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 11, 25), BangkokTime.Today(new DateTime(2026, 11, 25, 16, 59, 0, DateTimeKind.Utc)));
    }
}

public sealed class FiscalYearTests
{
    [Theory]
    [InlineData(2025, 10, 1, 2569)]
    [InlineData(2026, 9, 30, 2569)]
    [InlineData(2026, 10, 1, 2570)]
    [InlineData(2026, 11, 25, 2570)]
    [InlineData(2027, 1, 15, 2570)]
    public void Of_StartsOnFirstOctober(int y, int m, int d, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(new DateOnly(y, m, d)).BuddhistYear);

    [Fact]
    public void Bounds_AreFirstOctoberToThirtiethSeptember()
    {
        var fy = new FiscalYear(2570);
        Assert.Equal(new DateOnly(2026, 10, 1), fy.FirstDay);
        Assert.Equal(new DateOnly(2027, 9, 30), fy.LastDay);
        Assert.True(fy.Contains(new DateOnly(2027, 2, 28)));
        Assert.False(fy.Contains(new DateOnly(2026, 9, 30)));
    }

    [Fact]
    public void Months_RunOctoberToSeptember()
    {
        var months = new FiscalYear(2570).Months().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal((2026, 10), months[0]);
        Assert.Equal((2027, 9), months[11]);
    }
}
