using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// Issue 14 §9: an approval signed on paper and recorded by an officer waits until the approver named on it, or a
/// second officer who neither filed, checked nor recorded the loan, confirms it in the system.
/// </summary>
public sealed class PaperApprovalConfirmationTests
{
    private static readonly DateTime Now = LoanBuilder.NowUtc;

    [Fact]
    public void RecordPaperApproval_LeavesTheLoanAwaitingConfirmation_NotReadyForHandover()
    {
        var loan = new LoanBuilder().ByOutsider().PaperApproved().Build();

        Assert.Equal(LoanStatus.PaperApproved, loan.Status);
        Assert.False(loan.Can(LoanAction.HandOver));
        Assert.True(loan.Can(LoanAction.ConfirmApproval));
        Assert.Equal("Approved.Paper", loan.History[^1].Summary);
        Assert.Equal(Actors.Director.Name, loan.ApprovedByName);
    }

    [Fact]
    public void ConfirmApproval_ByTheNamedApprover_ApprovesAndRecordsWho()
    {
        var loan = new LoanBuilder().ByOutsider().PaperApproved().Build();

        loan.ConfirmPaperApproval(Actors.Director, Now);

        Assert.Equal(LoanStatus.Approved, loan.Status);
        var entry = loan.History[^1];
        Assert.Equal(LoanAction.ConfirmApproval, entry.Action);
        Assert.Equal(Actors.Director.UserId, entry.ActorUserId);
        Assert.Equal(nameof(Role.FinanceDirector), entry.ActingRole);
        Assert.Equal(LoanStatus.PaperApproved, entry.FromStatus);
        Assert.True(loan.Can(LoanAction.HandOver));
    }

    [Fact]
    public void ConfirmApproval_ByAThirdOfficer_Approves()
    {
        var third = new ActorBuilder("u-officer-3").With(Role.SuppliesOfficer).Build();
        var loan = new LoanBuilder().ByOutsider().PaperApproved().Build();

        loan.ConfirmPaperApproval(third, Now);

        Assert.Equal(LoanStatus.Approved, loan.Status);
        Assert.Equal(nameof(Role.SuppliesOfficer), loan.History[^1].ActingRole);
    }

    [Fact]
    public void ConfirmApproval_ByTheOfficerWhoRecordedIt_Throws()
    {
        var loan = new LoanBuilder().ByOutsider().PaperApproved().Build();

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmPaperApproval(Actors.SecondOfficer, Now));

        Assert.Equal("Loan.ConfirmOwnPaper", ex.Code);
        Assert.Equal(LoanStatus.PaperApproved, loan.Status);
    }

    [Fact]
    public void ConfirmApproval_ByTheOfficerWhoChecked_Throws()
    {
        var loan = new LoanBuilder().ByOutsider().CheckedBy(Actors.Officer).PaperApproved().Build();

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmPaperApproval(Actors.Officer, Now));

        Assert.Equal("Loan.ConfirmByChecker", ex.Code);
    }

    [Fact]
    public void ConfirmApproval_ByTheOfficerWhoKeyedItIn_Throws()
    {
        var third = new ActorBuilder("u-officer-3").With(Role.SuppliesOfficer).Build();
        var loan = new LoanBuilder().KeyedInBy(third).PaperApproved().Build();

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmPaperApproval(third, Now));

        Assert.Equal("Loan.ConfirmByRequester", ex.Code);
    }

    [Fact]
    public void ConfirmApproval_ByTheBorrower_Throws()
    {
        var loan = new LoanBuilder().PaperApproved().Build();

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmPaperApproval(Actors.Employee, Now));

        Assert.Equal("Loan.ConfirmByRequester", ex.Code);
    }

    [Fact]
    public void ConfirmApproval_ByARoleNotNamedOnThePaper_Throws()
    {
        // Off premises: the paper names the Executive; the finance director is neither that approver nor an officer.
        var loan = new LoanBuilder().ByOutsider().OffPremises().PaperApproved().Build();

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmPaperApproval(Actors.Director, Now));

        Assert.Equal("Loan.ConfirmerRole", ex.Code);
        loan.ConfirmPaperApproval(Actors.Mayor, Now);
        Assert.Equal(LoanStatus.Approved, loan.Status);
    }

    [Fact]
    public void ConfirmApproval_OnAnOnlineApproval_IsIllegal()
    {
        var loan = new LoanBuilder().ByOutsider().Approved().Build();

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmPaperApproval(Actors.SecondOfficer, Now));

        Assert.Equal("Loan.IllegalTransition", ex.Code);
    }

    [Fact]
    public void ConfirmationRefusal_TellsThePageWhoMayConfirm()
    {
        var loan = new LoanBuilder().ByOutsider().PaperApproved().Build();

        Assert.Null(loan.ConfirmationRefusal(Actors.Director));
        Assert.Equal("Loan.ConfirmOwnPaper", loan.ConfirmationRefusal(Actors.SecondOfficer));
        Assert.Equal("Loan.ConfirmByChecker", loan.ConfirmationRefusal(Actors.Officer));
        Assert.Equal("Loan.ConfirmerRole", loan.ConfirmationRefusal(Actors.Employee));
    }

    [Fact]
    public void PaperApproved_HoldsItsItemsFirmly_AndExpiresLikeAnApprovedLoan()
    {
        Assert.True(LoanTransitions.HoldsFirmly(LoanStatus.PaperApproved));
        var loan = new LoanBuilder().ByOutsider().PaperApproved().Build();
        var policy = ApprovalPolicy.Default;

        Assert.True(loan.ShouldExpire(loan.StartOn.AddDays(policy.ExpireAfterDays + 1), policy.ExpireAfterDays));
        loan.Expire(loan.StartOn.AddDays(policy.ExpireAfterDays + 1), policy.ExpireAfterDays, Now);
        Assert.Equal(LoanStatus.Expired, loan.Status);
    }
}

