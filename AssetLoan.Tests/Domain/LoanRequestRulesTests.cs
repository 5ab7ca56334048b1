using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>domain.md §6 rules 1–3 and §8 numbering: what a request must state to be filed.</summary>
public sealed class LoanRequestRulesTests
{
    private static readonly DateOnly Today = LoanBuilder.Today;
    private static readonly DateTime Now = LoanBuilder.NowUtc;

    [Fact]
    public void Submit_ValidStaffRequest_IsSubmittedWithNumberCaseAndHistory()
    {
        var loan = new LoanBuilder().WithPooled(10).Numbered(12).Build();

        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Equal("0012/2570", loan.Reference);
        Assert.Equal(2570, loan.FiscalYear);
        Assert.Equal(LoanCase.OnPremises, loan.Case);
        Assert.True(loan.NeedsEndorsement);
        var entry = Assert.Single(loan.History);
        Assert.Equal("Submitted", entry.Summary);
        Assert.Equal(Actors.Employee.UserId, entry.ActorUserId);
    }

    [Fact]
    public void Submit_StaffWithoutDivision_Throws()
    {
        // Nobody could endorse it (rule 4): it is refused at filing instead of waiting for ever.
        var noDivision = new ActorBuilder("u-new", "นายใหม่ ยังไม่มีสังกัด").With(Role.Employee).Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(), BorrowerBuilder.Staff(noDivision), filedBy: noDivision));
        Assert.Equal("Loan.StaffWithoutDivision", ex.Code);
    }

    [Fact]
    public void Submit_HeadOfOwnDivision_RecordsTheRoleAndNeedsNoEndorsement()
    {
        var loan = new LoanBuilder().ByStaff(Actors.Head).Build();

        Assert.False(loan.NeedsEndorsement);
        var entry = Assert.Single(loan.History);
        Assert.Equal(Loan.SubmittedSummary, entry.Summary);
        Assert.Equal(nameof(Role.DivisionHead), entry.ActingRole);
    }

    [Theory]
    [InlineData(12, 2569, "0012/2569")]
    [InlineData(1, 2570, "0001/2570")]
    [InlineData(12345, 2570, "12345/2570")]
    public void FormatReference_PadsToFourDigitsWithBuddhistFiscalYear(int number, int year, string expected) =>
        Assert.Equal(expected, Loan.FormatReference(number, year));

    [Theory]
    [InlineData("2026-09-30", 2569)]
    [InlineData("2026-10-01", 2570)]
    public void FiscalYear_StartsOnFirstOfOctober(string date, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).BuddhistYear);

    [Theory]
    [InlineData("", "ห้องประชุม", "Loan.PurposeRequired")]
    [InlineData("   ", "ห้องประชุม", "Loan.PurposeRequired")]
    [InlineData("ประชุม", "", "Loan.PlaceRequired")]
    public void Submit_MissingText_Throws(string purpose, string place, string code)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(purpose: purpose, place: place)));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Submit_PurposeTooLong_Throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(purpose: new string('ก', Loan.PurposeMaxLength + 1))));
        Assert.Equal("Loan.PurposeTooLong", ex.Code);
    }

    [Fact]
    public void Submit_StartBeforeToday_Throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(start: Today.AddDays(-1), due: Today)));
        Assert.Equal("Loan.StartInPast", ex.Code);
    }

    [Fact]
    public void Submit_DueBeforeStart_Throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(start: Today.AddDays(3), due: Today.AddDays(2))));
        Assert.Equal("Loan.DueBeforeStart", ex.Code);
    }

    [Fact]
    public void Submit_SameDayLoanStartingToday_IsAllowed()
    {
        var loan = Submit(Request(start: Today, due: Today));
        Assert.Equal(1, loan.Days);
    }

    [Fact]
    public void Submit_LongerThanItemMaximum_Throws()
    {
        var item = new CatalogueItemBuilder().MaxDays(3).Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(item, start: Today, due: Today.AddDays(3))));
        Assert.Equal("Loan.TooLong", ex.Code);
    }

    [Fact]
    public void Submit_ExactlyItemMaximum_IsAllowed()
    {
        var item = new CatalogueItemBuilder().MaxDays(3).Build();
        Assert.Equal(3, Submit(Request(item, start: Today, due: Today.AddDays(2))).Days);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Submit_QuantityBelowOne_Throws(int quantity)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(quantity: quantity)));
        Assert.Equal("Loan.QuantityMin", ex.Code);
    }

    [Fact]
    public void Submit_PoolQuantityOverStock_Throws()
    {
        var item = new CatalogueItemBuilder().Pooled(50).Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(item, quantity: 51)));
        Assert.Equal("Loan.QuantityOverStock", ex.Code);
        Assert.Equal(50, Submit(Request(item, quantity: 50)).Lines[0].Quantity);
    }

    [Fact]
    public void Submit_NumberedQuantityOverLendableUnits_Throws()
    {
        var item = new CatalogueItemBuilder().Numbered().Build();
        var units = new Dictionary<int, int> { [item.Id] = 6 };
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(item, quantity: 7), unitsOnHand: units));
        Assert.Equal("Loan.QuantityOverStock", ex.Code);
        Assert.Equal(6, Submit(Request(item, quantity: 6), unitsOnHand: units).Lines[0].Quantity);
    }

    [Fact]
    public void Submit_NoLines_Throws()
    {
        var request = Request() with { Lines = [] };
        Assert.Equal("Loan.NoItems", Assert.Throws<DomainRuleException>(() => Submit(request)).Code);
    }

    [Fact]
    public void Submit_SameItemTwice_Throws()
    {
        var item = new CatalogueItemBuilder().Build();
        var request = Request(item) with { Lines = [new RequestedLine(item.Id, 1), new RequestedLine(item.Id, 2)] };
        Assert.Equal("Loan.DuplicateItem", Assert.Throws<DomainRuleException>(() => Submit(request, items: [item])).Code);
    }

    [Fact]
    public void Submit_RetiredItem_Throws()
    {
        var item = new CatalogueItemBuilder().Retired().Build();
        Assert.Equal("Loan.UnknownItem", Assert.Throws<DomainRuleException>(() => Submit(Request(item))).Code);
    }

    [Fact]
    public void Submit_ItemNotForThisKindOfBorrower_Throws()
    {
        var staffOnly = new CatalogueItemBuilder().For(BorrowerAudience.Staff).Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(staffOnly), BorrowerBuilder.Person()));
        Assert.Equal("Loan.ItemNotForBorrower", ex.Code);
    }

    [Theory]
    [InlineData(BorrowerKind.Person)]
    [InlineData(BorrowerKind.Temple)]
    [InlineData(BorrowerKind.School)]
    [InlineData(BorrowerKind.CommunityGroup)]
    public void Submit_ConsumablesToNonAgency_Throws(BorrowerKind kind)
    {
        var sandbags = new CatalogueItemBuilder().Named("กระสอบทราย", "ใบ").Pooled(500).Consumable().Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(sandbags, urgency: "น้ำท่วม"), BorrowerBuilder.Of(kind)));
        Assert.Equal("Loan.ConsumableOnlyToAgencies", ex.Code);
    }

    [Fact]
    public void Submit_ConsumablesToStaff_Throws()
    {
        var sandbags = new CatalogueItemBuilder().Pooled(500).Consumable().For(BorrowerAudience.Everyone).Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(sandbags, urgency: "น้ำท่วม")));
        Assert.Equal("Loan.ConsumableOnlyToAgencies", ex.Code);
    }

    [Fact]
    public void Submit_ConsumablesToAgencyWithoutUrgencyReason_Throws()
    {
        var sandbags = new CatalogueItemBuilder().Pooled(500).Consumable().For(BorrowerAudience.Agencies).Build();
        var ex = Assert.Throws<DomainRuleException>(() => Submit(Request(sandbags, urgency: " "), BorrowerBuilder.Agency()));
        Assert.Equal("Loan.UrgencyReasonRequired", ex.Code);
    }

    [Fact]
    public void Submit_ConsumablesToAgencyWithUrgencyReason_IsConsumableInterAgencyCase()
    {
        var sandbags = new CatalogueItemBuilder().Pooled(500).Consumable().For(BorrowerAudience.Agencies).Build();
        var loan = Submit(Request(sandbags, quantity: 200, urgency: "น้ำป่าไหลหลาก ต้องกั้นตลิ่งด่วน"), BorrowerBuilder.Agency());
        Assert.Equal(LoanCase.ConsumableInterAgency, loan.Case);
        Assert.Equal("น้ำป่าไหลหลาก ต้องกั้นตลิ่งด่วน", loan.UrgencyReason);
        Assert.False(loan.NeedsEndorsement);
    }

    [Theory]
    [InlineData(false, LoanCase.OnPremises)]
    [InlineData(true, LoanCase.OffPremises)]
    public void Submit_PersonProposesCaseByPremises(bool offPremises, LoanCase expected) =>
        Assert.Equal(expected, Submit(Request(offPremises: offPremises), BorrowerBuilder.Person()).Case);

    [Fact]
    public void Submit_AgencyProposesInterAgencyEvenOnPremises() =>
        Assert.Equal(LoanCase.InterAgency, Submit(Request(), BorrowerBuilder.Agency()).Case);

    [Fact]
    public void Submit_KeyedInByOfficerForStaff_RecordsWhoKeyedItAndForWhom()
    {
        var item = new CatalogueItemBuilder().Build();
        var borrower = BorrowerBuilder.Staff(Actors.Employee);
        var loan = Loan.Submit(Request(item), borrower, Map(item), Actors.Officer, 3, FiscalYear.Of(Today), Today, Now);

        Assert.True(loan.KeyedInByOfficer);
        Assert.Equal(Actors.Officer.UserId, loan.RequestedByUserId);
        var entry = Assert.Single(loan.History);
        Assert.Equal("KeyedIn", entry.Summary);
        Assert.Equal(Actors.Officer.Name, entry.ActorName);
        Assert.Equal(borrower.Name, entry.OnAuthorityOf);
        Assert.False(loan.IsOwnRequest(Actors.Officer));
        Assert.True(loan.IsOwnRequest(Actors.Employee));
    }

    [Fact]
    public void Submit_OutsiderOnline_IsNotKeyedIn()
    {
        var item = new CatalogueItemBuilder().Build();
        var borrower = BorrowerBuilder.Person();
        var loan = Loan.Submit(Request(item), borrower, Map(item), Actor.Applicant(borrower.Name), 4, FiscalYear.Of(Today), Today, Now);
        Assert.False(loan.KeyedInByOfficer);
        Assert.Equal("Submitted", loan.History[0].Summary);
    }

    private Loan Submit(LoanRequest request, Borrower? borrower = null, IReadOnlyList<CatalogueItem>? items = null, IReadOnlyDictionary<int, int>? unitsOnHand = null, Actor? filedBy = null)
    {
        borrower ??= BorrowerBuilder.Staff(Actors.Employee);
        var map = (items ?? _known).ToDictionary(i => i.Id);
        filedBy ??= borrower.Kind == BorrowerKind.Staff ? Actors.Employee : Actor.Applicant(borrower.Name);
        return Loan.Submit(request, borrower, map, filedBy, 1, FiscalYear.Of(Today), Today, Now, unitsOnHand);
    }

    private readonly List<CatalogueItem> _known = [];

    private static Dictionary<int, CatalogueItem> Map(CatalogueItem item) => new() { [item.Id] = item };

    private LoanRequest Request(CatalogueItem? item = null, int quantity = 5, string purpose = "ใช้ในการประชุมประชาคมหมู่บ้าน", string place = "ศาลาประชาคมหมู่ 3",
        DateOnly? start = null, DateOnly? due = null, bool offPremises = false, string? urgency = null)
    {
        item ??= new CatalogueItemBuilder().Build();
        if (!_known.Contains(item))
        {
            _known.Add(item);
        }

        return new LoanRequest(purpose, place, offPremises, start ?? Today.AddDays(1), due ?? Today.AddDays(2), [new RequestedLine(item.Id, quantity)], urgency);
    }
}
