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
        var coverage = await db.ShelfCoverageAsync(loanIds, today, calendar, ct);
        return coverage
            .Select(kv => (kv.Key, Short: kv.Value.Where(l => l.IsShort).Select(l => l.ItemName).ToList()))
            .Where(x => x.Short.Count > 0)
            .ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Short);
    }

    /// <summary>
    /// For each of <paramref name="loanIds"/>, line by line, how much the shelf covers from the pickup day (or today) to
    /// the due date: a pool's free quantity up to the line's, a numbered line's reserved units that are on the shelf.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<LineCoverage>>> ShelfCoverageAsync(this AppDbContext db, IReadOnlyCollection<int> loanIds, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loanIds);
        ArgumentNullException.ThrowIfNull(calendar);
        if (loanIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<LineCoverage>>();
        }

        var loans = await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id)).Select(l => new { l.Id, l.StartOn, l.DueOn }).ToListAsync(ct);
        if (loans.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<LineCoverage>>();
        }

        var lines = await db.LoanLines.AsNoTracking().Where(x => loanIds.Contains(x.LoanId)).OrderBy(x => x.Id)
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

        var result = new Dictionary<int, IReadOnlyList<LineCoverage>>();
        foreach (var loan in loans)
        {
            var pickup = calendar.PickupFrom(loan.StartOn);
            var from = pickup > today ? pickup : today;
            var covered = new List<LineCoverage>();
            foreach (var line in lines.Where(x => x.LoanId == loan.Id))
            {
                var claims = commitments[line.CatalogueItemId];
                if (line.IsPooled)
                {
                    var free = AvailabilityCalculator.PoolFree(pools.GetValueOrDefault(line.CatalogueItemId), claims, from, loan.DueOn, firmOnly: true, excludeLoanId: loan.Id);
                    covered.Add(new LineCoverage(line.Id, line.ItemName, true, line.Quantity, Math.Clamp(free, 0, line.Quantity), []));
                }
                else
                {
                    var heldElsewhere = AvailabilityCalculator.UnitsHeld(claims, from, loan.DueOn, firmOnly: true, excludeLoanId: loan.Id);
                    var onShelf = units[line.Id].Where(id => assets.TryGetValue(id, out var a) && Loan.OnShelf(a, heldElsewhere)).ToList();
                    covered.Add(new LineCoverage(line.Id, line.ItemName, false, units[line.Id].Count(), onShelf.Count, onShelf));
                }
            }

            result[loan.Id] = covered;
        }

        return result;
    }
}

/// <summary>How much of one loan line the shelf covers on its days (<see cref="ShelfConflicts.ShelfCoverageAsync"/>).</summary>
public sealed record LineCoverage(int LineId, string ItemName, bool IsPooled, int Quantity, int Covered, IReadOnlyList<int> OnShelfUnitIds)
{
    public bool IsShort => Covered < Quantity;
}