/// <summary>
/// Issue 14 §9, setting <c>Security.SeparateDuties</c> (default on): the officer who keyed in a walk-in request may
/// not also check it or hand it over.
/// </summary>
public sealed class SeparationOfDutiesTests
{
    [Fact]
    public void Check_ByTheOfficerWhoKeyedItIn_Throws()
    {
        var b = new LoanBuilder().KeyedInBy(Actors.Officer);
        var loan = b.Build();

        var ex = Assert.Throws<DomainRuleException>(() =>
            loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), LoanBuilder.Today, LoanBuilder.NowUtc, separateDuties: true));

        Assert.Equal("Loan.KeyedInBySameOfficer", ex.Code);
        Assert.Equal(LoanStatus.Submitted, loan.Status);
    }

    [Fact]
    public void Check_ByTheOfficerWhoKeyedItIn_WhenTheSettingIsOff_Checks()
    {
        var b = new LoanBuilder().KeyedInBy(Actors.Officer);
        var loan = b.Build();

        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), LoanBuilder.Today, LoanBuilder.NowUtc, separateDuties: false);

        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void Check_ByAnotherOfficer_Checks()
    {
        var b = new LoanBuilder().KeyedInBy(Actors.SecondOfficer);
        var loan = b.Build();

        loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), LoanBuilder.Today, LoanBuilder.NowUtc, separateDuties: true);

        Assert.Equal(LoanStatus.Checked, loan.Status);
    }

    [Fact]
    public void HandOver_ByTheOfficerWhoKeyedItIn_Throws()
    {
        var b = new LoanBuilder().KeyedInBy(Actors.SecondOfficer).Approved();
        var loan = b.Build();
        var issues = loan.Lines.Select(l => new LineIssue(l.Id, [], l.Quantity, null)).ToList();

        var ex = Assert.Throws<DomainRuleException>(() => loan.HandOver(Actors.SecondOfficer, issues, b.Assets, b.Items, TestShelf.Free(b.Items), "ผู้รับ", true, null,
            loan.StartOn, LoanBuilder.NowUtc, WorkingCalendar.WeekendsOnly, separateDuties: true));

        Assert.Equal("Loan.KeyedInBySameOfficer", ex.Code);
        loan.HandOver(Actors.Officer, issues, b.Assets, b.Items, TestShelf.Free(b.Items), "ผู้รับ", true, null, loan.StartOn, LoanBuilder.NowUtc, WorkingCalendar.WeekendsOnly, separateDuties: true);
        Assert.Equal(LoanStatus.HandedOver, loan.Status);
    }

    [Fact]
    public void DutyRefusal_NamesTheRuleOnlyForCheckAndHandover()
    {
        var loan = new LoanBuilder().KeyedInBy(Actors.Officer).Build();

        Assert.Equal("Loan.KeyedInBySameOfficer", loan.DutyRefusal(Actors.Officer, LoanAction.Check, separateDuties: true));
        Assert.Equal("Loan.KeyedInBySameOfficer", loan.DutyRefusal(Actors.Officer, LoanAction.HandOver, separateDuties: true));
        Assert.Null(loan.DutyRefusal(Actors.Officer, LoanAction.Cancel, separateDuties: true));
        Assert.Null(loan.DutyRefusal(Actors.Officer, LoanAction.Check, separateDuties: false));
        Assert.Null(loan.DutyRefusal(Actors.SecondOfficer, LoanAction.Check, separateDuties: true));
    }
}
