namespace AssetLoan.Domain.Loans;

/// <summary>ข้อ ๒๑๑: a written demand must be issued no later than 7 calendar days after the due date.</summary>
public static class FollowUp
{
    public const int DemandWithinDays = 7;

    public static DateOnly DemandDeadline(DateOnly dueOn) => dueOn.AddDays(DemandWithinDays);

    public static bool IsOverdue(LoanStatus status, DateOnly dueOn, DateOnly today) =>
        LoanTransitions.IsOut(status) && today > dueOn;

    public static int DaysOverdue(DateOnly dueOn, DateOnly today) => Math.Max(0, today.DayNumber - dueOn.DayNumber);

    /// <summary>Overdue, the deadline has passed, and no demand was recorded.</summary>
    public static bool DemandMissed(LoanStatus status, DateOnly dueOn, DateOnly today, bool anyDemand) =>
        IsOverdue(status, dueOn, today) && today > DemandDeadline(dueOn) && !anyDemand;
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
