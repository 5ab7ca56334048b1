using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetLoan.Domain.Calendar;

/// <summary>Buddhist-Era dates with Thai month names, independent of the server's ICU calendar data.</summary>
public static partial class ThaiDate
{
    public const int BuddhistEraOffset = 543;

    private static readonly string[] FullMonths =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    private static readonly string[] ShortMonths =
    [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ];

    public static int ToBuddhistYear(int gregorianYear) => gregorianYear + BuddhistEraOffset;

    public static string MonthName(int month) => FullMonths[month - 1];

    public static string ShortMonthName(int month) => ShortMonths[month - 1];

    /// <summary>"25 พ.ย. 2569".</summary>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {ShortMonths[date.Month - 1]} {ToBuddhistYear(date.Year)}");

    /// <summary>"25 พฤศจิกายน 2569".</summary>
    public static string FormatLong(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {FullMonths[date.Month - 1]} {ToBuddhistYear(date.Year)}");

    /// <summary>"25 พ.ย. 2569 14:05 น."</summary>
    public static string FormatWithTime(DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{Format(DateOnly.FromDateTime(local))} {local:HH:mm} น.");

    /// <summary>"พฤศจิกายน 2569".</summary>
    public static string MonthYear(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{FullMonths[month - 1]} {ToBuddhistYear(year)}");

    /// <summary>Replaces Arabic digits with Thai digits (๐–๙), as printed documents use by default.</summary>
    public static string ThaiDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c;
            }
        });
    }

    /// <summary>The earliest Buddhist-Era year a person may type: anything earlier is a Christian-Era year typed by mistake.</summary>
    public const int EarliestBuddhistYear = 2500;

    /// <summary>"25/12/2569": the text a date input shows and the only shape <see cref="TryParseBuddhist"/> reads.</summary>
    public static string InputText(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{ToBuddhistYear(date.Year)}");

    /// <summary>
    /// Reads what a person typed as day/month/Buddhist-Era year ("25/12/2569", "5-1-2570", "๒๕/๑๒/๒๕๖๙") and nothing else:
    /// no ISO, no Christian-Era year, no two-digit year. The year is converted exactly once, so a date typed in พ.ศ.
    /// can never be stored 543 years late.
    /// </summary>
    public static bool TryParseBuddhist(string? text, out DateOnly date, out ThaiDateProblem problem)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = ThaiDateProblem.Missing;
            return false;
        }

        var match = TypedDate().Match(ArabicDigits(text.Trim()));
        var parts = match.Success ? new[] { match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value } : [];
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            problem = ThaiDateProblem.Format;
            return false;
        }

        if (year < EarliestBuddhistYear)
        {
            problem = ThaiDateProblem.YearNotBuddhist;
            return false;
        }

        var gregorianYear = year - BuddhistEraOffset;
        if (gregorianYear > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(gregorianYear, month))
        {
            problem = ThaiDateProblem.NoSuchDay;
            return false;
        }

        date = new DateOnly(gregorianYear, month, day);
        problem = ThaiDateProblem.None;
        return true;
    }

    /// <summary>
    /// Whether a date a person typed is believable: not before 2500 BE and not after <paramref name="horizonDays"/>
    /// from today (the booking horizon). Nobody borrows for a day two years away; such a date is a typing mistake.
    /// </summary>
    public static ThaiDateProblem CheckPlausible(DateOnly date, DateOnly today, int horizonDays)
    {
        if (ToBuddhistYear(date.Year) < EarliestBuddhistYear)
        {
            return ThaiDateProblem.YearNotBuddhist;
        }

        return date > today.AddDays(horizonDays) ? ThaiDateProblem.BeyondHorizon : ThaiDateProblem.None;
    }

    [GeneratedRegex(@"^([0-9]{1,2})\s*[/.\- ]\s*([0-9]{1,2})\s*[/.\- ]\s*([0-9]{4})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TypedDate();

    private static string ArabicDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c;
            }
        });

    /// <summary>Parses "25/11/2569" (day/month/BE year) as typed by Thai users; also accepts ISO "2026-11-25".</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        var parts = text.Split('/', '-', '.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        if (year > 2400)
        {
            year -= BuddhistEraOffset;
        }

        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}

/// <summary>Why a typed date was refused; the web shows each as a Thai message beside the field.</summary>
public enum ThaiDateProblem
{
    None,
    Missing,
    Format,
    YearNotBuddhist,
    NoSuchDay,
    BeyondHorizon,
}
