using System.Globalization;
using AssetLoan.Domain.Calendar;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// The pickup and return days as the borrower is told them (on /track, in notifications and on the loan pages): the
/// real working days of the handover window, and the first working day after a due date on a weekend or holiday.
/// Notifications are written in Thai (<see cref="When"/>, <see cref="ReturnNote"/>); pages speak the interface
/// language (<see cref="WhenOnScreen"/>, <see cref="ReturnNoteOnScreen"/>).
/// </summary>
public static class PickupDays
{
    private static readonly Words Thai = new(ThaiDays.WithDate, "ตั้งแต่{0} ถึง{1}", " (ตรงกับวันหยุดราชการ ส่งคืนได้ถึง{0} โดยไม่ถือว่าเกินกำหนด)");

    private static readonly Words English = new(Display.EnglishDayWithDate, "from {0} to {1}", " (not a working day: returned by {0} is on time)");

    /// <summary>"วันศุกร์ที่ 27 พฤศจิกายน 2569" or "ตั้งแต่วันศุกร์ที่ … ถึงวันจันทร์ที่ …" (office hours are said by the caller).</summary>
    public static string When(HandoverWindow window, WorkingCalendar calendar) => When(window, calendar, Thai);

    /// <summary>" (ตรงกับวันหยุด ส่งคืนได้ถึงวันจันทร์ที่ … โดยไม่ถือว่าเกินกำหนด)" when the due date is not a working day, else "".</summary>
    public static string ReturnNote(DateOnly dueOn, WorkingCalendar calendar) => ReturnNote(dueOn, calendar, Thai);

    public static string WhenOnScreen(HandoverWindow window, WorkingCalendar calendar) => When(window, calendar, Display.IsThai ? Thai : English);

    public static string ReturnNoteOnScreen(DateOnly dueOn, WorkingCalendar calendar) => ReturnNote(dueOn, calendar, Display.IsThai ? Thai : English);

    private static string When(HandoverWindow window, WorkingCalendar calendar, Words words)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (window.WorkingDays(calendar) is not { } days)
        {
            return string.Format(CultureInfo.InvariantCulture, words.Range, words.Day(window.From), words.Day(window.To));
        }

        return days.First == days.Last
            ? words.Day(days.First)
            : string.Format(CultureInfo.InvariantCulture, words.Range, words.Day(days.First), words.Day(days.Last));
    }

    private static string ReturnNote(DateOnly dueOn, WorkingCalendar calendar, Words words)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var by = calendar.ReturnBy(dueOn);
        return by == dueOn ? "" : string.Format(CultureInfo.InvariantCulture, words.ReturnBy, words.Day(by));
    }

    private sealed record Words(Func<DateOnly, string> Day, string Range, string ReturnBy);
}
