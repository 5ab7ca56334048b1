using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// The status sets beside the transition table (which every query uses) say what the table means, so a new status or
/// a changed row cannot leave a set behind: each set is derived here from the table's actions and compared.
/// </summary>
public sealed class LoanStatusSetsTests
{
    private static readonly LoanStatus[] All = Enum.GetValues<LoanStatus>();

    private static IEnumerable<LoanStatus> Where(Func<LoanStatus, bool> test) => All.Where(test);

    private static IEnumerable<LoanStatus> Allowing(LoanAction action) => Where(s => LoanTransitions.Allows(s, action));

    /// <summary>The statuses from which <paramref name="action"/> can still be reached through the table.</summary>
    private static HashSet<LoanStatus> Reaching(LoanAction action)
    {
        var reaching = Allowing(action).ToHashSet();
        bool grew;
        do
        {
            grew = false;
            foreach (var status in All.Where(s => !reaching.Contains(s)))
            {
                if (LoanTransitions.ActionsFrom(status).SelectMany(a => LoanTransitions.Targets(status, a)).Any(reaching.Contains))
                {
                    grew = reaching.Add(status);
                }
            }
        }
        while (grew);

        return reaching;
    }

    private static void AssertSame(IEnumerable<LoanStatus> expected, IEnumerable<LoanStatus> actual) =>
        Assert.Equal(expected.Order(), actual.Order());

    [Fact]
    public void Out_IsWhereItemsCanComeBack()
    {
        AssertSame(Allowing(LoanAction.Return), LoanTransitions.OutStatuses);
    }

    [Fact]
    public void AwaitingPickup_IsWhatApprovalLeadsTo()
    {
        AssertSame(LoanTransitions.Targets(LoanStatus.Checked, LoanAction.Approve), LoanTransitions.AwaitingPickupStatuses);
        Assert.All(LoanTransitions.AwaitingPickupStatuses, s => Assert.True(LoanTransitions.Allows(s, LoanAction.Expire)));
    }

    [Fact]
    public void Firm_IsApprovedOrOut()
    {
        AssertSame(LoanTransitions.AwaitingPickupStatuses.Concat(LoanTransitions.OutStatuses), LoanTransitions.FirmStatuses);
    }

    [Fact]
    public void Holding_IsFromTheSuppliesCheckUntilEverythingIsBack()
    {
        var checkedInto = Allowing(LoanAction.Check).SelectMany(s => LoanTransitions.Targets(s, LoanAction.Check));
        AssertSame(checkedInto.Concat(LoanTransitions.FirmStatuses).Distinct(), LoanTransitions.HoldingStatuses);

        // The same in other words: the items can still be handed over or are out to come back, and the request is past
        // the check (not waiting for it, nor sent back to the borrower).
        var beforeTheCheck = Allowing(LoanAction.Check).Concat(Allowing(LoanAction.Resubmit));
        AssertSame(Reaching(LoanAction.HandOver).Union(Allowing(LoanAction.Return)).Except(beforeTheCheck), LoanTransitions.HoldingStatuses);
    }

    [Fact]
    public void InProgress_IsWhereTheHandoverIsStillAhead()
    {
        AssertSame(Reaching(LoanAction.HandOver), LoanTransitions.InProgressStatuses);
    }

    [Fact]
    public void Undecided_IsWhereTheMunicipalityChecksOrApproves()
    {
        AssertSame(Allowing(LoanAction.Check).Concat(Allowing(LoanAction.Approve)).Distinct(), LoanTransitions.UndecidedStatuses);
    }

    [Fact]
    public void Finished_IsWhereNothingCanHappen()
    {
        AssertSame(Where(s => !LoanTransitions.ActionsFrom(s).Any()), LoanTransitions.FinishedStatuses);
    }
}
