using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>domain.md §4 and §6 rules 4–5: endorsement, the supplies check, approval, rejection, cancellation, extension.</summary>
public sealed class LoanDecisionRulesTests
{
    private static readonly DateOnly Today = LoanBuilder.Today;
    private static readonly DateTime Now = LoanBuilder.NowUtc;

    [Fact]
    public void Endorse_HeadOfBorrowersDivision_Endorses()
    {
        var loan = new LoanBuilder().Build();
        loan.Endorse(Actors.Head, Now);
        Assert.Equal(LoanStatus.Endorsed, loan.Status);
        Assert.True(loan.IsEndorsed);
        Assert.Equal(nameof(Role.DivisionHead), loan.History[^1].ActingRole);
    }

    [Fact]
    public void Endorse_HeadOfAnotherDivision_Throws()
    {
        var loan = new LoanBuilder().Build();
        Assert.Equal("Loan.EndorserOtherDivision", Assert.Throws<DomainRuleException>(() => loan.Endorse(Actors.OtherHead, Now)).Code);
    }

    [Fact]
    public void Endorse_NotAHead_Throws()
    {
        var loan = new LoanBuilder().Build();
        var colleague = new ActorBuilder("u-colleague").InDivision(Actors.Education).With(Role.Employee).Build();
        Assert.Equal("Loan.EndorserNotHead", Assert.Throws<DomainRuleException>(() => loan.Endorse(colleague, Now)).Code);
    }

    [Fact]
    public void Endorse_HeadsOwnRequest_ThrowsNotNeeded()
    {
        var loan = new LoanBuilder().ByStaff(Actors.Head).Build();
        Assert.Equal("Loan.EndorsementNotNeeded", Assert.Throws<DomainRuleException>(() => loan.Endorse(Actors.Head, Now)).Code);
    }

    [Fact]
    public void Endorse_HeadsRequestKeyedInByOfficer_NeedsEndorsementButNotByTheHead()
    {
        // The officer's actor says nothing about the borrower's roles, so the request waits for a head (decision 0004),
        // and the head it was filed for still cannot endorse their own request.
        var loan = SubmitFor(BorrowerBuilder.Staff(Actors.Head), Actors.Officer);

        Assert.True(loan.NeedsEndorsement);
        Assert.Equal("Loan.EndorserIsRequester", Assert.Throws<DomainRuleException>(() => loan.Endorse(Actors.Head, Now)).Code);
    }

