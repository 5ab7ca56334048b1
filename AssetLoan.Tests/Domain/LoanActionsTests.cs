using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// <see cref="LoanActions.For"/>: the transition table and the verbs' person-rules, answered for one person. Each
/// answer is checked against the verb itself, so the set and the aggregate cannot drift apart.
/// </summary>
public sealed class LoanActionsTests
{
    private static readonly LoanActionContext Context = new(LoanBuilder.Today, ApprovalPolicy.Default, WorkingCalendar.WeekendsOnly);

    [Fact]
    public void For_DirectorsOwnCheckedRequest_OffersNoDecision()
    {
        var loan = new LoanBuilder().ByStaff(Actors.Director).WithPooled(2).Checked().Build();

        var actions = loan.ActionsFor(Actors.Director, Context);

        Assert.DoesNotContain(LoanAction.Approve, actions);
        Assert.DoesNotContain(LoanAction.Reject, actions);
        Assert.Contains(LoanAction.Cancel, actions);
        var ex = Assert.Throws<DomainRuleException>(() =>
            loan.Reject(Actors.Director, ApprovalPolicy.Default, "ไม่จำเป็น", LoanBuilder.NowUtc));
        Assert.Equal("Loan.ApproverIsRequester", ex.Code);
    }

    [Fact]
    public void For_CheckedRequest_ApproverDecidesOfficerRecordsPaper()
    {
        var loan = new LoanBuilder().WithPooled(2).Checked().Build();

        Same([LoanAction.Approve, LoanAction.Reject], loan.ActionsFor(Actors.Director, Context));
        Same([LoanAction.Approve, LoanAction.Reject], loan.ActionsFor(Actors.Mayor, Context));
        Same([LoanAction.RecordPaperApproval, LoanAction.Reduce, LoanAction.Cancel], loan.ActionsFor(Actors.Officer, Context));
        Same([LoanAction.Cancel], loan.ActionsFor(Actors.Employee, Context));
        Assert.Empty(loan.ActionsFor(Actors.Head, Context));
    }

    private static void Same(LoanAction[] expected, IReadOnlySet<LoanAction> actual) =>
        Assert.Equal(expected.Order(), actual.Order());

    [Fact]
    public void For_SubmittedStaffRequest_OnlyTheBorrowersHeadEndorses()
    {
        var loan = new LoanBuilder().WithPooled(2).Build();

        Assert.Contains(LoanAction.Endorse, loan.ActionsFor(Actors.Head, Context));
        Assert.DoesNotContain(LoanAction.Endorse, loan.ActionsFor(Actors.OtherHead, Context));
        Assert.Equal("Loan.EndorserOtherDivision", Assert.Throws<DomainRuleException>(() => loan.Endorse(Actors.OtherHead, LoanBuilder.NowUtc)).Code);

        // Not endorsed yet: the officer may not check it.
        Assert.DoesNotContain(LoanAction.Check, loan.ActionsFor(Actors.Officer, Context));
        loan.Endorse(Actors.Head, LoanBuilder.NowUtc);
        Assert.Contains(LoanAction.Check, loan.ActionsFor(Actors.Officer, Context));
    }

    [Fact]
    public void For_FallbackDivisionHead_EndorsesThroughTheContext()
    {
        var loan = new LoanBuilder().WithPooled(2).Build();

        Assert.Contains(LoanAction.Endorse, loan.ActionsFor(Actors.OtherHead, Context with { EndorsingDivisionId = Actors.OtherHead.DivisionId }));
        Assert.DoesNotContain(LoanAction.Endorse, loan.ActionsFor(Actors.Head, Context with { EndorsingDivisionId = Actors.OtherHead.DivisionId }));
    }

