namespace AssetLoan.Domain.Calendar;

/// <summary>
/// The municipality's working days (domain.md §5): Monday to Friday except the public holidays the administrator keeps.
/// Most community loans (funerals, weddings, temple fairs) fall on weekends and holidays, so a borrower may pick up on
/// the last working day(s) before the start (<see cref="PickupWorkingDays"/>, a setting) and a return on the first
/// working day after a due date that falls on a non-working day is on time.
/// </summary>
public sealed class WorkingCalendar
{
    public const int DefaultPickupWorkingDays = 1;

    public const int MaxPickupWorkingDays = 10;

    // A year of consecutive non-working days is a broken calendar, not a reason to loop for ever.
    private const int SearchLimitDays = 366;

    private readonly IReadOnlyList<PublicHoliday> _holidays;

    public WorkingCalendar(IEnumerable<PublicHoliday> holidays, int pickupWorkingDays = DefaultPickupWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = holidays.ToList();
        PickupWorkingDays = Math.Clamp(pickupWorkingDays, 0, MaxPickupWorkingDays);
    }

    /// <summary>Weekends only, no public holidays, pickup one working day early.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    /// <summary>How many working days before the start an approved loan may be picked up (0: from the start only).</summary>
    public int PickupWorkingDays { get; }

    public IReadOnlyList<PublicHoliday> Holidays => _holidays;

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public PublicHoliday? HolidayOn(DateOnly day) => _holidays.FirstOrDefault(h => h.FallsOn(day));

    public bool IsWorkingDay(DateOnly day) => !IsWeekend(day) && HolidayOn(day) is null;

    /// <summary><paramref name="day"/> itself if it is a working day, else the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        for (var i = 0; i < SearchLimitDays; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new DomainRuleException("Calendar.NoWorkingDay", "The working calendar has no working day within a year.");
    }

    /// <summary>The last working day strictly before <paramref name="day"/>.</summary>
    public DateOnly WorkingDayBefore(DateOnly day)
    {
        day = day.AddDays(-1);
        for (var i = 0; i < SearchLimitDays; i++, day = day.AddDays(-1))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new DomainRuleException("Calendar.NoWorkingDay", "The working calendar has no working day within a year.");
    }

    /// <summary>The day an approved loan may first be picked up: <see cref="PickupWorkingDays"/> working days before the start.</summary>
    public DateOnly PickupFrom(DateOnly startOn)
    {
        var day = startOn;
        for (var i = 0; i < PickupWorkingDays; i++)
        {
            day = WorkingDayBefore(day);
        }

        return day;
    }

    /// <summary>
    /// The latest start date whose pickup window is open on <paramref name="today"/> (<see cref="PickupFrom"/> ≤ today),
    /// so "may be picked up today" is one comparison on the start date.
    /// </summary>
    public DateOnly LatestStartPickableOn(DateOnly today)
    {
        var start = today;
        for (var i = 0; i < SearchLimitDays && PickupFrom(start.AddDays(1)) <= today; i++)
        {
            start = start.AddDays(1);
        }

        return start;
    }

    /// <summary>The last day a return is on time: the due date, or the first working day after it when it is not one.</summary>
    public DateOnly ReturnBy(DateOnly dueOn) => WorkingDayOnOrAfter(dueOn);

    /// <summary>Overdue is derived, never stored: out, and <paramref name="today"/> is after <see cref="ReturnBy"/>.</summary>
    public bool IsOverdue(DateOnly dueOn, DateOnly today) => today > ReturnBy(dueOn);

    /// <summary>
    /// The same question for a database: a loan out today is overdue exactly when its due date is on or before this
    /// day (the last working day before today), so the queues filter with one indexed comparison.
    /// </summary>
    public DateOnly OverdueIfDueOnOrBefore(DateOnly today) => WorkingDayBefore(today);

    /// <summary>Days after <see cref="ReturnBy"/> (0 when on time).</summary>
    public int DaysLate(DateOnly dueOn, DateOnly day) => Math.Max(0, day.DayNumber - ReturnBy(dueOn).DayNumber);

    /// <summary>Whether a loan due on <paramref name="dueOn"/> and back on <paramref name="returnedOn"/> came back on time.</summary>
    public bool ReturnedOnTime(DateOnly dueOn, DateOnly returnedOn) => returnedOn <= ReturnBy(dueOn);
}

/// <summary>
/// The days an approved loan may be handed over (rule 6): from the pickup day the working calendar allows before the
/// start, to the due date.
/// </summary>
public readonly record struct HandoverWindow(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Today is before the window: it opens on <see cref="From"/>.</summary>
    public bool NotYetOpen(DateOnly today) => today < From;

    /// <summary>Today is after the window: the loan can no longer be picked up.</summary>
    public bool Closed(DateOnly today) => today > To;

    /// <summary>The working days of the window, as the borrower is told when to come (may be empty for a window of holidays only).</summary>
    public (DateOnly First, DateOnly Last)? WorkingDays(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var first = calendar.WorkingDayOnOrAfter(From);
        if (first > To)
        {
            return null;
        }

        var last = calendar.WorkingDayBefore(To.AddDays(1));
        return (first, last);
    }
}
