using AssetLoan.Domain.Calendar;

namespace AssetLoan.Domain.Loans;

/// <summary>The state a loan from the paper register (ทะเบียนคุมการยืมพัสดุ) is in when it is keyed in.</summary>
public enum PaperLoanState
{
    /// <summary>Approved on paper, the items not handed over yet.</summary>
    ApprovedNotHandedOver,

    /// <summary>Handed over and still out.</summary>
    OnLoan,

    /// <summary>Handed over and back.</summary>
    Returned,
}

/// <summary>
/// What the officer copies from one loan of the paper register: its own dates, the approval reference (the number and
/// date of the signed paper) and its state. All dates are the paper's, not today's.
/// </summary>
public sealed record PaperLoanRecord(
    PaperLoanState State,
    DateOnly RequestedOn,
    DateOnly ApprovedOn,
    string? ApprovalReference,
    DateOnly StartOn,
    DateOnly DueOn,
    DateOnly? HandedOverOn,
    DateOnly? ReturnedOn)
{
    public const int ApprovalReferenceMaxLength = 100;

    /// <summary>The loan is numbered in the fiscal year of its own request date, not of the day it is keyed in.</summary>
    public FiscalYear FiscalYear => FiscalYear.Of(RequestedOn);

    /// <summary>Whether the items are out (and so count against availability from the handover to the return).</summary>
    public bool IsOut => State == PaperLoanState.OnLoan;
}

/// <summary>A rule a paper record breaks, with the field it is about (the form shows the message beside that field).</summary>
public sealed record PaperRecordProblem(string Field, string Code, string Message);

/// <summary>
/// Issue 13 §10: a loan keyed in from the paper register must be consistent before it enters the book. The dates run in
/// order (request ≤ approval ≤ handover ≤ return, start ≤ due, request ≤ due), none is after today, the state says which
/// dates there are (approved: no handover or return; on loan: a handover, no return; returned: both), an approval not
/// handed over has not lapsed (its due date is not past), and the approval reference is written.
/// </summary>
public static class PaperRecords
{
    public static IReadOnlyList<PaperRecordProblem> Problems(PaperLoanRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<PaperRecordProblem>();
        void Add(string field, string code, string message) => problems.Add(new PaperRecordProblem(field, code, message));

        if (string.IsNullOrWhiteSpace(record.ApprovalReference))
        {
            Add(nameof(PaperLoanRecord.ApprovalReference), "Paper.ReferenceRequired", "Write the number of the signed paper approval.");
        }
        else if (record.ApprovalReference.Trim().Length > PaperLoanRecord.ApprovalReferenceMaxLength)
        {
            Add(nameof(PaperLoanRecord.ApprovalReference), "Paper.ReferenceTooLong", "The approval reference is too long.");
        }

        if (record.RequestedOn > today)
        {
            Add(nameof(PaperLoanRecord.RequestedOn), "Paper.RequestInFuture", "The request date is after today.");
        }

        if (record.ApprovedOn > today)
        {
            Add(nameof(PaperLoanRecord.ApprovedOn), "Paper.ApprovalInFuture", "The approval date is after today.");
        }
        else if (record.ApprovedOn < record.RequestedOn)
        {
            Add(nameof(PaperLoanRecord.ApprovedOn), "Paper.ApprovedBeforeRequest", "The approval date is before the request date.");
        }

        if (record.DueOn < record.StartOn)
        {
            Add(nameof(PaperLoanRecord.DueOn), "Paper.DueBeforeStart", "The due date is before the start date.");
        }
        else if (record.DueOn < record.RequestedOn)
        {
            Add(nameof(PaperLoanRecord.DueOn), "Paper.DueBeforeRequest", "The due date is before the request date.");
        }

        switch (record.State)
        {
            case PaperLoanState.ApprovedNotHandedOver:
                if (record.HandedOverOn is not null)
                {
                    Add(nameof(PaperLoanRecord.HandedOverOn), "Paper.HandoverNotInState", "An approval not yet handed over has no handover date.");
                }

                if (record.ReturnedOn is not null)
                {
                    Add(nameof(PaperLoanRecord.ReturnedOn), "Paper.ReturnNotInState", "Only a returned loan has a return date.");
                }

                if (record.DueOn < today)
                {
                    Add(nameof(PaperLoanRecord.DueOn), "Paper.ApprovalLapsed", "The approved period is over and nothing was handed over: there is nothing to key in.");
                }

                break;
            case PaperLoanState.OnLoan:
                CheckHandover(record, today, Add);
                if (record.ReturnedOn is not null)
                {
                    Add(nameof(PaperLoanRecord.ReturnedOn), "Paper.ReturnNotInState", "Only a returned loan has a return date.");
                }

                break;
            case PaperLoanState.Returned:
                CheckHandover(record, today, Add);
                if (record.ReturnedOn is not { } returnedOn)
                {
                    Add(nameof(PaperLoanRecord.ReturnedOn), "Paper.ReturnRequired", "A returned loan needs its return date.");
                }
                else if (returnedOn > today)
                {
                    Add(nameof(PaperLoanRecord.ReturnedOn), "Paper.ReturnInFuture", "The return date is after today.");
                }
                else if (record.HandedOverOn is { } handedOverOn && returnedOn < handedOverOn)
                {
                    Add(nameof(PaperLoanRecord.ReturnedOn), "Paper.ReturnedBeforeHandover", "The return date is before the handover date.");
                }

                break;
            default:
                Add(nameof(PaperLoanRecord.State), "Paper.StateUnknown", "Choose the state of the paper loan.");
                break;
        }

        return problems;
    }

    /// <summary>Throws the first problem (for callers that have no form to show the others on).</summary>
    public static void EnsureConsistent(PaperLoanRecord record, DateOnly today)
    {
        if (Problems(record, today) is [var first, ..])
        {
            throw new DomainRuleException(first.Code, first.Message);
        }
    }

    private static void CheckHandover(PaperLoanRecord record, DateOnly today, Action<string, string, string> add)
    {
        if (record.HandedOverOn is not { } handedOverOn)
        {
            add(nameof(PaperLoanRecord.HandedOverOn), "Paper.HandoverRequired", "A loan that went out needs its handover date.");
        }
        else if (handedOverOn > today)
        {
            add(nameof(PaperLoanRecord.HandedOverOn), "Paper.HandoverInFuture", "The handover date is after today.");
        }
        else if (handedOverOn < record.ApprovedOn)
        {
            add(nameof(PaperLoanRecord.HandedOverOn), "Paper.HandedOverBeforeApproval", "The handover date is before the approval date.");
        }
    }
}
