using System.Globalization;
using System.Text;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// An iCalendar file (RFC 5545) with the pickup and the return of a loan, for the borrower's phone calendar: times in
/// Asia/Bangkok (with its VTIMEZONE) during office hours, CRLF line endings, lines folded at 75 octets without
/// splitting a Thai character, text escaped.
/// </summary>
public static class LoanCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public const string TimeZone = "Asia/Bangkok";

    private static readonly TimeOnly OfficeOpens = new(8, 30);

    private static readonly TimeOnly OfficeCloses = new(16, 30);

    /// <summary>One day at the supplies office.</summary>
    public sealed record Visit(string Uid, DateOnly On, string Summary, string Description);

    public static string Write(IEnumerable<Visit> visits, string location, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AssetLoan//Loan calendar//TH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:" + TimeZone,
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0700",
            "TZOFFSETTO:+0700",
            "TZNAME:ICT",
            "END:STANDARD",
            "END:VTIMEZONE",
        };
        var stamp = nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var visit in visits)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + visit.Uid);
            lines.Add("DTSTAMP:" + stamp);
            lines.Add($"DTSTART;TZID={TimeZone}:{Local(visit.On, OfficeOpens)}");
            lines.Add($"DTEND;TZID={TimeZone}:{Local(visit.On, OfficeCloses)}");
            lines.Add("SUMMARY:" + Escape(visit.Summary));
            lines.Add("DESCRIPTION:" + Escape(visit.Description));
            lines.Add("LOCATION:" + Escape(location));
            lines.Add("TRANSP:TRANSPARENT");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    private static string Local(DateOnly day, TimeOnly time) =>
        day.ToDateTime(time).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space.</summary>
    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsSurrogatePair(line, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            output.Append(line, i, length);
            octets += size;
            i += length;
        }

        output.Append("\r\n");
    }
}
