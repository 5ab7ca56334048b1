using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.People;

namespace AssetLoan.Domain.Loans;

/// <summary>
/// What the person-rules of the loan's verbs need to know about a loan, whether it comes from the aggregate
/// (<see cref="Loan.Facts"/>) or from a read model: the status, the parties and the steps already taken.
/// </summary>
public sealed record LoanFacts(
    LoanStatus Status,
    LoanCase Case,
    BorrowerKind BorrowerKind,
    string? BorrowerUserId,
    int? BorrowerDivisionId,
    string? RequestedByUserId,
    bool KeyedInByOfficer,
    bool NeedsEndorsement,
    bool IsEndorsed,
    string? ApprovedRole,
    string? PaperRecordedByUserId,
    string? CheckedByUserId,
    DateOnly DueOn,
    bool HasPendingExtension);

/// <summary>The settings and the day the answer depends on.</summary>
/// <param name="EndorsingDivisionId">The division whose head endorses (<see cref="EndorsementRouting"/>); null: the borrower's.</param>
public sealed record LoanActionContext(DateOnly Today, ApprovalPolicy Policy, WorkingCalendar Calendar, bool SeparateDuties = true, int? EndorsingDivisionId = null);

/// <summary>
/// "Which actions may this person take on this loan now": the transition table (<see cref="LoanTransitions"/>) and
/// the person-rules of each verb. The verbs of <see cref="Loan"/> throw on the same refusal functions, and every page
/// draws its buttons from <see cref="For"/>, so a shown button is never refused and a refused action never shown.
/// Rules about what is typed into a form (a reason, a date, units) stay in the verbs: they refuse the form, not the person.
/// Compensation actions are per case and are decided on the compensation pages; they are not part of this answer.
/// </summary>
public static class LoanActions
{
    /// <summary>The actions a loan page offers, in the order of the loan's life.</summary>
    public static readonly LoanAction[] PageActions =
    [
        LoanAction.Endorse, LoanAction.Resubmit, LoanAction.Check, LoanAction.RecordPaperApproval, LoanAction.Approve,
        LoanAction.Reject, LoanAction.ConfirmApproval, LoanAction.Reduce, LoanAction.HandOver, LoanAction.Return,
        LoanAction.RequestExtension, LoanAction.DecideExtension, LoanAction.RecordDemand, LoanAction.Cancel,
    ];

