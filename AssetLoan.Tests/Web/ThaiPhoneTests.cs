using AssetLoan.Web.Pages.Apply;

namespace AssetLoan.Tests.Web;

public sealed class ThaiPhoneTests
{
    [Theory]
    [InlineData("081-234-5678", "0812345678")]
    [InlineData("081 234 5678", "0812345678")]
    [InlineData("+66 81 234 5678", "0812345678")]
    [InlineData("66812345678", "0812345678")]
    [InlineData("053-123-456", "053123456")]
    [InlineData("02 123 4567", "021234567")]
    [InlineData("0612345678", "0612345678")]
    public void Normalize_ThaiFormats_GiveDigitsWithLeadingZero(string input, string expected) =>
        Assert.Equal(expected, ThaiPhone.Normalize(input));

    [Theory]
    [InlineData("12345")]
    [InlineData("0812345")]
    [InlineData("08123456789")]
    [InlineData("0112345678")]
    [InlineData("+1 555 123 4567")]
    [InlineData("โทร 0812345678")]
    [InlineData("")]
    public void Normalize_NotAThaiNumber_IsNull(string input) => Assert.Null(ThaiPhone.Normalize(input));
}
