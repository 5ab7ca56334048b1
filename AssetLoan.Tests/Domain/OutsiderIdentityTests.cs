using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// domain.md §5 borrower standing for outsiders (decision 0005): which earlier borrower records are the same outside
/// borrower — a person by national ID, an organisation by exact name and phone.
/// </summary>
public sealed class OutsiderIdentityTests
{
    [Fact]
    public void Person_SameNationalId_IsTheSameOutsiderWhateverTheNameOrPhone()
    {
        var earlier = Person("นายทองใบ ใจซื่อ", "0812223333", "lookup-a");
        var now = Person("นายทองใบ  ใจซื่อ (พ่อหลวง)", "0899999999", "lookup-a");
        Assert.True(Matches(now, earlier));
    }

    [Fact]
    public void Person_SamePhoneOtherNationalId_IsSomeoneElse()
    {
        // Families share a phone; a spouse's overdue loan is not this person's.
        var earlier = Person("นางบัวผัน ใจซื่อ", "0812223333", "lookup-a");
        var now = Person("นายทองใบ ใจซื่อ", "0812223333", "lookup-b");
        Assert.False(Matches(now, earlier));
    }

    [Fact]
    public void Person_WithoutNationalId_MatchesNobody()
    {
        var earlier = Person("นายทองใบ ใจซื่อ", "0812223333", null);
        var now = Person("นายทองใบ ใจซื่อ", "0812223333", null);
        Assert.False(Matches(now, earlier));
    }

    [Theory]
    [InlineData(BorrowerKind.Temple, BorrowerKind.Temple, true)]
    [InlineData(BorrowerKind.CommunityGroup, BorrowerKind.School, true)]
    [InlineData(BorrowerKind.Temple, BorrowerKind.Person, false)]
    [InlineData(BorrowerKind.Temple, BorrowerKind.Staff, false)]
    public void Organisation_SameNameAndPhone_IsTheSameOutsiderOfAnyOrganisationKind(BorrowerKind now, BorrowerKind earlier, bool expected)
    {
        var before = new Borrower(earlier, "วัดแม่คือ", Contact("053000000"));
        Assert.Equal(expected, Matches(new Borrower(now, "วัดแม่คือ", Contact("053000000")), before));
    }

    [Theory]
    [InlineData("วัดแม่คือ", "053000001")]
    [InlineData("วัดป่าแม่คือ", "053000000")]
    public void Organisation_OtherNameOrOtherPhone_IsAnotherOrganisation(string name, string phone)
    {
        var earlier = BorrowerBuilder.Of(BorrowerKind.Temple);
        Assert.False(Matches(new Borrower(BorrowerKind.Temple, name, Contact(phone)), earlier));
    }

    [Fact]
    public void Organisation_NameTypedWithSpacesAround_IsStillTheSameName()
    {
        var earlier = BorrowerBuilder.Of(BorrowerKind.Temple);
        Assert.True(Matches(new Borrower(BorrowerKind.Temple, "  วัดแม่คือ ", Contact("053000000")), earlier));
    }

    [Fact]
    public void Staff_AreNeverMatchedAsOutsiders()
    {
        var staff = BorrowerBuilder.Staff(Actors.Employee);
        Assert.False(Matches(staff, BorrowerBuilder.Staff(Actors.Employee)));
    }

    private static bool Matches(Borrower applicant, Borrower earlier) => Borrower.SameOutsiderAs(applicant).Compile()(earlier);

    private static Borrower Person(string name, string phone, string? lookup)
    {
        var borrower = new Borrower(BorrowerKind.Person, name, Contact(phone));
        if (lookup is not null)
        {
            borrower.SetNationalId("cipher", lookup, "1103700012346");
        }

        return borrower;
    }

    private static BorrowerContact Contact(string phone) => new(phone, null, null, null, null, null, null);
}
