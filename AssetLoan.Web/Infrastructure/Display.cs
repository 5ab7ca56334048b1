using System.Globalization;
using AssetLoan.Domain.Calendar;

namespace AssetLoan.Web.Infrastructure;

/// <summary>How dates, money and times look on screen: พ.ศ. with Thai months in Thai, Gregorian in English.</summary>
public static class Display
{
    public static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    public static string Date(DateOnly date) =>
        IsThai ? ThaiDate.Format(date) : date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    public static string DateLong(DateOnly date) =>
        IsThai ? ThaiDate.FormatLong(date) : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"วันศุกร์ที่ 27 พฤศจิกายน 2569" in Thai, "Friday 27 November 2026" in English.</summary>
    public static string DayWithDate(DateOnly date) => IsThai ? ThaiDays.WithDate(date) : EnglishDayWithDate(date);

    /// <summary>"ศ. 27 พ.ย. 2569" in Thai, "Fri 27 Nov 2026" in English: a date whose weekday matters (pickup, return).</summary>
    public static string DateWithDay(DateOnly date) =>
        IsThai ? $"{ThaiDays.Abbreviation(date.DayOfWeek)} {ThaiDate.Format(date)}" : date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string EnglishDayWithDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc)
    {
        var local = BangkokTime.ToLocal(utc);
        return IsThai ? ThaiDate.FormatWithTime(local) : local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    public static string DateTime(DateTime? utc) => utc is { } u ? DateTime(u) : "–";

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount that may be unknown (a value the register does not give): the amount, or "–".</summary>
    public static string Money(decimal? amount) => amount is { } known ? Money(known) : "–";

    public static string Number(int n) => n.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>ISO value for &lt;input type="date"&gt;.</summary>
    public static string InputDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
