using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// The officer's desk flags an approved loan whose handover would not find its items (issue 10, point 4): a reserved
/// unit that is not on the shelf (<see cref="Loan.OnShelf"/>: still out on a loan past its due date, under repair,
/// lost, or held firmly by another loan), or a pool that another firm loan — typically one out past its due date —
/// leaves short. The same availability truth as the handover's re-check, for the days from the pickup day (or today)
/// to the due date; one commitments read for all the loans shown.
/// </summary>
public static class ShelfConflicts
{
    /// <summary>For each of <paramref name="loanIds"/> with a conflict, the names of the items that are short.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> ShelfConflictsAsync(this AppDbContext db, IReadOnlyCollection<int> loanIds, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loanIds);
        ArgumentNullException.ThrowIfNull(calendar);
        if (loanIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<string>>();
        }

        var loans = await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id)).Select(l => new { l.Id, l.StartOn, l.DueOn }).ToListAsync(ct);
        var lines = await db.LoanLines.AsNoTracking().Where(x => loanIds.Contains(x.LoanId))
            .Select(x => new { x.Id, x.LoanId, x.CatalogueItemId, x.ItemName, x.IsPooled, x.Quantity }).ToListAsync(ct);
        var numbered = lines.Where(x => !x.IsPooled).Select(x => x.Id).ToList();
        var units = (await db.LoanUnits.AsNoTracking().Where(u => numbered.Contains(u.LoanLineId) && u.IssuedAtUtc == null)
            .Select(u => new { u.LoanLineId, u.AssetId }).ToListAsync(ct)).ToLookup(u => u.LoanLineId, u => u.AssetId);
        var assetIds = units.SelectMany(u => u).Distinct().ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var itemIds = lines.Select(x => x.CatalogueItemId).Distinct().ToList();
        var pools = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id) && c.TrackingMode == TrackingMode.Pooled)
            .ToDictionaryAsync(c => c.Id, c => AvailabilityCalculator.PoolCapacity(c.PoolQuantity, c.PoolUnderRepair), ct);
        var commitments = (await db.CommitmentsAsync(itemIds, today, loans.Max(l => l.DueOn), today, ct)).ToLookup(c => c.CatalogueItemId);

        var result = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var loan in loans)
        {
            var pickup = calendar.PickupFrom(loan.StartOn);
            var from = pickup > today ? pickup : today;
            var shortItems = new List<string>();
            foreach (var line in lines.Where(x => x.LoanId == loan.Id))
            {
                var claims = commitments[line.CatalogueItemId];
                bool conflict;
                if (line.IsPooled)
                {
                    conflict = line.Quantity > AvailabilityCalculator.PoolFree(pools.GetValueOrDefault(line.CatalogueItemId), claims, from, loan.DueOn, firmOnly: true, excludeLoanId: loan.Id);
                }
                else
                {
                    var heldElsewhere = AvailabilityCalculator.UnitsHeld(claims, from, loan.DueOn, firmOnly: true, excludeLoanId: loan.Id);
                    conflict = units[line.Id].Any(id => !assets.TryGetValue(id, out var a) || !Loan.OnShelf(a, heldElsewhere));
                }

                if (conflict)
                {
                    shortItems.Add(line.ItemName);
                }
            }

            if (shortItems.Count > 0)
            {
                result[loan.Id] = shortItems;
            }
        }

        return result;
    }
}