    public static IReadOnlySet<LoanAction> For(LoanFacts loan, Actor actor, LoanActionContext context)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(context);
        return PageActions.Where(a => Refusal(loan, actor, a, context) is null).ToHashSet();
    }

    /// <summary>Why <paramref name="actor"/> may not take <paramref name="action"/> now: a rule code, or null when they may.</summary>
    public static string? Refusal(LoanFacts loan, Actor actor, LoanAction action, LoanActionContext context)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(context);
        if (!LoanTransitions.Allows(loan.Status, action))
        {
            return "Loan.IllegalTransition";
        }

        return action switch
        {
            LoanAction.Endorse => EndorseRefusal(loan, actor, context.EndorsingDivisionId),
            LoanAction.SendBack => SendBackRefusal(loan, actor, context.EndorsingDivisionId),
            LoanAction.Resubmit => ResubmitRefusal(loan, actor),
            LoanAction.Check => CheckRefusal(loan, actor, context.SeparateDuties),
            LoanAction.RecordPaperApproval => PaperApprovalRefusal(loan, actor),
            LoanAction.Approve or LoanAction.Reject => Loan.DecisionRefusal(actor, context.Policy, loan.Case, IsOwnRequest(loan, actor)),
            LoanAction.DecideExtension => !loan.HasPendingExtension ? "Loan.NoPendingExtension"
                : Loan.DecisionRefusal(actor, context.Policy, loan.Case, IsOwnRequest(loan, actor)),
            LoanAction.ConfirmApproval => Loan.ConfirmationRefusal(actor, loan.ApprovedRole, loan.PaperRecordedByUserId, loan.CheckedByUserId,
                loan.BorrowerUserId, loan.RequestedByUserId),
            LoanAction.Cancel => CancelRefusal(loan, actor),
            LoanAction.Reduce => OfficerRefusal(loan, actor, "Loan.ReduceOfficerOnly"),
            LoanAction.HandOver => HandOverRefusal(loan, actor, context.SeparateDuties),
            LoanAction.Return => OfficerRefusal(loan, actor, "Loan.ReturnOfficerOnly"),
            LoanAction.RecordDemand => DemandRefusal(loan, actor, context.Today, context.Calendar),
            LoanAction.RequestExtension => ExtensionRequestRefusal(loan, actor, context.Today),
            _ => "Loan.NotAllowed",
        };
    }

    public static bool IsOwnRequest(LoanFacts loan, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return Loan.IsOwnRequest(actor, loan.BorrowerUserId, loan.RequestedByUserId, loan.KeyedInByOfficer);
    }

    /// <summary>Rule 4: the head of the endorsing division, on a staff request that needs it, not their own.</summary>
    public static string? EndorseRefusal(LoanFacts loan, Actor head, int? endorsingDivisionId)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(head);
        var division = endorsingDivisionId ?? loan.BorrowerDivisionId;
        return loan.BorrowerKind != BorrowerKind.Staff ? "Loan.EndorsementStaffOnly"
            : !loan.NeedsEndorsement ? "Loan.EndorsementNotNeeded"
            : !head.Has(Role.DivisionHead) ? "Loan.EndorserNotHead"
            : head.DivisionId is null || head.DivisionId != division ? "Loan.EndorserOtherDivision"
            : IsOwnRequest(loan, head) ? "Loan.EndorserIsRequester"
            : null;
    }

    /// <summary>Who sends back: the endorsing head before the endorsement, a supplies officer otherwise.</summary>
    public static Role SendBackRole(LoanFacts loan, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(actor);
        return loan.Status == LoanStatus.Submitted && loan.NeedsEndorsement && actor.Has(Role.DivisionHead) && !actor.Has(Role.SuppliesOfficer)
            ? Role.DivisionHead
            : Role.SuppliesOfficer;
    }

    public static string? SendBackRefusal(LoanFacts loan, Actor actor, int? endorsingDivisionId)
    {
        var role = SendBackRole(loan, actor);
        return !actor.Has(role) ? "Loan.NotAllowed"
            : role == Role.DivisionHead && actor.DivisionId != (endorsingDivisionId ?? loan.BorrowerDivisionId) ? "Loan.EndorserOtherDivision"
            : IsOwnRequest(loan, actor) ? "Loan.OwnRequest"
            : null;
    }

    /// <summary>The borrower (an outsider through the tracking link) or a supplies officer on their behalf.</summary>
    public static string? ResubmitRefusal(LoanFacts loan, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId is not null && !IsOwnRequest(loan, actor) && !actor.Has(Role.SuppliesOfficer) ? "Loan.NotAllowed" : null;
    }

    /// <summary>The supplies check: an officer who did not key the request in, once a needed endorsement is given, never their own.</summary>
    public static string? CheckRefusal(LoanFacts loan, Actor officer, bool separateDuties)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(officer);
        return !officer.Has(Role.SuppliesOfficer) ? "Loan.CheckOfficerOnly"
            : DutyRefusal(loan, officer, LoanAction.Check, separateDuties)
            ?? (loan.NeedsEndorsement && !loan.IsEndorsed ? "Loan.NotEndorsed"
            : IsOwnRequest(loan, officer) ? "Loan.OwnRequest"
            : null);
    }

    /// <summary>A paper approval is recorded by a supplies officer, not on their own request.</summary>
    public static string? PaperApprovalRefusal(LoanFacts loan, Actor officer) => OfficerRefusal(loan, officer, "Loan.PaperOfficerOnly");

    /// <summary>By the borrower, an outside applicant through the tracking link, or a supplies officer.</summary>
    public static string? CancelRefusal(LoanFacts loan, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId is null || IsOwnRequest(loan, actor) || actor.Has(Role.SuppliesOfficer) ? null : "Loan.NotAllowed";
    }

    public static string? HandOverRefusal(LoanFacts loan, Actor officer, bool separateDuties)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return !officer.Has(Role.SuppliesOfficer) ? "Loan.HandoverOfficerOnly"
            : DutyRefusal(loan, officer, LoanAction.HandOver, separateDuties)
            ?? (IsOwnRequest(loan, officer) ? "Loan.OwnRequest" : null);
    }

    /// <summary>A supplies officer's step (<paramref name="roleCode"/> when not an officer), never on their own request.</summary>
    public static string? OfficerRefusal(LoanFacts loan, Actor officer, string roleCode)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return !officer.Has(Role.SuppliesOfficer) ? roleCode : IsOwnRequest(loan, officer) ? "Loan.OwnRequest" : null;
    }

    /// <summary>ข้อ ๒๑๑: a supplies officer records a demand on a loan that is overdue by the working calendar.</summary>
    public static string? DemandRefusal(LoanFacts loan, Actor officer, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(officer);
        return !officer.Has(Role.SuppliesOfficer) ? "Loan.DemandOfficerOnly"
            : !FollowUp.IsOverdue(loan.Status, loan.DueOn, today, calendar) ? "Loan.NotOverdue"
            : null;
    }

    /// <summary>The borrower (an outsider through the tracking link) or an officer, before the due date, one request at a time.</summary>
    public static string? ExtensionRequestRefusal(LoanFacts loan, Actor actor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(actor);
        var outsiderThroughLink = actor.UserId is null && loan.BorrowerUserId is null;
        return !outsiderThroughLink && !IsOwnRequest(loan, actor) && !actor.Has(Role.SuppliesOfficer) ? "Loan.NotAllowed"
            : today > loan.DueOn ? "Loan.ExtensionAfterDue"
            : loan.HasPendingExtension ? "Loan.ExtensionPending"
            : null;
    }

    private static string? DutyRefusal(LoanFacts loan, Actor actor, LoanAction action, bool separateDuties) =>
        Loan.DutyRefusal(actor, action, separateDuties, loan.RequestedByUserId, loan.KeyedInByOfficer);
}
