namespace AssetLoan.Domain.Calendar;

/// <summary>
/// A public holiday the administrator keeps (domain.md §5 "working days"): either a fixed date every year
/// (<see cref="Year"/> is null, e.g. วันสงกรานต์ 13 เมษายน) or one dated holiday (a lunar holiday, a substitution day).
/// </summary>
public sealed class PublicHoliday
{
    public const int NameMaxLength = 200;

    /// <summary>The fixed-date Thai public holidays the calendar is seeded with (month, day, name).</summary>
    public static readonly IReadOnlyList<(int Month, int Day, string Name)> FixedThaiHolidays =
    [
        (1, 1, "วันขึ้นปีใหม่"),
        (4, 6, "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราชและวันที่ระลึกมหาจักรีบรมราชวงศ์"),
        (4, 13, "วันสงกรานต์"),
        (4, 14, "วันสงกรานต์"),
        (4, 15, "วันสงกรานต์"),
        (5, 1, "วันแรงงานแห่งชาติ"),
        (5, 4, "วันฉัตรมงคล"),
        (6, 3, "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี"),
        (7, 28, "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว"),
        (8, 12, "วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ"),
        (10, 13, "วันนวมินทรมหาราช"),
        (10, 23, "วันปิยมหาราช"),
        (12, 5, "วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ ๙ วันชาติ และวันพ่อแห่งชาติ"),
        (12, 10, "วันรัฐธรรมนูญ"),
        (12, 31, "วันสิ้นปี"),
    ];

    public PublicHoliday(int? year, int month, int day, string name)
    {
        DomainRuleException.ThrowIf(month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year ?? 2024, month),
            "Holiday.InvalidDate", "The holiday's date does not exist.");
        DomainRuleException.ThrowIf(year is < 1900 or > 2200, "Holiday.InvalidDate", "The holiday's date does not exist.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(name), "Holiday.NameRequired", "Name the holiday.");
        DomainRuleException.ThrowIf(name.Trim().Length > NameMaxLength, "Holiday.NameTooLong", "The holiday's name is too long.");
        Year = year;
        Month = month;
        Day = day;
        Name = name.Trim();
    }

    private PublicHoliday()
    {
    }

    public int Id { get; private set; }

    /// <summary>Null for a holiday on the same date every year.</summary>
    public int? Year { get; private set; }

    public int Month { get; private set; }

    public int Day { get; private set; }

    public string Name { get; private set; } = "";

    public bool EveryYear => Year is null;

    public static PublicHoliday On(DateOnly date, string name) => new(date.Year, date.Month, date.Day, name);

    public static PublicHoliday Yearly(DateOnly date, string name) => new(null, date.Month, date.Day, name);

    public bool FallsOn(DateOnly day) => day.Month == Month && day.Day == Day && (Year is null || Year == day.Year);

    /// <summary>Whether this holiday and <paramref name="other"/> name the same days.</summary>
    public bool SameDateAs(int? year, int month, int day) => Year == year && Month == month && Day == day;
}
