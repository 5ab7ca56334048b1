namespace AssetLoan.Domain.Loans;

/// <summary>
/// The loan's life (domain.md §5) as one table: which actions each status allows. The aggregate's guards and the
/// pages' buttons both ask it, so they cannot disagree. Actions whose outcome depends on data (a return may leave the
/// loan partly or fully returned) name their possible targets.
/// </summary>
public static class LoanTransitions
{
    private static readonly Dictionary<LoanStatus, Dictionary<LoanAction, LoanStatus[]>> Table = new()
    {
        [LoanStatus.Submitted] = new()
        {
            [LoanAction.Endorse] = [LoanStatus.Endorsed],
            [LoanAction.SendBack] = [LoanStatus.SentBack],
            [LoanAction.Check] = [LoanStatus.Checked],
            [LoanAction.Cancel] = [LoanStatus.Cancelled],
            [LoanAction.Expire] = [LoanStatus.Expired],
        },
        [LoanStatus.Endorsed] = new()
        {
            [LoanAction.SendBack] = [LoanStatus.SentBack],
            [LoanAction.Check] = [LoanStatus.Checked],
            [LoanAction.Cancel] = [LoanStatus.Cancelled],
            [LoanAction.Expire] = [LoanStatus.Expired],
        },
        [LoanStatus.SentBack] = new()
        {
            [LoanAction.Resubmit] = [LoanStatus.Submitted],
            [LoanAction.Cancel] = [LoanStatus.Cancelled],
        },
        [LoanStatus.Checked] = new()
        {
            // Online by the approver; on paper, recorded by an officer, it waits for a second person's confirmation.
            [LoanAction.Approve] = [LoanStatus.Approved, LoanStatus.PaperApproved],
            [LoanAction.RecordPaperApproval] = [LoanStatus.PaperApproved],
            [LoanAction.Reject] = [LoanStatus.Rejected],
            [LoanAction.SendBack] = [LoanStatus.SentBack],
            [LoanAction.Cancel] = [LoanStatus.Cancelled],
            [LoanAction.Expire] = [LoanStatus.Expired],
            [LoanAction.Reduce] = [LoanStatus.Checked],
        },
        [LoanStatus.PaperApproved] = new()
        {
            [LoanAction.ConfirmApproval] = [LoanStatus.Approved],
            [LoanAction.Cancel] = [LoanStatus.Cancelled],
            [LoanAction.Expire] = [LoanStatus.Expired],
        },
        [LoanStatus.Approved] = new()
        {
            [LoanAction.HandOver] = [LoanStatus.HandedOver],
            [LoanAction.Cancel] = [LoanStatus.Cancelled],
            [LoanAction.Expire] = [LoanStatus.Expired],
            [LoanAction.Reduce] = [LoanStatus.Approved],
        },
        [LoanStatus.HandedOver] = new()
        {
            [LoanAction.Return] = [LoanStatus.PartlyReturned, LoanStatus.Returned, LoanStatus.Closed],
            [LoanAction.RequestExtension] = [LoanStatus.HandedOver],
            [LoanAction.DecideExtension] = [LoanStatus.HandedOver],
            [LoanAction.RecordDemand] = [LoanStatus.HandedOver],
        },
        [LoanStatus.PartlyReturned] = new()
        {
            [LoanAction.Return] = [LoanStatus.PartlyReturned, LoanStatus.Returned, LoanStatus.Closed],
            [LoanAction.RequestExtension] = [LoanStatus.PartlyReturned],
            [LoanAction.DecideExtension] = [LoanStatus.PartlyReturned],
            [LoanAction.RecordDemand] = [LoanStatus.PartlyReturned],
            [LoanAction.DecideCompensation] = [LoanStatus.PartlyReturned],
            [LoanAction.ConfirmCompensation] = [LoanStatus.PartlyReturned],
            [LoanAction.SettleCompensation] = [LoanStatus.PartlyReturned],
        },
        [LoanStatus.Returned] = new()
        {
            [LoanAction.DecideCompensation] = [LoanStatus.Returned],
            [LoanAction.ConfirmCompensation] = [LoanStatus.Returned],
            [LoanAction.SettleCompensation] = [LoanStatus.Returned, LoanStatus.Closed],
        },
        [LoanStatus.Rejected] = [],
        [LoanStatus.Closed] = [],
        [LoanStatus.Cancelled] = [],
        [LoanStatus.Expired] = [],
    };

