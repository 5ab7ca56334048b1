using AssetLoan.Domain;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>Issue 11 §3: the officer's re-check before the day — fewer items with the borrower's agreement written down.</summary>
public sealed class ReductionTests
{
    private readonly LoanScenario _s = new();

    [Fact]
    public void Reduce_ChairsAndOneTent_KeepsTheNamedUnitAndWritesTheAgreement()
    {
        var loan = _s.Approved(tents: 2, chairs: 30);
        var tents = _s.TentLine(loan);

        loan.ReduceByAgreement(_s.Officer, [new LineReduction(tents.Id, 1, [_s.Tents[1].Id]), new LineReduction(_s.ChairLine(loan).Id, 20)],
            "โทรแจ้งผู้ยืม 27 พ.ย. ผู้ยืมยินยอม", LoanScenario.Now);

        Assert.Equal(LoanStatus.Approved, loan.Status);
        Assert.Equal((1, 20), (tents.Quantity, _s.ChairLine(loan).Quantity));
        Assert.Equal([_s.Tents[1].Id], tents.Units.Select(u => u.AssetId));
        var entry = loan.History[^1];
        Assert.Equal((LoanAction.Reduce, "นางสาวพัชรี ใจดี"), (entry.Action, entry.ActorName));
        Assert.Equal("เต็นท์ ขนาด 4×8 ม. 2 → 1 หลัง; เก้าอี้พลาสติก 30 → 20 ตัว — โทรแจ้งผู้ยืม 27 พ.ย. ผู้ยืมยินยอม", entry.Note);
    }

    [Fact]
    public void Reduce_ALineToNothing_DropsIt()
    {
        var loan = _s.Approved(tents: 2, chairs: 30);

        loan.ReduceByAgreement(_s.Officer, [new LineReduction(_s.TentLine(loan).Id, 0, [])], "ผู้ยืมยินยอมทางโทรศัพท์", LoanScenario.Now);

        Assert.Equal(_s.Chairs.Id, Assert.Single(loan.Lines).CatalogueItemId);
    }

    [Theory]
    [InlineData(31, "ยินยอม", "Loan.ReduceOnlyDown")]
    [InlineData(-1, "ยินยอม", "Loan.ReduceOnlyDown")]
    [InlineData(30, "ยินยอม", "Loan.NothingReduced")]
    [InlineData(10, "  ", "Loan.AgreementRequired")]
    public void Reduce_Refused_ChangesNothing(int chairs, string agreement, string code)
    {
        var loan = _s.Approved(tents: 0, chairs: 30);
        var history = loan.History.Count;

        var ex = Assert.Throws<DomainRuleException>(() =>
            loan.ReduceByAgreement(_s.Officer, [new LineReduction(_s.ChairLine(loan).Id, chairs)], agreement, LoanScenario.Now));

        Assert.Equal(code, ex.Code);
        Assert.Equal((30, history), (_s.ChairLine(loan).Quantity, loan.History.Count));
    }

    [Fact]
    public void Reduce_EverythingToNothing_IsACancellationInstead()
    {
        var loan = _s.Approved(tents: 2, chairs: 30);

        var ex = Assert.Throws<DomainRuleException>(() => loan.ReduceByAgreement(_s.Officer,
            [new LineReduction(_s.TentLine(loan).Id, 0, []), new LineReduction(_s.ChairLine(loan).Id, 0)], "ยินยอม", LoanScenario.Now));

        Assert.Equal("Loan.ReduceToNothing", ex.Code);
        Assert.Equal(2, loan.Lines.Count);
    }

    [Fact]
    public void Reduce_NumberedLine_MustNameTheUnitsItKeeps()
    {
        var loan = _s.Approved(tents: 2, chairs: 0);
        var line = _s.TentLine(loan);

        Assert.Equal("Loan.ReduceUnitsMismatch", Assert.Throws<DomainRuleException>(() =>
            loan.ReduceByAgreement(_s.Officer, [new LineReduction(line.Id, 1)], "ยินยอม", LoanScenario.Now)).Code);
        Assert.Equal("Loan.ReduceUnitsMismatch", Assert.Throws<DomainRuleException>(() =>
            loan.ReduceByAgreement(_s.Officer, [new LineReduction(line.Id, 1, [_s.Tents[3].Id])], "ยินยอม", LoanScenario.Now)).Code);
        Assert.Equal(2, line.Units.Count);
    }

    [Fact]
    public void Reduce_ByTheBorrowerOrAfterHandover_IsRefused()
    {
        var approved = _s.Approved(tents: 0, chairs: 30);
        Assert.Equal("Loan.ReduceOfficerOnly", Assert.Throws<DomainRuleException>(() =>
            approved.ReduceByAgreement(_s.Employee, [new LineReduction(_s.ChairLine(approved).Id, 10)], "ยินยอม", LoanScenario.Now)).Code);

        var out_ = new LoanScenario().HandedOver(tents: 0, chairs: 30);
        Assert.Equal("Loan.IllegalTransition", Assert.Throws<DomainRuleException>(() =>
            out_.ReduceByAgreement(_s.Officer, [new LineReduction(out_.Lines[0].Id, 10)], "ยินยอม", LoanScenario.Now)).Code);
    }

    [Fact]
    public void UnitsToKeep_MoreTickedThanTheQuantity_KeepsThoseOnTheShelfFirstThenByNumber()
    {
        var numbers = new Dictionary<int, string> { [1] = "EQ-003", [2] = "EQ-001", [3] = "EQ-002" };
        Assert.Equal([3, 2], LineReduction.UnitsToKeep([1, 2, 3, 3], 2, [3], numbers));
        Assert.Equal([2, 3, 1], LineReduction.UnitsToKeep([2, 3, 1], 3, [], numbers));
        Assert.Equal([1], LineReduction.UnitsToKeep([1], 2, [], numbers));
        Assert.Equal([1, 2], LineReduction.UnitsToKeep([1, 2], null, [], numbers));
    }
}
