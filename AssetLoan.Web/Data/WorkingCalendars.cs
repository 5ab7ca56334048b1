using System.Globalization;
using AssetLoan.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// Loads the municipality's <see cref="WorkingCalendar"/>: the public holidays the admin keeps (a few dozen rows) and
/// the pickup setting. Every page that derives "overdue" or a handover window asks this one calendar.
/// </summary>
public static class WorkingCalendars
{
    /// <summary>Setting: how many working days before the start a loan may be picked up (default 1).</summary>
    public const string PickupWorkingDaysKey = "Calendar.PickupWorkingDays";

    public static IQueryable<PublicHoliday> Holidays(this AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PublicHoliday>();
    }

    public static async Task<WorkingCalendar> WorkingCalendarAsync(this AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var holidays = await db.Holidays().AsNoTracking().ToListAsync(ct);
        var pickup = await db.Settings.AsNoTracking().Where(s => s.Key == PickupWorkingDaysKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return new WorkingCalendar(holidays, ParsePickupDays(pickup));
    }

    public static int ParsePickupDays(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : WorkingCalendar.DefaultPickupWorkingDays;
}
