using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// Loads the commitments that compete for catalogue items and asks the domain's <see cref="AvailabilityCalculator"/>.
/// Every path (request form, check, approval, extension, handover, public pages) uses these two functions.
/// </summary>
public static class AvailabilityQueries
{
    /// <summary>
    /// The one commitments query: claims on <paramref name="itemIds"/> overlapping [from, to] by holding loans
    /// (<see cref="LoanTransitions.HoldingStatuses"/>), each spanned by <see cref="AvailabilityCalculator.Span"/> — a
    /// loan out past its due date holds for every later period until its items are back.
    /// </summary>
    public static async Task<IReadOnlyList<Commitment>> CommitmentsAsync(this AppDbContext db, IReadOnlyCollection<int> itemIds, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Lines and their units are read in two flat queries: a nested collection inside SelectMany needs SQL APPLY,
        // which SQLite does not have.
        // Driven from the holding lines of the items (LoanLine.Holds, their own partial index), not from every line the
        // items ever had nor from every holding loan: a million loans of history cost nothing here. The loan's status
        // is checked again (a line is never counted for a loan that has stopped holding); that every line of a holding
        // loan is marked is the domain's one setter (Loan.Status), pinned by LoanLineHoldsTests.
        var rows = await (
                from x in db.LoanLines.AsNoTracking()
                where x.Holds && itemIds.Contains(x.CatalogueItemId)
                join l in db.Loans.AsNoTracking().Holding() on x.LoanId equals l.Id
                let isOut = LoanTransitions.OutStatuses.Contains(l.Status)
                where (l.StartOn <= to || (isOut && today <= to)) && (l.DueOn >= @from || (isOut && l.DueOn < today))
                select new
                {
                    LoanId = l.Id,
                    l.Reference,
                    l.Status,
                    l.StartOn,
                    l.DueOn,
                    LineId = x.Id,
                    x.CatalogueItemId,
                    x.IsPooled,
                    x.Quantity,
                    x.IssuedQuantity,
                    Returned = x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost,
                })
            .ToListAsync(ct);
        var numberedLines = rows.Where(r => !r.IsPooled).Select(r => r.LineId).ToList();
        var unitsByLine = (await db.LoanUnits.AsNoTracking()
                .Where(u => numberedLines.Contains(u.LoanLineId))
                .Select(u => new { u.LoanLineId, u.AssetId, u.IssuedAtUtc, u.ReturnedAtUtc })
                .ToListAsync(ct))
            .ToLookup(u => u.LoanLineId);

        var list = new List<Commitment>();
        foreach (var r in rows)
        {
            var isOut = LoanTransitions.IsOut(r.Status);
            var (spanFrom, spanTo) = AvailabilityCalculator.Span(r.StartOn, r.DueOn, isOut, today);
            var firm = LoanTransitions.HoldsFirmly(r.Status);
            if (r.IsPooled)
            {
                var held = isOut ? r.IssuedQuantity - r.Returned : r.Quantity;
                if (held > 0)
                {
                    list.Add(new Commitment(r.LoanId, r.CatalogueItemId, null, held, spanFrom, spanTo, firm, r.Reference));
                }

                continue;
            }

            foreach (var u in unitsByLine[r.LineId].Where(u => isOut ? u.IssuedAtUtc != null && u.ReturnedAtUtc == null : u.ReturnedAtUtc == null))
            {
                list.Add(new Commitment(r.LoanId, r.CatalogueItemId, u.AssetId, 1, spanFrom, spanTo, firm, r.Reference));
            }
        }

        return list;
    }