    [Fact]
    public void Check_HeadsOwnRequest_NeedsNoEndorsement()
    {
        var b = new LoanBuilder().ByStaff(Actors.Head);
        var loan = b.Build();

        Assert.False(loan.NeedsEndorsement);
        Assert.Equal(nameof(Role.DivisionHead), loan.History[0].ActingRole);
        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Approve_HeadsOwnRequest_StillBySomeoneElse()
    {
        // The head of Finance is also the FinanceDirector: no endorsement, but the approval is never their own.
        var headOfFinance = new ActorBuilder("u-head-fin", "ผอ.กองคลัง").InDivision(Actors.Finance).With(Role.DivisionHead, Role.FinanceDirector, Role.Employee).Build();
        var b = new LoanBuilder().ByStaff(headOfFinance).Checked();
        var loan = b.Build();

        Assert.Equal("Loan.ApproverIsRequester", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(headOfFinance, b.Policy, null, false, b.AllFree(), b.Assets, Now)).Code);
        loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now);
        Assert.Equal(LoanStatus.Approved, loan.Status);
    }

    [Fact]
    public void Resubmit_HeadsOwnRequestSentBack_StillNeedsNoEndorsement()
    {
        var b = new LoanBuilder().ByStaff(Actors.Head).SentBack();
        var loan = b.Build();

        loan.Resubmit(Actors.Head, new LoanRequestEdit("ประชุม", "ห้องประชุม", Today.AddDays(1), Today.AddDays(2)), b.Items, Today, Now);

        Assert.False(loan.NeedsEndorsement);
        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Submit_HeadWhoseAccountMovedDivision_NeedsEndorsement()
    {
        // The head's account now belongs to Engineering while the borrower record says Education: the filer is not the
        // head of the borrowing division, so Education's head endorses.
        var movedHead = new ActorBuilder(Actors.Head.UserId!, Actors.Head.Name).InDivision(3).With(Role.DivisionHead, Role.Employee).Build();
        var loan = SubmitFor(BorrowerBuilder.Staff(Actors.Head), movedHead);

        Assert.True(loan.NeedsEndorsement);
        Assert.Null(loan.History[0].ActingRole);
    }

    [Fact]
    public void Endorse_OutsidersRequest_Throws()
    {
        var loan = new LoanBuilder().ByOutsider().Build();
        Assert.Equal("Loan.EndorsementStaffOnly", Assert.Throws<DomainRuleException>(() => loan.Endorse(Actors.Head, Now)).Code);
    }

    [Fact]
    public void Check_StaffRequestNotEndorsed_Throws()
    {
        var b = new LoanBuilder();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.NotEndorsed", ex.Code);
    }

    [Fact]
    public void Check_OutsidersRequest_NeedsNoEndorsement()
    {
        var b = new LoanBuilder().ByOutsider();
        var loan = b.Build();
        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Check_ResubmittedAfterEndorsement_NeedsEndorsementAgain()
    {
        // Sent back by the officer after the head endorsed; the borrower changes the dates; the head must see them.
        var b = new LoanBuilder().Endorsed();
        var loan = b.Build();
        loan.SendBack(Actors.Officer, "วันที่ชนกับงานของเทศบาล", Now);
        loan.Resubmit(Actors.Employee, new LoanRequestEdit("ประชุม", "ห้องประชุม", Today.AddDays(1), Today.AddDays(2)), b.Items, Today, Now);

        Assert.False(loan.IsEndorsed);
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.NotEndorsed", ex.Code);
        loan.Endorse(Actors.Head, Now);
        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Check_NotAnOfficer_Throws()
    {
        var b = new LoanBuilder().Endorsed();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Director, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.CheckOfficerOnly", ex.Code);
    }

    [Fact]
    public void Check_OfficerConfirmsAnotherCase_TheConfirmedCaseDecidesTheApprover()
    {
        // The borrower said "on premises"; the officer knows the tent goes to the village: off premises, the mayor approves.
        var b = new LoanBuilder().Checked(LoanCase.OffPremises);
        var loan = b.Build();
        Assert.Equal(LoanCase.OffPremises, loan.Case);
        Assert.Equal("Loan.ApproverRoleMismatch", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now)).Code);
        loan.Approve(Actors.Mayor, b.Policy, null, false, b.AllFree(), b.Assets, Now);
        Assert.Equal(nameof(Role.Executive), loan.ApprovedRole);
    }

    [Theory]
    [InlineData(LoanCase.InterAgency)]
    [InlineData(LoanCase.ConsumableInterAgency)]
    public void Check_InterAgencyCaseForAPerson_Throws(LoanCase confirmed)
    {
        var b = new LoanBuilder().ByOutsider();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Officer, confirmed, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.CaseNeedsAgency", ex.Code);
    }

    [Fact]
    public void Check_AgencyOnPremises_Throws()
    {
        var b = new LoanBuilder().ByAgency();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Officer, LoanCase.OnPremises, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.AgencyCase", ex.Code);
    }

    [Fact]
    public void Check_ConsumablesConfirmedAsOrdinaryInterAgency_Throws()
    {
        var sandbags = new CatalogueItemBuilder().Pooled(500).Consumable().For(BorrowerAudience.Agencies).Build();
        var b = new LoanBuilder().ByAgency().With(sandbags, 100).Urgent();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Officer, LoanCase.InterAgency, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.ConsumableCase", ex.Code);
    }

    [Fact]
    public void Check_DurablesConfirmedAsConsumableCase_Throws()
    {
        var b = new LoanBuilder().ByAgency();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Check(Actors.Officer, LoanCase.ConsumableInterAgency, b.UnitsFor(loan), b.AllFree(), Today, Now));
        Assert.Equal("Loan.ConsumableCase", ex.Code);
    }

    [Fact]
    public void Check_PoolShort_Throws()
    {
        var b = new LoanBuilder().ByOutsider().WithPooled(10);
        var loan = b.Build();
        var item = loan.Lines[0].CatalogueItemId;
        var short9 = new Dictionary<int, ItemAvailability> { [item] = new(item, 9, new HashSet<int>()) };
        Assert.Equal("Loan.NotEnoughAvailable", Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), short9, Today, Now)).Code);
    }

    [Fact]
    public void Check_NumberedUnitsReservedOneByOne()
    {
        var b = new LoanBuilder().ByOutsider().WithNumbered(2, unitsInStock: 5);
        var loan = b.Build();
        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today, Now);
        Assert.Equal(2, loan.Lines[0].Units.Count);
        Assert.All(loan.Lines[0].Units, u => Assert.Null(u.IssuedAtUtc));
    }

    [Fact]
    public void Check_UnitHeldByAnotherLoan_Throws()
    {
        var b = new LoanBuilder().ByOutsider().WithNumbered(1, unitsInStock: 2);
        var loan = b.Build();
        var units = b.UnitsFor(loan);
        var line = loan.Lines[0];
        var held = new Dictionary<int, ItemAvailability> { [line.CatalogueItemId] = new(line.CatalogueItemId, 1, new HashSet<int> { units[line.Id][0].Id }) };
        Assert.Equal("Loan.NotEnoughAvailable", Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, units, held, Today, Now)).Code);
    }

    [Fact]
    public void Check_ChosenUnitHeldByNobodyButNoneFree_Throws()
    {
        // Another loan holds a unit that broke on the shelf and needs the unit chosen here as its substitute.
        var b = new LoanBuilder().ByOutsider().WithNumbered(1, unitsInStock: 3);
        var loan = b.Build();
        var line = loan.Lines[0];
        var others = b.Assets.Values.Take(2).Select(a => a.Id).ToHashSet();
        var chosen = new Dictionary<int, IReadOnlyList<Asset>> { [line.Id] = [b.Assets.Values.Last()] };
        var none = new Dictionary<int, ItemAvailability> { [line.CatalogueItemId] = new(line.CatalogueItemId, 0, others) };
        Assert.Equal("Loan.NotEnoughAvailable", Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, chosen, none, Today, Now)).Code);
        Assert.Equal(LoanStatus.Submitted, loan.Status);
    }

    [Fact]
    public void Check_WrongNumberOfUnits_Throws()
    {
        var b = new LoanBuilder().ByOutsider().WithNumbered(2, unitsInStock: 3);
        var loan = b.Build();
        var one = new Dictionary<int, IReadOnlyList<Asset>> { [loan.Lines[0].Id] = [b.Assets.Values.First()] };
        Assert.Equal("Loan.UnitCountMismatch", Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, one, b.AllFree(), Today, Now)).Code);
    }

    [Fact]
    public void Check_UnitUnderRepair_Throws()
    {
        var b = new LoanBuilder().ByOutsider().WithNumbered(1, unitsInStock: 1);
        var loan = b.Build();
        var unit = b.Assets.Values.Single();
        unit.SetStatus(AssetStatus.UnderRepair);
        var units = new Dictionary<int, IReadOnlyList<Asset>> { [loan.Lines[0].Id] = [unit] };
        Assert.Equal("Loan.UnitNotLendable", Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, units, b.AllFree(), Today, Now)).Code);
    }

    [Fact]
    public void Check_StartDatePassed_Throws()
    {
        var b = new LoanBuilder().ByOutsider();
        var loan = b.Build();
        Assert.Equal("Loan.StartPassed", Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), Today.AddDays(1), Now)).Code);
    }

    [Fact]
    public void Approve_AfterCheck_RecordsApproverRoleAndTime()
    {
        var loan = new LoanBuilder().Approved().Build();
        Assert.Equal(LoanStatus.Approved, loan.Status);
        Assert.Equal(Actors.Director.UserId, loan.ApprovedByUserId);
        Assert.Equal(nameof(Role.FinanceDirector), loan.ApprovedRole);
        Assert.Equal(Now, loan.DecidedAtUtc);
        Assert.Equal(LoanAction.Approve, loan.History[^1].Action);
    }

    [Fact]
    public void Approve_BeforeCheck_Throws()
    {
        var b = new LoanBuilder().Endorsed();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now));
        Assert.Equal("Loan.IllegalTransition", ex.Code);
    }

    [Fact]
    public void Approve_Twice_Throws()
    {
        var b = new LoanBuilder().Approved();
        var loan = b.Build();
        Assert.Equal("Loan.IllegalTransition", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now)).Code);
    }

    [Fact]
    public void Approve_OwnRequest_Throws()
    {
        var b = new LoanBuilder().ByStaff(Actors.Director).Checked();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now));
        Assert.Equal("Loan.ApproverIsRequester", ex.Code);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Approve_OwnRequestEvenAsExecutive_Throws()
    {
        var b = new LoanBuilder().ByStaff(Actors.Deputy).Checked();
        var loan = b.Build();
        Assert.Equal("Loan.ApproverIsRequester", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(Actors.Deputy, b.Policy, "คำสั่งที่ 123/2569", true, b.AllFree(), b.Assets, Now)).Code);
    }

    [Theory]
    [InlineData(false, "u-director", true)]
    [InlineData(false, "u-mayor", true)]
    [InlineData(true, "u-director", false)]
    [InlineData(true, "u-mayor", true)]
    public void Approve_ApproverRolePerCase(bool offPremises, string approverId, bool allowed)
    {
        var approver = approverId == Actors.Director.UserId ? Actors.Director : Actors.Mayor;
        var b = new LoanBuilder();
        if (offPremises)
        {
            b.OffPremises();
        }

        var loan = b.Checked().Build();
        void Approve() => loan.Approve(approver, b.Policy, null, false, b.AllFree(), b.Assets, Now);
        if (allowed)
        {
            Approve();
            Assert.Equal(LoanStatus.Approved, loan.Status);
        }
        else
        {
            Assert.Equal("Loan.ApproverRoleMismatch", Assert.Throws<DomainRuleException>(Approve).Code);
        }
    }

    [Fact]
    public void Approve_InterAgency_OnlyExecutiveByDefault()
    {
        var b = new LoanBuilder().ByAgency().Checked();
        var loan = b.Build();
        Assert.Equal(LoanCase.InterAgency, loan.Case);
        Assert.Equal("Loan.ApproverRoleMismatch", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now)).Code);
        loan.Approve(Actors.Mayor, b.Policy, null, false, b.AllFree(), b.Assets, Now);
        Assert.Equal(LoanStatus.Approved, loan.Status);
    }

    [Fact]
    public void Approve_SettingGivesOffPremisesToDirector_DirectorApproves()
    {
        // A delegation order may give off-premises approval to the FinanceDirector (domain.md §4).
        var policy = ApprovalPolicy.Default with { OffPremisesApprover = Role.FinanceDirector };
        var b = new LoanBuilder().OffPremises().WithPolicy(policy).Checked();
        var loan = b.Build();
        loan.Approve(Actors.Director, policy, null, false, b.AllFree(), b.Assets, Now);
        Assert.Equal(nameof(Role.FinanceDirector), loan.ApprovedRole);
    }

    [Fact]
    public void Approve_ExecutiveOnPremisesCase_ApprovesAsExecutive()
    {
        var b = new LoanBuilder().Checked();
        var loan = b.Build();
        loan.Approve(Actors.Mayor, b.Policy, null, false, b.AllFree(), b.Assets, Now);
        Assert.Equal(nameof(Role.Executive), loan.ApprovedRole);
    }

    [Fact]
    public void Approve_DelegateWithoutOrderNumber_Throws()
    {
        var b = new LoanBuilder().OffPremises().Checked();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Approve(Actors.Deputy, b.Policy, " ", true, b.AllFree(), b.Assets, Now));
        Assert.Equal("Loan.DelegationOrderRequired", ex.Code);
    }

    [Fact]
    public void Approve_DelegateWithOrderNumber_RecordsIt()
    {
        var b = new LoanBuilder().OffPremises().Checked();
        var loan = b.Build();
        loan.Approve(Actors.Deputy, b.Policy, " คำสั่งเทศบาลตำบลแม่คือ ที่ 123/2569 ", true, b.AllFree(), b.Assets, Now);
        Assert.Equal("คำสั่งเทศบาลตำบลแม่คือ ที่ 123/2569", loan.DelegationOrder);
        Assert.Contains("123/2569", loan.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_PoolTakenByAnotherApprovalMeanwhile_ThrowsNoLongerAvailable()
    {
        var b = new LoanBuilder().WithPooled(10).Checked();
        var loan = b.Build();
        var item = loan.Lines[0].CatalogueItemId;
        var firm = new Dictionary<int, ItemAvailability> { [item] = new(item, 9, new HashSet<int>()) };
        var ex = Assert.Throws<DomainRuleException>(() => loan.Approve(Actors.Director, b.Policy, null, false, firm, b.Assets, Now));
        Assert.Equal("Loan.NoLongerAvailable", ex.Code);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Approve_ReservedUnitNowUnderRepair_ThrowsNoLongerAvailable()
    {
        var b = new LoanBuilder().WithNumbered(1).Checked();
        var loan = b.Build();
        b.Assets.Values.Single().SetStatus(AssetStatus.UnderRepair);
        Assert.Equal("Loan.NoLongerAvailable", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(Actors.Director, b.Policy, null, false, b.AllFree(), b.Assets, Now)).Code);
    }

    [Fact]
    public void Approve_ReservedUnitsFreeButAnEarlierApprovalNeedsASubstitute_ThrowsNoLongerAvailable()
    {
        var b = new LoanBuilder().WithNumbered(1, unitsInStock: 3).Checked();
        var loan = b.Build();
        var item = loan.Lines[0].CatalogueItemId;
        var mine = loan.Lines[0].Units.Single().AssetId;
        var firm = new Dictionary<int, ItemAvailability> { [item] = new(item, 0, b.Assets.Keys.Where(id => id != mine).ToHashSet()) };
        Assert.Equal("Loan.NoLongerAvailable", Assert.Throws<DomainRuleException>(() =>
            loan.Approve(Actors.Director, b.Policy, null, false, firm, b.Assets, Now)).Code);
        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Reject_WithoutReason_Throws()
    {
        var b = new LoanBuilder().Checked();
        var loan = b.Build();
        Assert.Equal("Loan.ReasonRequired", Assert.Throws<DomainRuleException>(() => loan.Reject(Actors.Director, b.Policy, "  ", Now)).Code);
    }

    [Fact]
    public void Reject_WithReason_ReleasesReservedUnits()
    {
        var b = new LoanBuilder().WithNumbered(2).Checked();
        var loan = b.Build();
        loan.Reject(Actors.Director, b.Policy, "ช่วงวันดังกล่าวเทศบาลใช้จัดงานเอง", Now);
        Assert.Equal(LoanStatus.Rejected, loan.Status);
        Assert.Equal("ช่วงวันดังกล่าวเทศบาลใช้จัดงานเอง", loan.DecisionReason);
        Assert.Empty(loan.Lines[0].Units);
    }

    [Fact]
    public void Reject_OwnRequest_Throws()
    {
        var b = new LoanBuilder().ByStaff(Actors.Director).Checked();
        var loan = b.Build();
        Assert.Equal("Loan.ApproverIsRequester", Assert.Throws<DomainRuleException>(() => loan.Reject(Actors.Director, b.Policy, "ไม่จำเป็น", Now)).Code);
    }

    [Fact]
    public void SendBack_HeadOfAnotherDivision_Throws()
    {
        var loan = new LoanBuilder().Build();
        Assert.Equal("Loan.EndorserOtherDivision", Assert.Throws<DomainRuleException>(() => loan.SendBack(Actors.OtherHead, "ไม่เห็นชอบ", Now)).Code);
    }

    [Fact]
    public void SendBack_HeadOfOwnDivision_SendsBackWithReason()
    {
        var loan = new LoanBuilder().Build();
        loan.SendBack(Actors.Head, "กรุณาระบุวัตถุประสงค์ให้ชัดเจน", Now);
        Assert.Equal(LoanStatus.SentBack, loan.Status);
        Assert.Equal(nameof(Role.DivisionHead), loan.History[^1].ActingRole);
        Assert.Equal("กรุณาระบุวัตถุประสงค์ให้ชัดเจน", loan.DecisionReason);
    }

    [Fact]
    public void SendBack_WithoutReason_Throws()
    {
        var loan = new LoanBuilder().Build();
        Assert.Equal("Loan.ReasonRequired", Assert.Throws<DomainRuleException>(() => loan.SendBack(Actors.Head, "", Now)).Code);
    }

    [Fact]
    public void SendBack_AfterCheck_ReleasesReservation()
    {
        var b = new LoanBuilder().WithNumbered(1).Checked();
        var loan = b.Build();
        loan.SendBack(Actors.Officer, "เลือกวันใหม่", Now);
        Assert.Empty(loan.Lines[0].Units);
    }

    [Fact]
    public void Resubmit_LongerThanItemMaximum_Throws()
    {
        var b = new LoanBuilder().SentBack();
        var loan = b.Build();
        var ex = Assert.Throws<DomainRuleException>(() => loan.Resubmit(Actors.Employee,
            new LoanRequestEdit("ประชุม", "ห้องประชุม", Today, Today.AddDays(7)), b.Items, Today, Now));
        Assert.Equal("Loan.TooLong", ex.Code);
        Assert.Equal(LoanStatus.SentBack, loan.Status);
    }

    [Fact]
    public void Resubmit_DueBeforeStart_Throws()
    {
        var b = new LoanBuilder().SentBack();
        var loan = b.Build();
        Assert.Equal("Loan.DueBeforeStart", Assert.Throws<DomainRuleException>(() => loan.Resubmit(Actors.Employee,
            new LoanRequestEdit("ประชุม", "ห้องประชุม", Today.AddDays(2), Today.AddDays(1)), b.Items, Today, Now)).Code);
    }

    [Fact]
    public void Resubmit_SomeoneElse_Throws()
    {
        var b = new LoanBuilder().SentBack();
        var loan = b.Build();
        Assert.Equal("Loan.NotAllowed", Assert.Throws<DomainRuleException>(() => loan.Resubmit(Actors.Head,
            new LoanRequestEdit("ประชุม", "ห้องประชุม", Today, Today), b.Items, Today, Now)).Code);
    }

    [Fact]
    public void Cancel_ByBorrower_NeedsNoReason()
    {
        var loan = new LoanBuilder().Approved().Build();
        loan.Cancel(Actors.Employee, null, Now);
        Assert.Equal(LoanStatus.Cancelled, loan.Status);
    }

    [Fact]
    public void Cancel_ByOfficerWithoutReason_Throws()
    {
        var loan = new LoanBuilder().Build();
        Assert.Equal("Loan.ReasonRequired", Assert.Throws<DomainRuleException>(() => loan.Cancel(Actors.Officer, " ", Now)).Code);
    }

    [Fact]
    public void Cancel_BySomeoneElse_Throws()
    {
        var loan = new LoanBuilder().Build();
        Assert.Equal("Loan.NotAllowed", Assert.Throws<DomainRuleException>(() => loan.Cancel(Actors.Director, "ไม่ใช้แล้ว", Now)).Code);
    }

    [Fact]
    public void Cancel_AfterHandover_Throws()
    {
        var loan = new LoanBuilder().HandedOver().Build();
        Assert.Equal("Loan.IllegalTransition", Assert.Throws<DomainRuleException>(() => loan.Cancel(Actors.Employee, null, Now)).Code);
    }

    [Fact]
    public void RequestExtension_OnOrBeforeDueDate_IsPending()
    {
        var loan = new LoanBuilder().HandedOver().Build();
        var request = loan.RequestExtension(Actors.Employee, loan.DueOn.AddDays(3), "งานยังไม่แล้วเสร็จ", loan.DueOn, Now);
        Assert.Equal(ExtensionStatus.Pending, request.Status);
        Assert.Same(request, loan.PendingExtension);
    }

    [Fact]
    public void RequestExtension_AfterDueDate_Throws()
    {
        var loan = new LoanBuilder().HandedOver().Build();
        Assert.Equal("Loan.ExtensionAfterDue", Assert.Throws<DomainRuleException>(() =>
            loan.RequestExtension(Actors.Employee, loan.DueOn.AddDays(3), "ลืม", loan.DueOn.AddDays(1), Now)).Code);
    }

    [Fact]
    public void RequestExtension_NotLaterThanDue_Throws()
    {
        var loan = new LoanBuilder().HandedOver().Build();
        Assert.Equal("Loan.ExtensionNotLater", Assert.Throws<DomainRuleException>(() =>
            loan.RequestExtension(Actors.Employee, loan.DueOn, "งานยังไม่เสร็จ", loan.StartOn, Now)).Code);
    }

    [Fact]
    public void DecideExtension_SameAuthorityAsLoan_MovesDueDate()
    {
        var b = new LoanBuilder().OffPremises().HandedOver();
        var loan = b.Build();
        var newDue = loan.DueOn.AddDays(2);
        loan.RequestExtension(Actors.Employee, newDue, "งานยังไม่แล้วเสร็จ", loan.StartOn, Now);
        Assert.Equal("Loan.ApproverRoleMismatch", Assert.Throws<DomainRuleException>(() =>
            loan.DecideExtension(Actors.Director, b.Policy, true, null, b.AllFree(), b.Items, null, Now)).Code);
        loan.DecideExtension(Actors.Mayor, b.Policy, true, null, b.AllFree(), b.Items, null, Now);
        Assert.Equal(newDue, loan.DueOn);
        Assert.Null(loan.PendingExtension);
    }

    [Fact]
    public void DecideExtension_ExtraDaysBookedByAnother_Throws()
    {
        var b = new LoanBuilder().WithPooled(10, onHand: 10).HandedOver();
        var loan = b.Build();
        loan.RequestExtension(Actors.Employee, loan.DueOn.AddDays(2), "งานยังไม่แล้วเสร็จ", loan.StartOn, Now);
        var item = loan.Lines[0].CatalogueItemId;
        var busy = new Dictionary<int, ItemAvailability> { [item] = new(item, 4, new HashSet<int>()) };
        Assert.Equal("Loan.ExtensionConflict", Assert.Throws<DomainRuleException>(() =>
            loan.DecideExtension(Actors.Director, b.Policy, true, null, busy, b.Items, null, Now)).Code);
    }

    [Fact]
    public void Expire_ApprovedNotPickedUp_AfterSettingDays()
    {
        var start = new DateOnly(2026, 12, 1);
        var loan = new LoanBuilder().Between(start, start.AddDays(6)).Approved().Build();
        Assert.False(loan.ShouldExpire(loan.StartOn.AddDays(3), 3));
        Assert.True(loan.ShouldExpire(loan.StartOn.AddDays(4), 3));
        Assert.Equal("Loan.NotYetExpired", Assert.Throws<DomainRuleException>(() => loan.Expire(loan.StartOn.AddDays(3), 3, Now)).Code);
    }

    [Fact]
    public void Expire_ShortLoan_ExpiresOnceTheDueDateHasPassed()
    {
        var start = new DateOnly(2026, 12, 1);
        var loan = new LoanBuilder().Between(start, start.AddDays(1)).Approved().Build();
        Assert.False(loan.ShouldExpire(start.AddDays(1), 3));
        Assert.True(loan.ShouldExpire(start.AddDays(2), 3));
    }

    private static Loan SubmitFor(Borrower borrower, Actor filedBy)
    {
        var item = new CatalogueItemBuilder().Build();
        return Loan.Submit(new LoanRequest("ประชุม", "ห้องประชุม", false, Today, Today, [new RequestedLine(item.Id, 1)]), borrower,
            new Dictionary<int, CatalogueItem> { [item.Id] = item }, filedBy, 1, FiscalYear.Of(Today), Today, Now);
    }
}
