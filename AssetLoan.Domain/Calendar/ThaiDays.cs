namespace AssetLoan.Domain.Calendar;

/// <summary>Thai names of the days of the week ("วันศุกร์").</summary>
public static class ThaiDays
{
    public static string Name(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "วันจันทร์",
        DayOfWeek.Tuesday => "วันอังคาร",
        DayOfWeek.Wednesday => "วันพุธ",
        DayOfWeek.Thursday => "วันพฤหัสบดี",
        DayOfWeek.Friday => "วันศุกร์",
        DayOfWeek.Saturday => "วันเสาร์",
        _ => "วันอาทิตย์",
    };

    /// <summary>"ศ." — the abbreviation Thai calendars and forms use.</summary>
    public static string Abbreviation(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "จ.",
        DayOfWeek.Tuesday => "อ.",
        DayOfWeek.Wednesday => "พ.",
        DayOfWeek.Thursday => "พฤ.",
        DayOfWeek.Friday => "ศ.",
        DayOfWeek.Saturday => "ส.",
        _ => "อา.",
    };

    /// <summary>"วันศุกร์ที่ 27 พฤศจิกายน 2569".</summary>
    public static string WithDate(DateOnly date) => $"{Name(date.DayOfWeek)}ที่ {ThaiDate.FormatLong(date)}";
}
