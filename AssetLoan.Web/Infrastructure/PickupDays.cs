using AssetLoan.Domain.Calendar;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// The pickup and return days as the borrower is told them (on /track, in notifications and on the loan pages): the
/// real working days of the handover window, and the first working day after a due date on a weekend or holiday.
/// </summary>
public static class PickupDays
{
    /// <summary>"วันศุกร์ที่ 27 พฤศจิกายน 2569" or "ตั้งแต่วันศุกร์ที่ … ถึงวันจันทร์ที่ …" (office hours are said by the caller).</summary>
    public static string When(HandoverWindow window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (window.WorkingDays(calendar) is not { } days)
        {
            return $"ตั้งแต่{ThaiDays.WithDate(window.From)} ถึง{ThaiDays.WithDate(window.To)}";
        }

        return days.First == days.Last
            ? ThaiDays.WithDate(days.First)
            : $"ตั้งแต่{ThaiDays.WithDate(days.First)} ถึง{ThaiDays.WithDate(days.Last)}";
    }

    /// <summary>" (ตรงกับวันหยุด ส่งคืนได้ถึงวันจันทร์ที่ … โดยไม่ถือว่าเกินกำหนด)" when the due date is not a working day, else "".</summary>
    public static string ReturnNote(DateOnly dueOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var by = calendar.ReturnBy(dueOn);
        return by == dueOn ? "" : $" (ตรงกับวันหยุดราชการ ส่งคืนได้ถึง{ThaiDays.WithDate(by)} โดยไม่ถือว่าเกินกำหนด)";
    }
}
