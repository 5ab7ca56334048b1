using AssetLoan.Domain.Borrowers;
using CsCheck;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// The private tracking link's second factor (issue 16 §2): every action through the link needs the phone number on
/// file, typed however a person writes it.
/// </summary>
public sealed class PhoneSecondFactorTests
{
    private static Borrower WithPhone(string? phone) =>
        new(BorrowerKind.Person, "นายทองใบ ใจซื่อ", new BorrowerContact(phone, null, null, null, null, null, null));

    [Theory]
    [InlineData("0812345678")]
    [InlineData("081-234-5678")]
    [InlineData(" 081 234 5678 ")]
    [InlineData("+66 81 234 5678")]
    [InlineData("66812345678")]
    public void SameNumber_HoweverWritten_Matches(string typed) => Assert.True(WithPhone("0812345678").PhoneMatches(typed));

    [Theory]
    [InlineData("0812345679")]
    [InlineData("5678")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("081234567")]
    [InlineData("๐๘๑๒๓๔๕๖๗๘")]
    public void AnotherNumberOrNothing_DoesNotMatch(string? typed) => Assert.False(WithPhone("0812345678").PhoneMatches(typed));

    [Fact]
    public void NoPhoneOnFile_NothingMatches()
    {
        Assert.False(WithPhone(null).PhoneMatches(null));
        Assert.False(WithPhone(null).PhoneMatches(""));
    }

    [Fact]
    public void Anonymised_NoNumberOpensTheLinkAnyMore()
    {
        var borrower = WithPhone("0812345678");
        borrower.Anonymise(DateTime.UtcNow);
        Assert.False(borrower.PhoneMatches("0812345678"));
    }

    [Fact]
    public void AnyMobile_MatchesItselfWithSeparatorsAndNoOtherMobile()
    {
        var mobile = Gen.Select(Gen.Int[0, 2].Select(i => "689"[i]), Gen.Int[0, 99_999_999], (p, rest) => $"0{p}{rest:D8}");
        Gen.Select(mobile, mobile, Gen.Int[0, 2].Select(i => new[] { "", " ", "-" }[i]))
            .Sample((a, b, sep) =>
            {
                var borrower = WithPhone(a);
                var written = $"{a[..3]}{sep}{a[3..6]}{sep}{a[6..]}";
                return borrower.PhoneMatches(written) && borrower.PhoneMatches("+66" + a[1..]) && borrower.PhoneMatches(b) == (a == b);
            }, iter: 2_000);
    }
}
