using System.Globalization;
using System.Text.Json;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>
/// ข้อ ๒๑๓: everything out on loan at the end of 30 September of a fiscal year, for the annual stock check. It is read
/// as of that moment from the records, not from today's state: a loan handed over on or before that day and not fully
/// back by its end; each numbered unit by its own issue and return instants; a pool line's quantity by the returns
/// recorded before the cut-off in the audit trail (the line's return counters, before → after, with their time).
/// </summary>
public static class YearEndList
{
    public static async Task<List<YearEndRow>> ReadAsync(AppDbContext db, FiscalYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lastDay = year.LastDay;
        var cutoffUtc = BangkokTime.StartOfDayUtc(lastDay.AddDays(1));
        var loans = db.Loans.AsNoTracking()
            .Where(l => l.HandedOverOn != null && l.HandedOverOn <= lastDay && (l.ReturnedOn == null || l.ReturnedOn > lastDay));

        var units = await (
                from l in loans
                from x in l.Lines
                from u in x.Units
                where u.IssuedAtUtc != null && (u.ReturnedAtUtc == null || u.ReturnedAtUtc >= cutoffUtc)
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                select new { l.Id, l.Reference, b.Name, b.Kind, x.ItemName, x.UnitNoun, u.AssetId, u.AssetNumber, l.HandedOverOn, l.DueOn, u.ReturnedAtUtc, l.ReturnedOn })
            .ToListAsync(ct);

        var pools = await (
                from l in loans
                from x in l.Lines
                where x.IsPooled && x.IssuedQuantity > 0
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                select new
                {
                    LineId = x.Id,
                    l.Id,
                    l.Reference,
                    b.Name,
                    b.Kind,
                    x.ItemName,
                    x.UnitNoun,
                    x.IssuedQuantity,
                    ReturnedNow = x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost,
                    l.HandedOverOn,
                    l.DueOn,
                    l.ReturnedOn,
                })
            .ToListAsync(ct);

        var returnedBefore = await PoolReturnsBeforeAsync(db, pools.Where(p => p.ReturnedNow > 0).Select(p => p.LineId).ToList(), cutoffUtc, ct);

        var rows = units.Select(u => new YearEndRow(u.Id, u.Reference, u.Name, u.Kind, u.ItemName, u.UnitNoun, u.AssetId, u.AssetNumber, 1, u.HandedOverOn!.Value, u.DueOn,
                u.ReturnedAtUtc is { } r ? BangkokTime.Today(r) : null))
            .Concat(pools
                .Select(p => new { p, Out = p.IssuedQuantity - returnedBefore.GetValueOrDefault(p.LineId) })
                .Where(p => p.Out > 0)
                .Select(p => new YearEndRow(p.p.Id, p.p.Reference, p.p.Name, p.p.Kind, p.p.ItemName, p.p.UnitNoun, null, null, p.Out, p.p.HandedOverOn!.Value, p.p.DueOn,
                    p.p.ReturnedOn)))
            .OrderBy(r => r.ItemName, StringComparer.Ordinal)
            .ThenBy(r => r.AssetNumber, StringComparer.Ordinal)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();
        return rows;
    }

    /// <summary>For each pool line, how many had come back (good, damaged or lost) before the cut-off.</summary>
    private static async Task<Dictionary<int, int>> PoolReturnsBeforeAsync(AppDbContext db, List<int> lineIds, DateTime cutoffUtc, CancellationToken ct)
    {
        var result = new Dictionary<int, int>();
        if (lineIds.Count == 0)
        {
            return result;
        }

        var keys = lineIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(LoanLine) && keys.Contains(e.EntityId) && e.AtUtc < cutoffUtc)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.EntityId, e.After })
            .ToListAsync(ct);
        foreach (var group in events.GroupBy(e => int.Parse(e.EntityId, CultureInfo.InvariantCulture)))
        {
            var counters = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in group.Where(e => e.After is not null))
            {
                using var doc = JsonDocument.Parse(e.After!);
                foreach (var name in new[] { nameof(LoanLine.ReturnedGood), nameof(LoanLine.ReturnedDamaged), nameof(LoanLine.ReturnedLost) })
                {
                    if (doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
                    {
                        counters[name] = value.GetInt32();
                    }
                }
            }

            result[group.Key] = counters.Values.Sum();
        }

        return result;
    }
}

public sealed record YearEndRow(int LoanId, string Reference, string BorrowerName, BorrowerKind Kind, string ItemName, string UnitNoun, int? AssetId, string? AssetNumber,
    int Quantity, DateOnly HandedOverOn, DateOnly DueOn, DateOnly? ReturnedSinceOn);
