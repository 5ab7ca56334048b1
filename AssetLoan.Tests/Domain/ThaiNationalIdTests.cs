using AssetLoan.Domain;
using AssetLoan.Domain.Borrowers;

namespace AssetLoan.Tests.Domain;

public sealed class ThaiNationalIdTests
{
    /// <summary>A valid ID from its first 12 digits, with the check digit computed by hand from the rule in domain.md §10.</summary>
    public static string WithCheckDigit(string first12)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * (13 - i);
        }

        return first12 + ((11 - (sum % 11)) % 10);
    }

    [Theory]
    [InlineData("110370001234")]
    [InlineData("350990012345")]
    [InlineData("812345678901")]
    [InlineData("500000000000")]
    public void Validate_ComputedCheckDigit_IsValid(string first12)
    {
        var id = WithCheckDigit(first12);
        Assert.Null(ThaiNationalId.Validate(id));
        Assert.Null(ThaiNationalId.Validate(ThaiNationalId.Format(id)));
    }

    [Fact]
    public void CheckDigit_KnownExample_MatchesHandComputation()
    {
        // 1-1037-00012-34-?: Σ = 1·13+1·12+0·11+3·10+7·9+0·8+0·7+0·6+1·5+2·4+3·3+4·2 = 148; 148 mod 11 = 5; (11 − 5) mod 10 = 6.
        Assert.Equal(6, ThaiNationalId.CheckDigit("110370001234"));
        Assert.Null(ThaiNationalId.Validate("1103700012346"));
    }

    [Fact]
    public void Validate_WrongCheckDigit_SaysSo()
    {
        var id = WithCheckDigit("110370001234");
        var wrong = id[..12] + (char)('0' + ((id[12] - '0' + 1) % 10));
        Assert.Equal(NationalIdProblem.WrongCheckDigit, ThaiNationalId.Validate(wrong));
    }

    [Theory]
    [InlineData("110370001234")]
    [InlineData("11037000123456")]
    [InlineData("1-1037-00012-3")]
    [InlineData("11037000123a6")]
    public void Validate_NotThirteenDigits_IsWrongLength(string input) =>
        Assert.Equal(NationalIdProblem.WrongLength, ThaiNationalId.Validate(input));

    [Theory]
    [InlineData("010370001234")]
    [InlineData("910370001234")]
    public void Validate_LeadingZeroOrNine_IsWrongFirstDigit(string first12) =>
        Assert.Equal(NationalIdProblem.WrongFirstDigit, ThaiNationalId.Validate(WithCheckDigit(first12)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    public void Validate_Empty_IsMissing(string? input) =>
        Assert.Equal(NationalIdProblem.Missing, ThaiNationalId.Validate(input));

    [Fact]
    public void Normalize_Invalid_Throws() =>
        Assert.Equal("NationalId.Invalid", Assert.Throws<DomainRuleException>(() => ThaiNationalId.Normalize("1234567890123")).Code);

    [Fact]
    public void Mask_ShowsOnlyTheLastThreeDigits() =>
        Assert.Equal("x-xxxx-xxxxx-34-6", ThaiNationalId.Mask("1103700012346"));
}
