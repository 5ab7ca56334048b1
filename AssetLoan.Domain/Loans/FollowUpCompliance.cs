namespace AssetLoan.Domain.Loans;

/// <summary>How the ข้อ ๒๑๑ follow-up went for one loan that was still out after its due date.</summary>
public enum FollowUpOutcome
{
    /// <summary>Back by the due date: no demand was needed.</summary>
    NotRequired,

    /// <summary>Out past the due date, the 7-day deadline not reached yet (or everything came back before it) and no demand yet.</summary>
    NotYetDue,

    /// <summary>The first demand went out no later than due date + 7 days.</summary>
    OnTime,

    /// <summary>The first demand went out after the deadline.</summary>
    Late,

    /// <summary>The deadline passed while items were still out, and no demand was recorded.</summary>
    Missing,
}

/// <summary>ข้อ ๒๑๑ follow-up compliance: a demand must go out no later than due date + 7 calendar days.</summary>
public static class FollowUpCompliance
{
    /// <param name="dueOn">The due date.</param>
    /// <param name="returnedOn">When everything was back (null while anything is still out).</param>
    /// <param name="firstDemandOn">The first recorded demand, if any.</param>
    /// <param name="today">Today in Bangkok.</param>
    public static FollowUpOutcome Of(DateOnly dueOn, DateOnly? returnedOn, DateOnly? firstDemandOn, DateOnly today)
    {
        var deadline = FollowUp.DemandDeadline(dueOn);
        if (firstDemandOn is { } demand)
        {
            return demand <= deadline ? FollowUpOutcome.OnTime : FollowUpOutcome.Late;
        }

        var outUntil = returnedOn ?? today;
        if (outUntil <= dueOn)
        {
            return FollowUpOutcome.NotRequired;
        }

        // Items out after the end of the deadline day with no demand: the demand is missing.
        return outUntil > deadline ? FollowUpOutcome.Missing : FollowUpOutcome.NotYetDue;
    }
}

/// <summary>Utilisation: how many days of a period a loan held its items (both ends counted, as the loan's days are).</summary>
public static class Utilisation
{
    public static int DaysOnLoan(DateOnly handedOverOn, DateOnly? returnedOn, DateOnly periodFirst, DateOnly periodLast)
    {
        var from = handedOverOn > periodFirst ? handedOverOn : periodFirst;
        var to = returnedOn is { } r && r < periodLast ? r : periodLast;
        return Math.Max(0, to.DayNumber - from.DayNumber + 1);
    }

    /// <summary>Share (0–1) of the capacity (units × days) that was on loan.</summary>
    public static double Share(long unitDaysOnLoan, int units, int periodDays) =>
        units <= 0 || periodDays <= 0 ? 0 : Math.Min(1.0, (double)unitDaysOnLoan / ((long)units * periodDays));
}
