namespace AssetLoan.Domain.Calendar;

/// <summary>
/// ปีงบประมาณ: 1 October – 30 September, named by the Buddhist-Era year in which it ends
/// (1 Oct 2025 – 30 Sep 2026 is ปีงบประมาณ 2569).
/// </summary>
public readonly record struct FiscalYear(int BuddhistYear)
{
    public static FiscalYear Of(DateOnly date) =>
        new(ThaiDate.ToBuddhistYear(date.Month >= 10 ? date.Year + 1 : date.Year));

    public int EndingGregorianYear => BuddhistYear - ThaiDate.BuddhistEraOffset;

    public DateOnly FirstDay => new(EndingGregorianYear - 1, 10, 1);

    public DateOnly LastDay => new(EndingGregorianYear, 9, 30);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public FiscalYear Previous => new(BuddhistYear - 1);

    public FiscalYear Next => new(BuddhistYear + 1);

    /// <summary>The twelve months of the year, October first, as (gregorian year, month).</summary>
    public IEnumerable<(int Year, int Month)> Months()
    {
        for (var i = 0; i < 12; i++)
        {
            var d = FirstDay.AddMonths(i);
            yield return (d.Year, d.Month);
        }
    }

    public override string ToString() => BuddhistYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
