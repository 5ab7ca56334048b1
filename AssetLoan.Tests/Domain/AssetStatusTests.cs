using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

public sealed class AssetStatusTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    private static Asset NewAsset() =>
        new(0, "490-64-0001", Tags.NewTag(), new AssetDetails(new DateOnly(2021, 3, 15), 18_500m, null, "โรงเก็บพัสดุ", "ดี", null));

    [Fact]
    public void SetStatus_AvailableToUnderRepairAndBack_Moves()
    {
        var asset = NewAsset();

        asset.SetStatus(AssetStatus.UnderRepair);
        Assert.Equal(AssetStatus.UnderRepair, asset.Status);
        Assert.False(asset.IsLendable);

        asset.SetStatus(AssetStatus.Available);
        Assert.Equal(AssetStatus.Available, asset.Status);
        Assert.True(asset.IsLendable);
    }

    [Fact]
    public void SetStatus_Lost_IsNotLendable()
    {
        var asset = NewAsset();

        asset.SetStatus(AssetStatus.Lost);

        Assert.Equal(AssetStatus.Lost, asset.Status);
        Assert.False(asset.IsLendable);
    }

    [Fact]
    public void SetStatus_RenewsTheConcurrencyToken()
    {
        var asset = NewAsset();
        var before = asset.Version;

        asset.SetStatus(AssetStatus.UnderRepair);

        Assert.NotEqual(before, asset.Version);
    }

    [Fact]
    public void SetStatus_ToOnLoan_Throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => NewAsset().SetStatus(AssetStatus.OnLoan));
        Assert.Equal("Asset.OnLoanByLoanOnly", ex.Code);
    }

    [Fact]
    public void SetStatus_WhileOnLoan_Throws()
    {
        var asset = HandedOverAsset();

        var ex = Assert.Throws<DomainRuleException>(() => asset.SetStatus(AssetStatus.UnderRepair));

        Assert.Equal("Asset.OnLoanByLoanOnly", ex.Code);
        Assert.Equal(AssetStatus.OnLoan, asset.Status);
    }

    [Fact]
    public void SetStatus_Retired_Throws()
    {
        var asset = NewAsset();
        asset.Retire("ชำรุดซ่อมไม่คุ้มค่า", Now);

        var ex = Assert.Throws<DomainRuleException>(() => asset.SetStatus(AssetStatus.Available));

        Assert.Equal("Asset.Retired", ex.Code);
    }

    [Fact]
    public void Retire_WithReason_MarksDisposedAndKeepsTheReason()
    {
        var asset = NewAsset();

        asset.Retire("  ชำรุดซ่อมไม่คุ้มค่า  ", Now);

        Assert.True(asset.IsRetired);
        Assert.Equal(Now, asset.RetiredAtUtc);
        Assert.Equal("ชำรุดซ่อมไม่คุ้มค่า", asset.RetiredReason);
        Assert.Equal(AssetStatus.Disposed, asset.Status);
        Assert.False(asset.IsLendable);
    }

    [Fact]
    public void Retire_UnderRepair_IsAllowed()
    {
        var asset = NewAsset();
        asset.SetStatus(AssetStatus.UnderRepair);

        asset.Retire("ซ่อมไม่ได้", Now);

        Assert.True(asset.IsRetired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Retire_WithoutReason_Throws(string reason)
    {
        var asset = NewAsset();

        var ex = Assert.Throws<DomainRuleException>(() => asset.Retire(reason, Now));

        Assert.Equal("Asset.RetireReasonRequired", ex.Code);
        Assert.False(asset.IsRetired);
    }

    [Fact]
    public void Retire_Twice_Throws()
    {
        var asset = NewAsset();
        asset.Retire("สูญหาย", Now);

        var ex = Assert.Throws<DomainRuleException>(() => asset.Retire("อีกครั้ง", Now.AddDays(1)));

        Assert.Equal("Asset.AlreadyRetired", ex.Code);
        Assert.Equal(Now, asset.RetiredAtUtc);
    }

    [Fact]
    public void Retire_WhileOnLoan_Throws()
    {
        var asset = HandedOverAsset();

        var ex = Assert.Throws<DomainRuleException>(() => asset.Retire("ชำรุด", Now));

        Assert.Equal("Asset.RetireOnLoan", ex.Code);
        Assert.False(asset.IsRetired);
    }

    [Fact]
    public void Update_NegativePrice_Throws()
    {
        var ex = Assert.Throws<DomainRuleException>(() => NewAsset().Update(new AssetDetails(null, -1m, null, null, null, null)));
        Assert.Equal("Asset.PriceNegative", ex.Code);
    }

    /// <summary>An asset put on loan the only way there is: a citizen's request checked, approved and handed over.</summary>
    private static Asset HandedOverAsset()
    {
        var today = BangkokTime.Today(Now);
        var tent = new CatalogueItem(
            new CatalogueItemDetails("เต็นท์ ขนาด 4×8 ม.", 1, "หลัง", null, LendingNature.Durable, BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m),
            TrackingMode.Numbered,
            Tags.NewTag());
        var asset = NewAsset();
        var items = new Dictionary<int, CatalogueItem> { [tent.Id] = tent };
        var citizen = new Borrower(BorrowerKind.Person, "นายสมชาย ใจงาม", new BorrowerContact("0812345678", null, "1", null, null, null, null));
        var loan = Loan.Submit(
            new LoanRequest("งานบวช", "วัดแม่คือ", false, today, today.AddDays(2), [new RequestedLine(tent.Id, 1)]),
            citizen, items, Actor.Applicant(citizen.Name), 1, FiscalYear.Of(today), today, Now);
        var free = new Dictionary<int, ItemAvailability> { [tent.Id] = new(tent.Id, 10, new HashSet<int>()) };
        var officer = new Actor("officer", "เจ้าหน้าที่พัสดุ", new HashSet<Role> { Role.SuppliesOfficer });
        var director = new Actor("director", "ผู้อำนวยการกองคลัง", new HashSet<Role> { Role.FinanceDirector });
        var line = loan.Lines.Single();
        loan.Check(officer, LoanCase.OnPremises, new Dictionary<int, IReadOnlyList<Asset>> { [line.Id] = [asset] }, free, today, Now);
        loan.Approve(director, ApprovalPolicy.Default, null, false, free, new Dictionary<int, Asset> { [asset.Id] = asset }, Now);
        loan.HandOver(officer, [new LineIssue(line.Id, [asset.Id], 0, null)], new Dictionary<int, Asset> { [asset.Id] = asset }, items, TestShelf.Free(items), "นายสมชาย ใจงาม", true, null, today, Now);
        return asset;
    }
}
