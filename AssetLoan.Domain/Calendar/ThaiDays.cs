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

    /// <summary>"วันศุกร์ที่ 27 พฤศจิกายน 2569".</summary>
    public static string WithDate(DateOnly date) => $"{Name(date.DayOfWeek)}ที่ {ThaiDate.FormatLong(date)}";
}
