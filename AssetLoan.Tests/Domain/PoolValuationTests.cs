using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using CsCheck;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// Issue 13 §7: a pool's units bought in lots. One unit's value at the time of borrowing is the quantity-weighted mean of
/// the lots' straight-line values (docs/decisions/0008), worked by hand below with chairs of 3 years' life and no salvage.
/// </summary>
public sealed class PoolValuationTests
{
    private static readonly DateOnly Handover = new(2026, 11, 25);

    [Fact]
    public void ValueAt_NoLots_IsTheItemsPriceAndDateAlone_WithNoBasis()
    {
        var chairs = Chairs(300, 150m, new DateOnly(2025, 11, 25));

        var value = chairs.PoolValueAt(Handover);

        // 150 − 150 × 365 / 1,096 = 100.05.
        Assert.Equal(DepreciatedValue.Of(100.05m), value.Value);
        Assert.Equal(Depreciation.ValueAt(150m, new DateOnly(2025, 11, 25), 3, 0m, Handover), value.Value);
        Assert.Null(value.Basis);
    }

    [Fact]
    public void ValueAt_TwoLotsCoveringThePool_IsTheQuantityWeightedMean()
    {
        var chairs = Chairs(300, 150m, new DateOnly(2022, 10, 1));
        // 200 bought a year before at 300: 300 − 300 × 365 / 1,096 = 200.09. 100 bought on the day at 240: 240.00.
        chairs.AddLot(200, new DateOnly(2025, 11, 25), 300m, Handover);
        chairs.AddLot(100, Handover, 240m, Handover);

        var value = chairs.PoolValueAt(Handover);

        // (200 × 200.09 + 100 × 240.00) ÷ 300 = 64,018 ÷ 300 = 213.39.
        Assert.Equal(DepreciatedValue.Of(213.39m), value.Value);
        Assert.Equal([200.09m, 240m], value.Parts.Select(p => p.Value.Amount!.Value));
        Assert.StartsWith("ค่าเฉลี่ยถ่วงน้ำหนักตามจำนวนของล็อต ณ วันที่ 25 พ.ย. 2569", value.Basis, StringComparison.Ordinal);
        Assert.Contains("ล็อต 200 ตัว ได้มา 25 พ.ย. 2568 ราคา 300.00 มูลค่า 200.09", value.Basis, StringComparison.Ordinal);
        Assert.Contains("→ 213.39 บาทต่อตัว", value.Basis, StringComparison.Ordinal);
        Assert.DoesNotContain("ไม่นับ", value.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueAt_ALotBoughtAfterTheHandoverDoesNotCount_AndTheRestOfThePoolCountsAtTheItemsPrice()
    {
        var chairs = Chairs(300, 150m, new DateOnly(2022, 10, 1));
        chairs.AddLot(200, new DateOnly(2025, 11, 25), 300m, new DateOnly(2026, 12, 5));
        chairs.AddLot(50, new DateOnly(2026, 12, 1), 400m, new DateOnly(2026, 12, 5));

        var value = chairs.PoolValueAt(Handover);

        // The 50 not in a lot: 150 bought 1 Oct 2022, past its 3 years, worth the salvage 0.
        // (200 × 200.09 + 50 × 0) ÷ 250 = 160.07; the lot of 1 Dec 2026 is left out.
        Assert.Equal(DepreciatedValue.Of(160.07m), value.Value);
        Assert.Contains("ส่วนที่ไม่อยู่ในล็อต 50 ตัว ได้มา 1 ต.ค. 2565 ราคา 150.00 มูลค่า 0.00", value.Basis, StringComparison.Ordinal);
        Assert.Contains("ไม่นับ: ล็อต 50 ตัว ได้มา 1 ธ.ค. 2569 ราคา 400.00 (ได้มาหลังวันส่งมอบ)", value.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueAt_NoLotGivesAValue_IsUnknownWithTheReason()
    {
        var later = Chairs(100, 0m, null);
        later.AddLot(100, new DateOnly(2026, 12, 1), 400m, new DateOnly(2026, 12, 5));
        var noLife = Chairs(100, 0m, null, usefulLifeYears: 0);
        noLife.AddLot(100, new DateOnly(2025, 1, 1), 400m, Handover);

        Assert.Equal(DepreciatedValue.UnknownBecause(ValueUnknownReason.AcquiredAfterHandover), later.PoolValueAt(Handover).Value);
        Assert.Equal(DepreciatedValue.UnknownBecause(ValueUnknownReason.UsefulLifeUnknown), noLife.PoolValueAt(Handover).Value);
        Assert.StartsWith("ไม่มีล็อตใดให้มูลค่า", later.PoolValueAt(Handover).Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void HandOver_PoolWithLots_SnapshotsTheWeightedValueAndItsBasisOnTheLine_AndALostChairProposesIt()
    {
        var s = new LoanScenario();
        // The scenario's chairs: 5 years' life, no salvage, 300 on hand. 100 bought 25 Nov 2024 at 500: 500 − 500 × 730 / 1,826 = 300.11;
        // 200 bought on the day at 200: 200. (100 × 300.11 + 200 × 200) ÷ 300 = 233.37.
        s.Chairs.AddLot(100, new DateOnly(2024, 11, 25), 500m, LoanScenario.Today);
        s.Chairs.AddLot(200, LoanScenario.Today, 200m, LoanScenario.Today);

        var loan = s.HandedOver(chairs: 30);

        var line = s.ChairLine(loan);
        Assert.Equal(233.37m, line.UnitValue);
        Assert.Contains("→ 233.37 บาทต่อตัว", line.UnitValueBasis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "2026-01-01", 100, "Catalogue.LotQuantityMin")]
    [InlineData(10, "2026-01-01", -1, "Catalogue.LotPriceNegative")]
    [InlineData(10, "2026-11-26", 100, "Catalogue.LotInFuture")]
    [InlineData(301, "2026-01-01", 100, "Catalogue.LotsOverPool")]
    public void AddLot_BadLot_IsRefusedWithTheRule(int quantity, string acquired, decimal price, string code)
    {
        var chairs = Chairs(300, 150m, null);

        var ex = Assert.Throws<DomainRuleException>(() => chairs.AddLot(quantity, DateOnly.Parse(acquired, System.Globalization.CultureInfo.InvariantCulture), price, Handover));

        Assert.Equal(code, ex.Code);
        Assert.Empty(chairs.Lots);
    }

    [Fact]
    public void Lots_TogetherNeverExceedThePool_ButAPriceMayBeCorrectedAfterLostChairsWereWrittenOff()
    {
        var chairs = Chairs(300, 150m, null);
        Saved(chairs.AddLot(250, new DateOnly(2025, 1, 1), 100m, Handover), 1);

        Assert.Equal("Catalogue.LotsOverPool", Assert.Throws<DomainRuleException>(() => chairs.AddLot(51, new DateOnly(2025, 1, 1), 100m, Handover)).Code);
        Saved(chairs.AddLot(50, new DateOnly(2025, 6, 1), 120m, Handover), 2);
        Assert.Equal("Catalogue.PoolBelowLots", Assert.Throws<DomainRuleException>(() => chairs.SetPool(299, 150m, null)).Code);

        chairs.WriteOffPoolUnits(10);
        var lot = chairs.Lots[0];
        chairs.ChangeLot(lot.Id, 250, new DateOnly(2025, 1, 1), 110m, Handover);

        Assert.Equal((290, 300, 110m), (chairs.PoolQuantity, chairs.LotQuantity, chairs.Lots[0].UnitPrice));
        chairs.RemoveLot(lot.Id);
        Assert.Equal(50, chairs.LotQuantity);
    }

    /// <summary>
    /// For any lots and any date: the value is known exactly when some part gives a value; a known value lies between the
    /// lowest and the highest value of the parts that count; the order the lots are listed in does not matter; and when
    /// every part is worth the same, a unit is worth that.
    /// </summary>
    [Fact]
    public void WeightedMean_Property_BetweenTheLotsValues_WhateverTheirOrder()
    {
        var value = Gen.Frequency((1, Gen.Const(DepreciatedValue.UnknownBecause(ValueUnknownReason.AcquiredAfterHandover))),
            (4, Gen.Int[0, 5_000_000].Select(satang => DepreciatedValue.Of(satang / 100m))));
        var part = Gen.Select(Gen.Int[0, 500], value, (q, v) => new PoolPart(1, q, null, 0m, v));

        part.List[1, 8].Sample(parts =>
        {
            var mean = PoolValuation.WeightedMean(parts);
            var counted = parts.Where(p => p.Value.IsKnown && p.Quantity > 0).Select(p => p.Value.Amount!.Value).ToList();
            if (mean.IsKnown != (counted.Count > 0))
            {
                return false;
            }

            if (!mean.IsKnown)
            {
                return true;
            }

            var reversed = PoolValuation.WeightedMean(parts.AsEnumerable().Reverse().ToList());
            var same = PoolValuation.WeightedMean(parts.Select(p => p with { Value = DepreciatedValue.Of(counted[0]) }).ToList());
            return mean.Amount >= counted.Min() && mean.Amount <= counted.Max()
                && reversed == mean
                && same.Amount == counted[0];
        }, iter: 5_000);
    }

    // The id the database would give.
    private static void Saved(PoolLot lot, int id) => typeof(PoolLot).GetProperty(nameof(PoolLot.Id))!.SetValue(lot, id);

    private static CatalogueItem Chairs(int quantity, decimal price, DateOnly? acquiredOn, int usefulLifeYears = 3)
    {
        var item = new CatalogueItem(
            new CatalogueItemDetails("เก้าอี้พลาสติก", 1, "ตัว", null, LendingNature.Durable, BudgetClass.BelowThreshold, BorrowerAudience.Everyone, 7, usefulLifeYears, 0m),
            TrackingMode.Pooled, Tags.NewTag());
        item.SetPool(quantity, price, acquiredOn);
        return item;
    }
}
