using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;

namespace AssetLoan.Domain.Loans;

/// <summary>One part of a pool in a valuation: a lot, or the units not in any lot (<see cref="LotId"/> null).</summary>
public sealed record PoolPart(int? LotId, int Quantity, DateOnly? AcquiredOn, decimal UnitPrice, DepreciatedValue Value);

/// <summary>The value of one pool unit at a date, the parts it was worked from, and the basis the officer reads.</summary>
public sealed record PoolValue(DepreciatedValue Value, IReadOnlyList<PoolPart> Parts, string? Basis)
{
    public decimal? Amount => Value.Amount;
}

/// <summary>
/// ข้อ ๒๐๙ for a pool whose units were bought in lots (docs/decisions/0008). The units lent are not identified by lot, so
/// one unit's value at the time of borrowing is the <b>quantity-weighted mean</b> of the lots' values on that day: what
/// a unit drawn from the pool is worth on average, neither the oldest (cheapest for the borrower) nor the newest
/// (dearest). Each lot depreciates straight-line from its own acquisition date and price over the item's useful life, to
/// the item's salvage value (<see cref="Depreciation"/>). Units not in any lot count as one more lot at the item's price
/// and acquisition date. A lot whose value is unknown — bought after the handover, no price — does not count, and the
/// basis says so; when no lot gives a value the value is unknown, with the reason of the earliest lot, as today.
/// Without lots the item's price and date are used alone, with no basis (as before lots existed).
/// </summary>
public static class PoolValuation
{
    /// <summary>The longest basis kept with a loan line; a longer one is cut with an ellipsis.</summary>
    public const int BasisMaxLength = 2000;

    public static PoolValue ValueAt(CatalogueItem item, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(item);
        var single = Depreciation.ValueAt(item.PoolUnitPrice, item.PoolAcquiredOn, item.UsefulLifeYears, item.SalvageValue, on);
        if (item.Lots.Count == 0)
        {
            return new PoolValue(single, [], null);
        }

        var parts = item.Lots
            .OrderBy(l => l.AcquiredOn).ThenBy(l => l.Id)
            .Select(l => new PoolPart(l.Id, l.Quantity, l.AcquiredOn, l.UnitPrice,
                Depreciation.ValueAt(l.UnitPrice, l.AcquiredOn, item.UsefulLifeYears, item.SalvageValue, on)))
            .ToList();
        var rest = item.PoolQuantity - item.LotQuantity;
        if (rest > 0)
        {
            parts.Add(new PoolPart(null, rest, item.PoolAcquiredOn, item.PoolUnitPrice, single));
        }

        return new PoolValue(WeightedMean(parts), parts, Basis(parts, item.UnitNoun, on));
    }

    /// <summary>Σ(quantity × value) ÷ Σ quantity over the parts whose value is known, rounded to the satang.</summary>
    public static DepreciatedValue WeightedMean(IReadOnlyList<PoolPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var counted = parts.Where(p => p.Value.IsKnown && p.Quantity > 0).ToList();
        if (counted.Count == 0)
        {
            return DepreciatedValue.UnknownBecause(parts.Select(p => p.Value.Unknown).FirstOrDefault(r => r is not null) ?? ValueUnknownReason.PriceUnknown);
        }

        var units = counted.Sum(p => (decimal)p.Quantity);
        var total = counted.Sum(p => p.Quantity * p.Value.Amount!.Value);
        return DepreciatedValue.Of(Math.Round(total / units, 2, MidpointRounding.AwayFromZero));
    }

    private static string Basis(IReadOnlyList<PoolPart> parts, string unitNoun, DateOnly on)
    {
        var counted = parts.Where(p => p.Value.IsKnown).ToList();
        var left = parts.Where(p => !p.Value.IsKnown).ToList();
        var text = counted.Count == 0
            ? $"ไม่มีล็อตใดให้มูลค่า ณ วันที่ {ThaiDate.Format(on)} ได้"
            : $"ค่าเฉลี่ยถ่วงน้ำหนักตามจำนวนของล็อต ณ วันที่ {ThaiDate.Format(on)} (ราคาทุนหักค่าเสื่อมแบบเส้นตรงของแต่ละล็อต): "
              + string.Join("; ", counted.Select(p => $"{Describe(p, unitNoun)} มูลค่า {Money(p.Value.Amount!.Value)}"))
              + $" → {Money(WeightedMean(parts).Amount!.Value)} บาทต่อ{unitNoun}";
        if (left.Count > 0)
        {
            text += "; ไม่นับ: " + string.Join("; ", left.Select(p => $"{Describe(p, unitNoun)} ({Why(p.Value.Unknown!.Value)})"));
        }

        return text.Length <= BasisMaxLength ? text : string.Concat(text.AsSpan(0, BasisMaxLength - 1), "…");
    }

    private static string Describe(PoolPart p, string unitNoun) =>
        (p.LotId is null ? "ส่วนที่ไม่อยู่ในล็อต " : "ล็อต ")
        + string.Create(CultureInfo.InvariantCulture, $"{p.Quantity:#,0} {unitNoun}")
        + (p.AcquiredOn is { } on ? $" ได้มา {ThaiDate.Format(on)}" : "")
        + $" ราคา {Money(p.UnitPrice)}";

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Why(ValueUnknownReason reason) => reason switch
    {
        ValueUnknownReason.PriceUnknown => "ไม่มีราคาทุน",
        ValueUnknownReason.AcquisitionDateUnknown => "ไม่มีวันที่ได้มา",
        ValueUnknownReason.UsefulLifeUnknown => "ไม่ได้กำหนดอายุการใช้งาน",
        _ => "ได้มาหลังวันส่งมอบ",
    };
}