    public static bool Allows(LoanStatus status, LoanAction action) => Table[status].ContainsKey(action);

    public static IReadOnlyList<LoanStatus> Targets(LoanStatus status, LoanAction action) =>
        Table[status].TryGetValue(action, out var targets) ? targets : [];

    public static IEnumerable<LoanAction> ActionsFrom(LoanStatus status) => Table[status].Keys;

    public static void Require(LoanStatus status, LoanAction action)
    {
        if (!Allows(status, action))
        {
            throw new DomainRuleException(
                "Loan.IllegalTransition",
                $"A loan that is {status} cannot be {action}.");
        }
    }

    /// <summary>
    /// Statuses in which the loan holds items (a reservation or items out): committed from the supplies check until
    /// everything is physically back. Every query that asks "what is held" uses this array (SQL <c>IN</c>).
    /// </summary>
    public static readonly LoanStatus[] HoldingStatuses = [LoanStatus.Checked, LoanStatus.PaperApproved, LoanStatus.Approved, LoanStatus.HandedOver, LoanStatus.PartlyReturned];

    /// <summary>
    /// Statuses in which the hold is firm: approved (on paper too: the signature was checked against what was free) or
    /// items out. Approval and handover re-count only these.
    /// </summary>
    public static readonly LoanStatus[] FirmStatuses = [LoanStatus.PaperApproved, LoanStatus.Approved, LoanStatus.HandedOver, LoanStatus.PartlyReturned];

    /// <summary>Statuses in which items are out with the borrower.</summary>
    public static readonly LoanStatus[] OutStatuses = [LoanStatus.HandedOver, LoanStatus.PartlyReturned];

    /// <summary>Statuses that have not reached approval and still wait for someone at the municipality.</summary>
    public static readonly LoanStatus[] UndecidedStatuses = [LoanStatus.Submitted, LoanStatus.Endorsed, LoanStatus.Checked];

    /// <summary>Statuses in which the loan is approved (online, or on paper awaiting confirmation) and waits to be picked up.</summary>
    public static readonly LoanStatus[] AwaitingPickupStatuses = [LoanStatus.PaperApproved, LoanStatus.Approved];

    /// <summary>
    /// Statuses of a request still on its way to the handover: filed (or sent back to the borrower) and not yet handed
    /// over, rejected, cancelled or expired. The public application's cap and the resubmission check count these.
    /// </summary>
    public static readonly LoanStatus[] InProgressStatuses =
        [LoanStatus.Submitted, LoanStatus.Endorsed, LoanStatus.SentBack, LoanStatus.Checked, LoanStatus.PaperApproved, LoanStatus.Approved];

    /// <summary>Statuses in which the loan's life is over: nothing can happen to it any more.</summary>
    public static readonly LoanStatus[] FinishedStatuses = [LoanStatus.Rejected, LoanStatus.Closed, LoanStatus.Cancelled, LoanStatus.Expired];

    public static bool Holds(LoanStatus status) => HoldingStatuses.Contains(status);

    public static bool HoldsFirmly(LoanStatus status) => FirmStatuses.Contains(status);

    public static bool IsOut(LoanStatus status) => OutStatuses.Contains(status);

    public static bool IsUndecided(LoanStatus status) => UndecidedStatuses.Contains(status);

    public static bool AwaitsPickup(LoanStatus status) => AwaitingPickupStatuses.Contains(status);

    public static bool IsInProgress(LoanStatus status) => InProgressStatuses.Contains(status);

    public static bool IsFinished(LoanStatus status) => FinishedStatuses.Contains(status);
}