    /// <summary>
    /// What is free of each item for [from, to]. <paramref name="firmOnly"/>: count only approved or out loans (the
    /// approval re-check); otherwise every hold, checked reservations included (the request form and the check).
    /// For numbered items <see cref="ItemAvailability.FreeQuantity"/> is <see cref="AvailabilityCalculator.UnitsFree"/>:
    /// lendable units less every unit held, a held unit that broke on the shelf included (its loan needs a substitute);
    /// a pool starts from its quantity on hand less the units waiting for repair.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ItemAvailability>> AvailabilityAsync(this AppDbContext db, IReadOnlyCollection<int> itemIds, DateOnly from, DateOnly to, DateOnly today, bool firmOnly, int? excludeLoanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = await db.CatalogueItems.AsNoTracking()
            .Where(c => itemIds.Contains(c.Id))
            .Select(c => new { c.Id, c.TrackingMode, c.PoolQuantity, c.PoolUnderRepair })
            .ToListAsync(ct);
        // Counted per item in SQL, not loaded: a province's registry has hundreds of thousands of units.
        var onHand = await db.UnitsOnHandAsync(itemIds, ct);
        var commitments = await db.CommitmentsAsync(itemIds, from, to, today, ct);

        var result = new Dictionary<int, ItemAvailability>();
        foreach (var item in items)
        {
            var mine = commitments.Where(c => c.CatalogueItemId == item.Id).ToList();
            var competing = mine.Where(c => c.Overlaps(from, to) && (!firmOnly || c.Firm) && c.LoanId != excludeLoanId).ToList();
            if (item.TrackingMode == TrackingMode.Pooled)
            {
                result[item.Id] = new ItemAvailability(item.Id,
                    AvailabilityCalculator.PoolFree(AvailabilityCalculator.PoolCapacity(item.PoolQuantity, item.PoolUnderRepair), mine, from, to, firmOnly, excludeLoanId),
                    new HashSet<int>(), competing);
                continue;
            }

            var held = AvailabilityCalculator.UnitsHeld(mine, from, to, firmOnly, excludeLoanId);
            result[item.Id] = new ItemAvailability(item.Id, AvailabilityCalculator.UnitsFree(onHand.GetValueOrDefault(item.Id), held), held, competing);
        }

        return result;
    }

    /// <summary>
    /// What a handover of <paramref name="loan"/> today may issue: the availability truth for [today, due date] without
    /// the loan itself, counting firm commitments (pool counts, units) and every hold (substitutes).
    /// </summary>
    public static async Task<ShelfCheck> ShelfCheckAsync(this AppDbContext db, Loan loan, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loan);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var to = loan.DueOn > today ? loan.DueOn : today;
        var firm = await db.AvailabilityAsync(itemIds, today, to, today, firmOnly: true, excludeLoanId: loan.Id, ct);
        var all = await db.AvailabilityAsync(itemIds, today, to, today, firmOnly: false, excludeLoanId: loan.Id, ct);
        return new ShelfCheck(firm, all);
    }

    /// <summary>The lendable units of a numbered item that no other loan holds for [from, to], by asset number.</summary>
    public static async Task<IReadOnlyList<Asset>> FreeUnitsAsync(this AppDbContext db, int itemId, DateOnly from, DateOnly to, DateOnly today, int? excludeLoanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = AvailabilityCalculator.UnitsHeld(await db.CommitmentsAsync([itemId], from, to, today, ct), from, to, firmOnly: false, excludeLoanId);
        var units = await db.Assets.Lendable()
            .Where(a => a.CatalogueItemId == itemId)
            .OrderBy(a => a.AssetNumber)
            .ToListAsync(ct);
        return units.Where(a => !held.Contains(a.Id)).ToList();
    }

    /// <summary>Units that count towards what can be lent: in the registry, available or on loan (SQL form of <see cref="Asset.IsLendable"/>).</summary>
    public static IQueryable<Asset> Lendable(this IQueryable<Asset> assets) =>
        assets.Where(a => a.RetiredAtUtc == null && (a.Status == AssetStatus.Available || a.Status == AssetStatus.OnLoan));

    /// <summary>How many lendable units each numbered item has, for <c>Loan.Submit</c>'s stock check and the request form.</summary>
    public static Task<Dictionary<int, int>> UnitsOnHandAsync(this AppDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Assets.AsNoTracking().Lendable()
            .Where(a => itemIds.Contains(a.CatalogueItemId))
            .GroupBy(a => a.CatalogueItemId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
