using AssetLoan.Domain.Calendar;

namespace AssetLoan.Domain.Loans;

/// <summary>ข้อ ๒๑๑: a written demand must be issued no later than 7 calendar days after the due date.</summary>
public static class FollowUp
{
    public const int DemandWithinDays = 7;

    public static DateOnly DemandDeadline(DateOnly dueOn) => dueOn.AddDays(DemandWithinDays);

    /// <summary>
    /// Out, and today is after the day a return is still on time (<see cref="WorkingCalendar.ReturnBy"/>: the due date,
    /// or the first working day after it when it falls on a weekend or a holiday).
    /// </summary>
    public static bool IsOverdue(LoanStatus status, DateOnly dueOn, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return LoanTransitions.IsOut(status) && calendar.IsOverdue(dueOn, today);
    }

    /// <summary>Days past the last on-time return day.</summary>
    public static int DaysOverdue(DateOnly dueOn, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.DaysLate(dueOn, today);
    }

    /// <summary>Overdue, the deadline has passed, and no demand was recorded.</summary>
    public static bool DemandMissed(LoanStatus status, DateOnly dueOn, DateOnly today, bool anyDemand, WorkingCalendar calendar) =>
        IsOverdue(status, dueOn, today, calendar) && today > DemandDeadline(dueOn) && !anyDemand;
}

public enum DemandChannel
{
    /// <summary>หนังสือ.</summary>
    Letter,

    /// <summary>โทรศัพท์.</summary>
    Phone,

    /// <summary>อีเมล.</summary>
    Email,

    /// <summary>LINE.</summary>
    Line,

    /// <summary>แจ้งด้วยตนเอง.</summary>
    InPerson,
}
