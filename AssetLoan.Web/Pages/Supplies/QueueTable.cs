using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>What the third column of a desk list shows besides the period.</summary>
public enum QueueColumn
{
    /// <summary>The loan case.</summary>
    Case,

    /// <summary>The days overdue and the ข้อ ๒๑๑ demand deadline.</summary>
    Overdue,

    /// <summary>The first day the borrower may pick up (the working calendar's pickup window).</summary>
    Pickup,

    /// <summary>The last on-time return day (the first working day after a due date on a holiday).</summary>
    ReturnBy,
}

/// <summary>The model of <c>_QueueTable.cshtml</c>: one list of the work queue and the page each row leads to ("/supplies/check/{0}").</summary>
public sealed record QueueTable(IReadOnlyList<IndexModel.QueueRow> Rows, string ActionUrl, string ActionText, DateOnly Today, WorkingCalendar Calendar, QueueColumn Column = QueueColumn.Case, IReadOnlyDictionary<int, IReadOnlyList<string>>? ShelfConflicts = null,
    LoanAction? RowAction = null, Actor? Me = null, bool SeparateDuties = true)
{
    /// <summary>Whether the row's button leads to an action <see cref="Me"/> may take (separation of duties, issue 14 §9).</summary>
    public bool MayAct(IndexModel.QueueRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return RowAction is not { } action || Me is null || Loan.DutyRefusal(Me, action, SeparateDuties, row.RequestedByUserId, row.KeyedInByOfficer) is null;
    }

    /// <summary>The items of an approved loan that would not be on the shelf for its handover (none when it can go ahead).</summary>
    public IReadOnlyList<string> ShortOf(int loanId) => ShelfConflicts?.GetValueOrDefault(loanId) ?? [];

    public bool Overdue => Column == QueueColumn.Overdue;
}
