using AssetLoan.Domain;
using AssetLoan.Domain.Assets;

namespace AssetLoan.Tests.Domain;

public sealed class AssetNumbersTests
{
    // 15 March 2021 is in พ.ศ. 2564.
    private static readonly DateOnly March2021 = new(2021, 3, 15);

    [Theory]
    [InlineData(new string[0], "490-64-0001")]
    [InlineData(new[] { "490-64-0001", "490-64-0002" }, "490-64-0003")]
    [InlineData(new[] { "490-64-0001", "490-64-0007" }, "490-64-0008")]
    [InlineData(new[] { "490-63-0009", "416-64-0005", "490-64-0002-A" }, "490-64-0001")]
    [InlineData(new[] { "490-64-00A1", "490-64-", "490-64-0003" }, "490-64-0004")]
    [InlineData(new[] { "490-64-9999" }, "490-64-10000")]
    public void ProposeNext_DefaultTemplate_TakesOnePastTheHighestRunningNumberOfTheSameCategoryAndYear(string[] existing, string expected)
    {
        Assert.Equal(expected, AssetNumbers.ProposeNext(null, "490", March2021, existing));
    }

    [Fact]
    public void ProposeNext_FourDigitYearAndSuffix_KeepsPrefixAndSuffix()
    {
        string[] existing = ["ครุภัณฑ์/2564/007-ก", "ครุภัณฑ์/2564/012-ข", "ครุภัณฑ์/2563/099-ก"];

        var next = AssetNumbers.ProposeNext("ครุภัณฑ์/{yyyy}/{000}-ก", "490", March2021, existing);

        Assert.Equal("ครุภัณฑ์/2564/008-ก", next);
    }

    [Fact]
    public void ProposeNext_ThaiPrefixTemplate_CountsOnlyMatchingNumbers()
    {
        string[] existing = ["พย7110-006-024-335", "พย7110-006-024-337", "พย7110-006-025-900"];

        var next = AssetNumbers.ProposeNext("พย7110-006-024-{000}", "430", March2021, existing);

        Assert.Equal("พย7110-006-024-338", next);
    }

    [Fact]
    public void ProposeNext_TemplateWithoutRunningNumber_ReturnsTheFilledTemplate()
    {
        Assert.Equal("416-2564", AssetNumbers.ProposeNext("{category}-{yyyy}", "416", March2021, ["416-2564"]));
    }

    [Theory]
    [InlineData(2021, 12, 31, "490-64-0001")]
    [InlineData(2022, 1, 1, "490-65-0001")]
    public void ProposeNext_YearIsTheBuddhistCalendarYearOfTheAcquisitionDate(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, AssetNumbers.ProposeNext(AssetNumbers.DefaultTemplate, "490", new DateOnly(year, month, day), []));
    }

    [Fact]
    public void Prefix_IsTheFixedTextBeforeTheRunningNumber()
    {
        Assert.Equal("490-64-", AssetNumbers.Prefix(null, "490", March2021));
        Assert.Equal("ครุภัณฑ์/2564/", AssetNumbers.Prefix("ครุภัณฑ์/{yyyy}/{000}-ก", "490", March2021));
    }

    [Theory]
    [InlineData("  416-64-0001  ", "416-64-0001")]
    [InlineData("416-64   0001", "416-64 0001")]
    [InlineData("พย7110-006-024-335", "พย7110-006-024-335")]
    public void Normalize_TrimsAndCollapsesSpaces_KeepsEverythingElse(string typed, string expected)
    {
        Assert.Equal(expected, AssetNumbers.Normalize(typed));
    }

    [Theory]
    [InlineData(null, "Asset.NumberRequired")]
    [InlineData("   ", "Asset.NumberRequired")]
    [InlineData("416-64\u00070001", "Asset.NumberInvalid")]
    public void Normalize_BadNumber_ThrowsWithCode(string? typed, string code)
    {
        var ex = Assert.Throws<DomainRuleException>(() => AssetNumbers.Normalize(typed));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Normalize_SixtyOneCharacters_IsTooLong_SixtyIsFine()
    {
        Assert.Equal(60, AssetNumbers.Normalize(new string('9', 60)).Length);
        var ex = Assert.Throws<DomainRuleException>(() => AssetNumbers.Normalize(new string('9', 61)));
        Assert.Equal("Asset.NumberTooLong", ex.Code);
    }
}
