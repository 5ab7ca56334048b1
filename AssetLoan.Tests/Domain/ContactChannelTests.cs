using AssetLoan.Domain;
using AssetLoan.Domain.Borrowers;

namespace AssetLoan.Tests.Domain;

/// <summary>Which channel carries a notice (issue 16 §4), the LINE user id as masked personal data, and the link code.</summary>
public sealed class ContactChannelTests
{
    private const string LineId = "U0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(ContactChannel.Line, true, true, true, ContactChannel.Line)]
    [InlineData(ContactChannel.Line, true, true, false, ContactChannel.Email)] // LINE off: e-mail instead
    [InlineData(ContactChannel.Line, true, false, true, ContactChannel.Email)] // not linked: e-mail instead
    [InlineData(ContactChannel.Line, false, false, true, null)]
    [InlineData(ContactChannel.Email, true, true, true, ContactChannel.Email)]
    [InlineData(ContactChannel.Email, false, true, true, ContactChannel.Line)] // no address: LINE instead
    [InlineData(ContactChannel.Email, false, false, true, null)]
    [InlineData(ContactChannel.None, true, true, true, null)]
    public void For_PreferenceAndReach_PicksOneChannelOrNone(ContactChannel preferred, bool hasEmail, bool hasLine, bool lineOn, ContactChannel? expected) =>
        Assert.Equal(expected, ContactChannels.For(preferred, hasEmail, hasLine, lineOn));

    [Fact]
    public void MaskLineUserId_ShowsOnlyTheEnds() => Assert.Equal("U0123…cdef", ContactChannels.MaskLineUserId(LineId));

    [Fact]
    public void LinkLine_ThenAnonymise_RemovesTheLineUserIdAndStopsNotices()
    {
        var borrower = new Borrower(BorrowerKind.Person, "นายทดสอบ ไลน์", new BorrowerContact("0812345678", null, null, null, null, null, null));

        borrower.LinkLine(LineId);
        Assert.Equal((LineId, ContactChannel.Line), (borrower.LineUserId, borrower.PreferredChannel));

        borrower.Anonymise(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((null, ContactChannel.None), (borrower.LineUserId, borrower.PreferredChannel));
    }

    [Fact]
    public void LinkLine_NotALineUserId_Throws()
    {
        var borrower = new Borrower(BorrowerKind.Person, "นายทดสอบ ไลน์", new BorrowerContact(null, null, null, null, null, null, null));
        Assert.Equal("Borrower.LineUserIdInvalid", Assert.Throws<DomainRuleException>(() => borrower.LinkLine("someone")).Code);
    }

    [Fact]
    public void LinkCode_NewCodes_ReadBackFromWhatAPersonTypes()
    {
        var code = LineLinkCode.New();
        Assert.Equal(LineLinkCode.Length, code.Length);
        Assert.Equal(code, LineLinkCode.Normalize($" {LineLinkCode.Display(code).ToLowerInvariant()} "));
        Assert.Null(LineLinkCode.Normalize("hello there"));
        Assert.Null(LineLinkCode.Normalize("0O1IL0O1"));
    }
}
