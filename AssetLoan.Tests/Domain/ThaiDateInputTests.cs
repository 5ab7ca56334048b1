using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>What a person types into a date field: day/month/Buddhist-Era year only, read once, never 543 years late.</summary>
public sealed class ThaiDateInputTests
{
    [Theory]
    [InlineData("25/12/2569", 2026, 12, 25)]
    [InlineData("5/1/2570", 2027, 1, 5)]
    [InlineData("05-01-2570", 2027, 1, 5)]
    [InlineData("5.1.2570", 2027, 1, 5)]
    [InlineData(" 25/12/2569 ", 2026, 12, 25)]
    [InlineData("๒๕/๑๒/๒๕๖๙", 2026, 12, 25)]
    [InlineData("29/02/2567", 2024, 2, 29)]
    [InlineData("29/02/2571", 2028, 2, 29)]
    public void TryParseBuddhist_DayMonthBuddhistYear_IsThatDay(string text, int y, int m, int d)
    {
        Assert.True(ThaiDate.TryParseBuddhist(text, out var date, out var problem));
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.Equal(ThaiDateProblem.None, problem);
    }

    [Fact]
    public void TryParseBuddhist_2569_Is2026NotYear3112()
    {
        Assert.True(ThaiDate.TryParseBuddhist("25/12/2569", out var date, out _));
        Assert.Equal(2026, date.Year);
        Assert.Equal("25 ธันวาคม 2569", ThaiDate.FormatLong(date));
    }

    [Theory]
    [InlineData("25/12/2026", ThaiDateProblem.YearNotBuddhist)]
    [InlineData("25/12/2499", ThaiDateProblem.YearNotBuddhist)]
    [InlineData("2569-12-25", ThaiDateProblem.Format)]
    [InlineData("2026-12-25", ThaiDateProblem.Format)]
    [InlineData("25/12/69", ThaiDateProblem.Format)]
    [InlineData("25/12", ThaiDateProblem.Format)]
    [InlineData("พรุ่งนี้", ThaiDateProblem.Format)]
    [InlineData("25/ธค/2569", ThaiDateProblem.Format)]
    [InlineData("-1/12/2569", ThaiDateProblem.Format)]
    [InlineData("123/12/2569", ThaiDateProblem.Format)]
    [InlineData("29/02/2569", ThaiDateProblem.NoSuchDay)]
    [InlineData("29/02/2570", ThaiDateProblem.NoSuchDay)]
    [InlineData("31/04/2569", ThaiDateProblem.NoSuchDay)]
    [InlineData("0/12/2569", ThaiDateProblem.NoSuchDay)]
    [InlineData("12/13/2569", ThaiDateProblem.NoSuchDay)]
    [InlineData("", ThaiDateProblem.Missing)]
    [InlineData("   ", ThaiDateProblem.Missing)]
    [InlineData(null, ThaiDateProblem.Missing)]
    public void TryParseBuddhist_AnythingElse_IsRefusedWithTheReason(string? text, ThaiDateProblem expected)
    {
        Assert.False(ThaiDate.TryParseBuddhist(text, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData(2026, 12, 25)]
    [InlineData(2024, 2, 29)]
    [InlineData(2027, 1, 5)]
    public void InputText_RoundTripsThroughTheParser(int y, int m, int d)
    {
        var date = new DateOnly(y, m, d);
        Assert.True(ThaiDate.TryParseBuddhist(ThaiDate.InputText(date), out var back, out _));
        Assert.Equal(date, back);
    }

    [Fact]
    public void InputText_IsTwoDigitDayAndMonthWithBuddhistYear() =>
        Assert.Equal("05/01/2570", ThaiDate.InputText(new DateOnly(2027, 1, 5)));

    [Theory]
    [InlineData(2026, 11, 25, ThaiDateProblem.None)]
    [InlineData(2027, 11, 25, ThaiDateProblem.None)]
    [InlineData(2027, 11, 26, ThaiDateProblem.BeyondHorizon)]
    [InlineData(2569, 12, 25, ThaiDateProblem.BeyondHorizon)]
    [InlineData(1956, 12, 31, ThaiDateProblem.YearNotBuddhist)]
    public void CheckPlausible_RefusesBefore2500AndBeyondTheHorizon(int y, int m, int d, ThaiDateProblem expected) =>
        Assert.Equal(expected, ThaiDate.CheckPlausible(new DateOnly(y, m, d), new DateOnly(2026, 11, 25), 365));

    [Fact]
    public void EnsureStartWithinHorizon_StartAfterHorizon_Throws()
    {
        var policy = ApprovalPolicy.Default with { BookingHorizonDays = 30 };
        var today = new DateOnly(2026, 11, 25);
        policy.EnsureStartWithinHorizon(today.AddDays(30), today);
        var ex = Assert.Throws<DomainRuleException>(() => policy.EnsureStartWithinHorizon(today.AddDays(31), today));
        Assert.Equal("Loan.StartBeyondHorizon", ex.Code);
    }

    [Fact]
    public void BookingHorizon_DefaultsTo365Days() => Assert.Equal(365, ApprovalPolicy.Default.BookingHorizonDays);
}
