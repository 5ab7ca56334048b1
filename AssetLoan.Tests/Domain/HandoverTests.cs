using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

public sealed class HandoverTests
{
    private readonly LoanScenario _s = new();

    [Fact]
    public void HandOver_ReservedUnitsAndPoolCount_PutsUnitsOnLoanAndSnapshotsTheirValue()
    {
        var loan = _s.Approved(tents: 2, chairs: 30);

        loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "นางสาวมาลี สุขใจ", true, "signatures/a.png", LoanScenario.Today, LoanScenario.Now);

        Assert.Equal(LoanStatus.HandedOver, loan.Status);
        Assert.Equal(LoanScenario.Today, loan.HandedOverOn);
        Assert.Equal("นางสาวพัชรี ใจดี", loan.HandedOverByName);
        Assert.Equal("signatures/a.png", loan.ReceiverSignaturePath);
        Assert.All(_s.Tents.Take(2), t => Assert.Equal(AssetStatus.OnLoan, t.Status));
        Assert.All(_s.Tents.Skip(2), t => Assert.Equal(AssetStatus.Available, t.Status));
        var tents = _s.TentLine(loan);
        Assert.Equal(2, tents.IssuedQuantity);
        // 18,500 bought 15 Mar 2021, 5 years, salvage 1: the life ended 15 Mar 2026 → the salvage value 1.00.
        Assert.All(tents.Units, u => Assert.Equal(1m, u.ValueAtBorrowing));
        var chairs = _s.ChairLine(loan);
        Assert.Equal(30, chairs.IssuedQuantity);
        // 150 bought 25 Nov 2024, 5 years, no salvage: 150 − 150 × 730/1,826 days = 90.03 a chair.
        Assert.Equal(90.03m, chairs.UnitValue);
        Assert.Equal("HandOver", loan.History[^1].Summary);
    }

    [Fact]
    public void HandOver_UnitNotReservedForThisLoan_Throws()
    {
        var loan = _s.Approved(tents: 2, chairs: 0);
        var line = _s.TentLine(loan);
        var notReserved = _s.Tents[3];

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, [new LineIssue(line.Id, [notReserved.Id], 0, null)], _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.UnitNotReserved", ex.Code);
        Assert.Equal(AssetStatus.Available, notReserved.Status);
        Assert.Equal(LoanStatus.Approved, loan.Status);
    }

    [Fact]
    public void HandOver_UnitOfAnotherItem_Throws()
    {
        var loan = _s.Approved(tents: 1, chairs: 0);
        var line = _s.TentLine(loan);

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, [new LineIssue(line.Id, [_s.ProjectorUnit.Id], 0, null)], _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.UnitWrongItem", ex.Code);
    }

    [Fact]
    public void EnsureIssuable_ReservedUnit_PassesAndOtherUnitThrows()
    {
        var loan = _s.Approved(tents: 2, chairs: 30);
        var tentLine = _s.TentLine(loan);

        loan.EnsureIssuable(tentLine.Id, _s.Tents[0]);
        Assert.Equal("Loan.UnitNotReserved", Assert.Throws<DomainRuleException>(() => loan.EnsureIssuable(tentLine.Id, _s.Tents[2])).Code);
        Assert.Equal("Loan.UnitWrongItem", Assert.Throws<DomainRuleException>(() => loan.EnsureIssuable(_s.ChairLine(loan).Id, _s.Tents[0])).Code);
        Assert.Equal("Loan.UnknownLine", Assert.Throws<DomainRuleException>(() => loan.EnsureIssuable(999, _s.Tents[0])).Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void HandOver_OutsideTheApprovedPeriod_Throws(int dayOffset)
    {
        var loan = _s.Approved(tents: 1, chairs: 0, startOn: LoanScenario.Today, dueOn: LoanScenario.Today.AddDays(2));
        var day = LoanScenario.Today.AddDays(dayOffset);

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, day, LoanScenario.Now));

        Assert.Equal("Loan.HandoverOutsidePeriod", ex.Code);
        Assert.Equal(AssetStatus.Available, _s.Tents[0].Status);
    }

    [Fact]
    public void HandOver_OnTheDueDate_IsStillAllowed()
    {
        var loan = _s.Approved(tents: 1, chairs: 0, dueOn: LoanScenario.Today.AddDays(2));

        loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today.AddDays(2), LoanScenario.Now);

        Assert.Equal(LoanStatus.HandedOver, loan.Status);
    }

    [Fact]
    public void HandOver_MorePoolUnitsThanApproved_Throws()
    {
        var loan = _s.Approved(tents: 0, chairs: 30);

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, [new LineIssue(_s.ChairLine(loan).Id, [], 31, null)], _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.IssueOverApproved", ex.Code);
    }

    [Fact]
    public void HandOver_FewerUnitsThanReserved_ReleasesTheOthers()
    {
        var loan = _s.Approved(tents: 2, chairs: 0);
        var line = _s.TentLine(loan);

        loan.HandOver(_s.Officer, [new LineIssue(line.Id, [_s.Tents[0].Id], 0, "ผ้าใบมีรอยเปื้อน")], _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now);

        Assert.Equal(1, line.IssuedQuantity);
        Assert.Equal([_s.Tents[0].Id], line.Units.Select(u => u.AssetId));
        Assert.Equal("ผ้าใบมีรอยเปื้อน", line.HandoverNote);
        Assert.Equal(AssetStatus.Available, _s.Tents[1].Status);
    }

    [Fact]
    public void HandOver_NothingIssued_Throws()
    {
        var loan = _s.Approved(tents: 1, chairs: 10);

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, [], _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.NothingIssued", ex.Code);
    }

    [Fact]
    public void HandOver_WithoutReceiverAcknowledgement_Throws()
    {
        var loan = _s.Approved();

        Assert.Equal("Loan.ReceiverAcknowledgementRequired", Assert.Throws<DomainRuleException>(() =>
            loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", false, null, LoanScenario.Today, LoanScenario.Now)).Code);
        Assert.Equal("Loan.ReceiverRequired", Assert.Throws<DomainRuleException>(() =>
            loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), " ", true, null, LoanScenario.Today, LoanScenario.Now)).Code);
    }

    [Fact]
    public void HandOver_ByTheBorrowerWhoIsAnOfficer_Throws()
    {
        var officerAsBorrower = Borrower.ForStaff(_s.Officer.UserId!, _s.Officer.Name, 2, "เจ้าหน้าที่พัสดุ", null, null);
        LoanScenario.SetId(officerAsBorrower, 2);
        var loan = _s.Approved(tents: 1, chairs: 0, borrower: officerAsBorrower, requester: _s.Officer with { });

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.OwnRequest", ex.Code);
    }

    [Fact]
    public void HandOver_ByAnEmployee_Throws()
    {
        var loan = _s.Approved();

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Head, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.HandoverOfficerOnly", ex.Code);
    }

    [Fact]
    public void HandOver_UnitSentForRepairSinceTheReservation_Throws()
    {
        var loan = _s.Approved(tents: 1, chairs: 0);
        _s.Tents[0].SetStatus(AssetStatus.UnderRepair);

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Asset.NotAvailable", ex.Code);
    }

    [Fact]
    public void HandOver_LineOfAnotherLoan_Throws()
    {
        var loan = _s.Approved(tents: 1, chairs: 0);

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, [.. LoanScenario.IssueAll(loan), new LineIssue(999, [], 1, null)], _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.UnknownLine", ex.Code);
    }

    [Fact]
    public void HandOver_Twice_Throws()
    {
        var loan = _s.HandedOver();

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(_s.Officer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now));

        Assert.Equal("Loan.IllegalTransition", ex.Code);
    }
}
