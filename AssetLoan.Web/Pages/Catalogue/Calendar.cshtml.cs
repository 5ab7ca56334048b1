using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>
/// /catalogue/{id}/calendar?month=2026-12: how many of an item are free on each day of a month (every hold counts:
/// checked, approved, out, and overdue loans until today). Weeks start on Sunday, as Thai wall calendars do.
/// </summary>
public sealed class CalendarModel(AppDbContext db, TimeProvider time) : PageModel
{
    public string ItemName { get; private set; } = "";

    public string UnitNoun { get; private set; } = "";

    public bool Retired { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>Pool units damaged at a return and not repaired yet: not in <see cref="Capacity"/>.</summary>
    public int UnderRepair { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Rows of seven cells, Sunday first; null outside the month.</summary>
    public IReadOnlyList<IReadOnlyList<DayCell?>> Weeks { get; private set; } = [];

    public string Title => Display.IsThai
        ? ThaiDate.MonthYear(Year, Month)
        : new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public string Previous => MonthParam(new DateOnly(Year, Month, 1).AddMonths(-1));

    public string Next => MonthParam(new DateOnly(Year, Month, 1).AddMonths(1));

    public async Task<IActionResult> OnGetAsync(int id, string? month, CancellationToken ct)
    {
        var item = await db.CatalogueItems.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, c.UnitNoun, c.TrackingMode, c.PoolQuantity, c.PoolUnderRepair, c.Retired }).SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return NotFound();
        }

        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var first = ParseMonth(month) ?? new DateOnly(Today.Year, Today.Month, 1);
        (Year, Month, ItemName, UnitNoun, Retired) = (first.Year, first.Month, item.Name, item.UnitNoun, item.Retired);
        var last = first.AddMonths(1).AddDays(-1);

        var commitments = await db.CommitmentsAsync([id], first, last, Today, ct);
        if (item.TrackingMode == TrackingMode.Pooled)
        {
            Capacity = AvailabilityCalculator.PoolCapacity(item.PoolQuantity, item.PoolUnderRepair);
            UnderRepair = item.PoolUnderRepair;
        }
        else
        {
            var lendable = (await db.Assets.AsNoTracking().Lendable()
                .Where(a => a.CatalogueItemId == id)
                .Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            Capacity = lendable.Count;
            commitments = commitments.Where(c => c.AssetId is { } a && lendable.Contains(a)).ToList();
        }

        var days = AvailabilityCalculator.Calendar(Capacity, commitments, first, last);
        var cells = Enumerable.Repeat<DayCell?>(null, (int)first.DayOfWeek)
            .Concat(days.Select(d => (DayCell?)new DayCell(d.Day, d.Free, d.Day < Today, d.Day == Today)))
            .ToList();
        while (cells.Count % 7 != 0)
        {
            cells.Add(null);
        }

        Weeks = cells.Chunk(7).Select(w => (IReadOnlyList<DayCell?>)w).ToList();
        return Page();
    }

    private static DateOnly? ParseMonth(string? month) =>
        month is not null && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string MonthParam(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public sealed record DayCell(DateOnly Day, int Free, bool Past, bool IsToday);
}
