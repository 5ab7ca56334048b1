using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// The availability query reads only lines marked <see cref="LoanLine.Holds"/> (issue 15: a million loans of history
/// must cost nothing there), so the mark must follow the loan's status through its whole life, lines added later
/// included. The model test (AvailabilityModelTests) checks the same after every random step on real SQLite.
/// </summary>
public sealed class LoanLineHoldsTests
{
    private readonly LoanScenario _s = new();

    private static void AssertLinesFollow(Loan loan)
    {
        Assert.NotEmpty(loan.Lines);
        Assert.All(loan.Lines, l => Assert.Equal(LoanTransitions.Holds(loan.Status), l.Holds));
    }

    [Fact]
    public void ThroughTheLoansLife_TheLinesHoldExactlyWhenTheStatusHolds()
    {
        var loan = _s.HandedOver(tents: 1, chairs: 10);
        Assert.Equal(LoanStatus.HandedOver, loan.Status);
        Assert.All(loan.Lines, l => Assert.True(l.Holds));

        loan.Return(_s.Officer, loan.Lines.Select(l => new LineReturn(l.Id, l.Units.Select(u => new UnitReturn(u.AssetId, ReturnCondition.Good, null)).ToList(), l.IsPooled ? l.Quantity : 0, 0, 0, [], null)).ToList(),
            _s.Assets, _s.Items, LoanScenario.Today, LoanScenario.Now);

        Assert.False(LoanTransitions.Holds(loan.Status));
        AssertLinesFollow(loan);
    }

    [Fact]
    public void Approved_Holds_AndEveryStatusOfTheTableMarksItsLines()
    {
        var loan = _s.Approved();
        Assert.All(loan.Lines, l => Assert.True(l.Holds));

        foreach (var status in Enum.GetValues<LoanStatus>())
        {
            typeof(Loan).GetProperty(nameof(Loan.Status))!.SetValue(loan, status);
            AssertLinesFollow(loan);
        }
    }
}
