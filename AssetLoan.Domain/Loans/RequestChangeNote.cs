using System.Globalization;
using System.Text.RegularExpressions;
using AssetLoan.Domain.Calendar;

namespace AssetLoan.Domain.Loans;

/// <summary>
/// The history note of a resubmission, "เก้าอี้พลาสติก 100 → 60 ตัว; วันที่ 5 ธ.ค. 2569 – 7 ธ.ค. 2569 → …; แก้ไขวัตถุประสงค์".
/// It is written in Thai, the language of the office's books and the audit trail, and read back into its parts so a
/// screen in another language can say the same thing (<see cref="Read"/> undoes <see cref="Write"/>).
/// </summary>
public static partial class RequestChangeNote
{
    public const string PurposeChanged = "แก้ไขวัตถุประสงค์";

    public const string PlaceChanged = "แก้ไขสถานที่นำไปใช้";

    private const string Separator = "; ";

    public static string Write(IEnumerable<RequestChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return string.Join(Separator, changes.Select(Thai));
    }

    /// <summary>The parts of a note; a part this class did not write comes back as <see cref="RequestChange.Other"/>.</summary>
    public static IReadOnlyList<RequestChange> Read(string? note)
    {
        if (string.IsNullOrEmpty(note))
        {
            return [];
        }

        return note.Split(Separator).Select(ReadPart).ToList();
    }

    private static string Thai(RequestChange change) => change switch
    {
        RequestChange.Quantity q => string.Create(CultureInfo.InvariantCulture, $"{q.Item} {q.From} → {q.To} {q.Unit}"),
        RequestChange.Dates d => $"วันที่ {ThaiDate.Format(d.FromStart)} – {ThaiDate.Format(d.FromDue)} → {ThaiDate.Format(d.ToStart)} – {ThaiDate.Format(d.ToDue)}",
        RequestChange.Purpose => PurposeChanged,
        RequestChange.Place => PlaceChanged,
        RequestChange.Other o => o.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static RequestChange ReadPart(string part)
    {
        if (part == PurposeChanged)
        {
            return new RequestChange.Purpose();
        }

        if (part == PlaceChanged)
        {
            return new RequestChange.Place();
        }

        if (DatesPattern().Match(part) is { Success: true } d
            && ShortDate(d.Groups[1].Value) is { } s0 && ShortDate(d.Groups[2].Value) is { } d0
            && ShortDate(d.Groups[3].Value) is { } s1 && ShortDate(d.Groups[4].Value) is { } d1)
        {
            return new RequestChange.Dates(s0, d0, s1, d1);
        }

        if (QuantityPattern().Match(part) is { Success: true } q)
        {
            return new RequestChange.Quantity(q.Groups[1].Value, int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(q.Groups[3].Value, CultureInfo.InvariantCulture), q.Groups[4].Value);
        }

        return new RequestChange.Other(part);
    }

    /// <summary>"5 ธ.ค. 2569" (as <see cref="ThaiDate.Format"/> writes it).</summary>
    private static DateOnly? ShortDate(string text)
    {
        var bits = text.Split(' ');
        if (bits.Length != 3 || !int.TryParse(bits[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(bits[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var month = Enumerable.Range(1, 12).FirstOrDefault(m => ThaiDate.ShortMonthName(m) == bits[1]);
        year -= ThaiDate.BuddhistEraOffset;
        return month == 0 || year is < 1900 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month) ? null : new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"^วันที่ (\S+ \S+ \d+) – (\S+ \S+ \d+) → (\S+ \S+ \d+) – (\S+ \S+ \d+)$")]
    private static partial Regex DatesPattern();

    [GeneratedRegex(@"^(.+) (\d+) → (\d+) (\S.*)$")]
    private static partial Regex QuantityPattern();
}

/// <summary>One thing a resubmission changed.</summary>
public abstract record RequestChange
{
    private RequestChange()
    {
    }

    public sealed record Quantity(string Item, int From, int To, string Unit) : RequestChange;

    public sealed record Dates(DateOnly FromStart, DateOnly FromDue, DateOnly ToStart, DateOnly ToDue) : RequestChange;

    public sealed record Purpose : RequestChange;

    public sealed record Place : RequestChange;

    /// <summary>Text this class did not write (older notes), shown as it is.</summary>
    public sealed record Other(string Text) : RequestChange;
}
