using AssetLoan.Domain.Assets;

namespace AssetLoan.Domain.Loans;

/// <summary>What the officer records about the stock when a case is settled in kind.</summary>
/// <param name="RepairedUnitInService">A repair: the unit (or quantity) is back in working order and may be lent again.
/// Unticked, it stays under repair until the officer confirms it from the registry or the pool repair page.</param>
/// <param name="ReplacementAssetNumber">A numbered unit replaced in kind: the new unit's asset number.</param>
public sealed record StockBack(bool RepairedUnitInService = false, string? ReplacementAssetNumber = null);

/// <summary>
/// Issue 11 §5: stock that comes back is counted back, by the same truth availability reads (asset status, pool
/// quantity and pool under repair). A settlement by repair puts the unit back in service (or leaves it under repair
/// until confirmed); a replacement in kind adds the new unit to the registry with its own number and the value of the
/// one it replaces (a pool gets its quantity back); a payment changes no stock.
/// </summary>
public static class SettlementStock
{
    /// <summary>
    /// Applies a settled case to the registry. Returns the new unit to register when a numbered unit was replaced in
    /// kind (its tag is <paramref name="newTag"/>), otherwise null.
    /// </summary>
    public static Asset? Apply(CompensationCase settled, CatalogueItem item, Asset? unit, StockBack back, string newTag, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settled);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(back);
        DomainRuleException.ThrowIf(!settled.IsSettled, "Compensation.NotSettled", "Only a settled case brings stock back.");
        return settled.Method switch
        {
            CompensationMethod.Repair => Repaired(settled, item, unit, back),
            CompensationMethod.Replace => Replaced(settled, item, unit, back, newTag, nowUtc),
            _ => null,
        };
    }

    /// <summary>Whether settling such a case needs the replacement unit's number (a numbered unit replaced in kind).</summary>
    public static bool NeedsReplacementNumber(CompensationMethod? method, CompensationKind kind, bool pooled) =>
        method == CompensationMethod.Replace && !pooled && kind != CompensationKind.MissingParts;

    /// <summary>Whether settling such a case asks if the repaired unit (or quantity) is back in service.</summary>
    public static bool AsksIfBackInService(CompensationMethod? method, CompensationKind kind) =>
        method == CompensationMethod.Repair && kind != CompensationKind.Lost;

    private static Asset? Repaired(CompensationCase settled, CatalogueItem item, Asset? unit, StockBack back)
    {
        if (!back.RepairedUnitInService || !AsksIfBackInService(settled.Method, settled.Kind))
        {
            return null;
        }

        if (item.IsPooled)
        {
            var quantity = Math.Min(settled.Quantity, item.PoolUnderRepair);
            if (quantity > 0)
            {
                item.ReturnRepairedPoolUnits(quantity);
            }
        }
        else if (unit is { Status: AssetStatus.UnderRepair, IsRetired: false })
        {
            unit.SetStatus(AssetStatus.Available);
        }

        return null;
    }

    private static Asset? Replaced(CompensationCase settled, CatalogueItem item, Asset? unit, StockBack back, string newTag, DateTime nowUtc)
    {
        if (settled.Kind == CompensationKind.MissingParts)
        {
            // The missing parts were replaced: the unit is whole again.
            if (unit is { Status: AssetStatus.UnderRepair, IsRetired: false })
            {
                unit.SetStatus(AssetStatus.Available);
            }

            return null;
        }

        if (item.IsPooled)
        {
            if (settled.Kind == CompensationKind.Damaged)
            {
                // New units in place of the damaged ones, which leave the pool.
                var damaged = Math.Min(settled.Quantity, item.PoolUnderRepair);
                if (damaged > 0)
                {
                    item.WriteOffDamagedPoolUnits(damaged);
                }
            }

            item.ReceiveReplacementPoolUnits(settled.Quantity);
            return null;
        }

        DomainRuleException.ThrowIf(NeedsReplacementNumber(settled.Method, settled.Kind, item.IsPooled) && string.IsNullOrWhiteSpace(back.ReplacementAssetNumber),
            "Compensation.ReplacementNumberRequired",
            "A unit replaced in kind needs the new unit's asset number.");
        var replacement = new Asset(item.Id, back.ReplacementAssetNumber!, newTag,
            new AssetDetails(Calendar.BangkokTime.Today(nowUtc), unit?.Price ?? 0m, unit?.DivisionId, unit?.Location, null,
                $"ได้รับชดใช้แทนครุภัณฑ์ {settled.AssetNumber ?? "-"}"));
        if (settled.Kind == CompensationKind.Damaged && unit is { IsRetired: false } && unit.Status != AssetStatus.OnLoan)
        {
            unit.Retire($"ผู้ยืมชดใช้เป็นของใหม่ หมายเลข {replacement.AssetNumber}", nowUtc);
        }

        return replacement;
    }
}