    [Fact]
    public void For_KeyedInByTheOfficer_AnotherOfficerChecks()
    {
        var loan = new LoanBuilder().KeyedInBy(Actors.Officer).WithPooled(2).Build();

        Assert.DoesNotContain(LoanAction.Check, loan.ActionsFor(Actors.Officer, Context));
        Assert.Contains(LoanAction.Check, loan.ActionsFor(Actors.Officer, Context with { SeparateDuties = false }));
        Assert.Contains(LoanAction.Check, loan.ActionsFor(Actors.SecondOfficer, Context));
    }

    [Fact]
    public void For_HandedOver_DemandOnlyWhenOverdueByTheWorkingCalendar()
    {
        // Due Saturday 28 Nov 2026: a return on Monday 30 Nov is on time (domain.md §5, working days), so Sunday is not overdue.
        var loan = new LoanBuilder().WithPooled(2).Between(LoanBuilder.Today, new DateOnly(2026, 11, 28)).HandedOver().Build();
        Assert.Equal(DayOfWeek.Saturday, loan.DueOn.DayOfWeek);

        Same([LoanAction.Return, LoanAction.RequestExtension], loan.ActionsFor(Actors.Officer, Context));
        Assert.DoesNotContain(LoanAction.RecordDemand, loan.ActionsFor(Actors.Officer, Context with { Today = loan.DueOn.AddDays(1) }));
        Assert.Contains(LoanAction.RecordDemand, loan.ActionsFor(Actors.Officer, Context with { Today = loan.DueOn.AddDays(4) }));
        Assert.DoesNotContain(LoanAction.RecordDemand, loan.ActionsFor(Actors.Director, Context with { Today = loan.DueOn.AddDays(4) }));
        Same([LoanAction.RequestExtension], loan.ActionsFor(Actors.Employee, Context));
    }

    [Fact]
    public void For_PendingExtension_TheApproverDecidesAndNobodyAsksAgain()
    {
        var loan = new LoanBuilder().WithPooled(2).HandedOver().Build();
        loan.RequestExtension(Actors.Employee, loan.DueOn.AddDays(1), "งานเลื่อน", LoanBuilder.Today, LoanBuilder.NowUtc);

        Assert.Contains(LoanAction.DecideExtension, loan.ActionsFor(Actors.Director, Context));
        Assert.DoesNotContain(LoanAction.RequestExtension, loan.ActionsFor(Actors.Employee, Context));
        Assert.DoesNotContain(LoanAction.DecideExtension, loan.ActionsFor(Actors.Officer, Context));
    }

    [Fact]
    public void For_PaperApproval_NotTheRecorderNorTheChecker()
    {
        var loan = new LoanBuilder().WithPooled(2).PaperApproved().Build();

        Assert.DoesNotContain(LoanAction.ConfirmApproval, loan.ActionsFor(Actors.SecondOfficer, Context));
        Assert.DoesNotContain(LoanAction.ConfirmApproval, loan.ActionsFor(Actors.Officer, Context));
        Assert.Contains(LoanAction.ConfirmApproval, loan.ActionsFor(Actors.Director, Context));
        Assert.DoesNotContain(LoanAction.ConfirmApproval, loan.ActionsFor(Actors.Employee, Context));
    }

    [Fact]
    public void RecordPaperApproval_IsItsOwnStepInTheTable()
    {
        Assert.Equal([LoanStatus.PaperApproved], LoanTransitions.Targets(LoanStatus.Checked, LoanAction.RecordPaperApproval));
        Assert.All(Enum.GetValues<LoanStatus>().Where(s => s != LoanStatus.Checked),
            s => Assert.False(LoanTransitions.Allows(s, LoanAction.RecordPaperApproval)));
    }

    [Fact]
    public void For_FinishedLoan_OffersNothing()
    {
        var loan = new LoanBuilder().WithPooled(2).Cancelled().Build();

        foreach (var actor in new[] { Actors.Employee, Actors.Officer, Actors.Director, Actors.Mayor, Actors.Head })
        {
            Assert.Empty(loan.ActionsFor(actor, Context));
        }
    }
}
