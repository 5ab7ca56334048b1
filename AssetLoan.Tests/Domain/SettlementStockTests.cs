using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>Issue 11 §5: a settlement in kind brings the stock back, by the same truth availability reads.</summary>
public sealed class SettlementStockTests
{
    private static readonly DateOnly Later = LoanScenario.Today.AddDays(2);

    private static readonly DateTime LaterUtc = LoanScenario.Now.AddDays(2);

    private readonly LoanScenario _s = new();

    [Theory]
    [InlineData(true, AssetStatus.Available)]
    [InlineData(false, AssetStatus.UnderRepair)]
    public void Repair_OfADamagedTent_PutsItBackInServiceOnlyWhenTheOfficerSaysSo(bool inService, AssetStatus expected)
    {
        var c = SettledTentCase(ReturnCondition.Damaged, CompensationMethod.Repair);
        Assert.Equal(AssetStatus.UnderRepair, _s.Tents[0].Status);

        Assert.Null(SettlementStock.Apply(c, _s.Tent, _s.Tents[0], new StockBack(RepairedUnitInService: inService), Tags.NewTag(), LaterUtc));

        Assert.Equal(expected, _s.Tents[0].Status);
        Assert.Equal(expected == AssetStatus.Available, _s.Tents[0].IsLendable);
    }

    [Fact]
    public void Repair_OfDamagedChairs_ReturnsThemFromRepairToThePool()
    {
        var c = SettledChairCase(damaged: 5, lost: 0, CompensationMethod.Repair);
        var (onHand, underRepair) = (_s.Chairs.PoolQuantity, _s.Chairs.PoolUnderRepair);

        SettlementStock.Apply(c, _s.Chairs, null, new StockBack(RepairedUnitInService: true), Tags.NewTag(), LaterUtc);

        Assert.Equal((onHand, underRepair - 5), (_s.Chairs.PoolQuantity, _s.Chairs.PoolUnderRepair));
    }

    [Fact]
    public void Replace_OfLostChairs_AddsTheQuantityBack()
    {
        var before = _s.Chairs.PoolQuantity;
        var c = SettledChairCase(damaged: 0, lost: 4, CompensationMethod.Replace);
        Assert.Equal(before - 4, _s.Chairs.PoolQuantity);

        SettlementStock.Apply(c, _s.Chairs, null, new StockBack(), Tags.NewTag(), LaterUtc);

        Assert.Equal(before, _s.Chairs.PoolQuantity);
    }

    [Fact]
    public void Replace_OfDamagedChairs_NewOnesInThePoolTheDamagedOnesOut()
    {
        var c = SettledChairCase(damaged: 3, lost: 0, CompensationMethod.Replace);
        var (onHand, underRepair) = (_s.Chairs.PoolQuantity, _s.Chairs.PoolUnderRepair);

        SettlementStock.Apply(c, _s.Chairs, null, new StockBack(), Tags.NewTag(), LaterUtc);

        Assert.Equal((onHand, underRepair - 3), (_s.Chairs.PoolQuantity, _s.Chairs.PoolUnderRepair));
        Assert.Equal(onHand - underRepair + 3, _s.Chairs.PoolLendable);
    }

    [Fact]
    public void Replace_OfALostTent_RegistersTheNewUnitWithItsOwnNumberAndTheOldValue()
    {
        var c = SettledTentCase(ReturnCondition.Lost, CompensationMethod.Replace);
        var tag = Tags.NewTag();

        var replacement = SettlementStock.Apply(c, _s.Tent, _s.Tents[0], new StockBack(ReplacementAssetNumber: "490-69-0099"), tag, LaterUtc);

        Assert.NotNull(replacement);
        Assert.Equal(("490-69-0099", tag, _s.Tent.Id, _s.Tents[0].Price, AssetStatus.Available), (replacement.AssetNumber, replacement.Tag, replacement.CatalogueItemId, replacement.Price, replacement.Status));
        Assert.Equal(AssetStatus.Lost, _s.Tents[0].Status);
    }

    [Fact]
    public void Replace_OfADamagedTent_RetiresTheOldOne()
    {
        var c = SettledTentCase(ReturnCondition.Damaged, CompensationMethod.Replace);

        var replacement = SettlementStock.Apply(c, _s.Tent, _s.Tents[0], new StockBack(ReplacementAssetNumber: "490-69-0100"), Tags.NewTag(), LaterUtc);

        Assert.NotNull(replacement);
        Assert.True(_s.Tents[0].IsRetired);
        Assert.Contains("490-69-0100", _s.Tents[0].RetiredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_OfATentWithoutTheNewNumber_IsRefused()
    {
        var c = SettledTentCase(ReturnCondition.Lost, CompensationMethod.Replace);

        var ex = Assert.Throws<DomainRuleException>(() => SettlementStock.Apply(c, _s.Tent, _s.Tents[0], new StockBack(), Tags.NewTag(), LaterUtc));

        Assert.Equal("Compensation.ReplacementNumberRequired", ex.Code);
    }

    [Fact]
    public void Payment_ChangesNoStock()
    {
        var c = SettledTentCase(ReturnCondition.Lost, CompensationMethod.Pay);

        Assert.Null(SettlementStock.Apply(c, _s.Tent, _s.Tents[0], new StockBack(true, "490-69-0101"), Tags.NewTag(), LaterUtc));

        Assert.Equal(AssetStatus.Lost, _s.Tents[0].Status);
    }

    [Fact]
    public void AnUnsettledCase_BringsNothingBack()
    {
        var loan = _s.HandedOver(tents: 1, chairs: 0);
        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Damaged, null)], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);
        LoanScenario.NumberCases(loan);

        var ex = Assert.Throws<DomainRuleException>(() => SettlementStock.Apply(loan.Compensations.Single(), _s.Tent, _s.Tents[0], new StockBack(true), Tags.NewTag(), LaterUtc));

        Assert.Equal("Compensation.NotSettled", ex.Code);
    }

    private CompensationCase SettledTentCase(ReturnCondition condition, CompensationMethod method)
    {
        var loan = _s.HandedOver(tents: 1, chairs: 0);
        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, [new UnitReturn(_s.Tents[0].Id, condition, null)], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);
        return Settle(loan, method);
    }

    private CompensationCase SettledChairCase(int damaged, int lost, CompensationMethod method)
    {
        var loan = _s.HandedOver(tents: 0, chairs: 10);
        loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 10 - damaged - lost, damaged, lost, [], null)], _s.Assets, _s.Items, Later, LaterUtc);
        return Settle(loan, method);
    }

    private CompensationCase Settle(Loan loan, CompensationMethod method)
    {
        LoanScenario.NumberCases(loan);
        var c = loan.Compensations.Single();
        loan.DecideCompensation(c.Id, _s.Officer, method, method == CompensationMethod.Pay ? 1_000m : c.ProposedAmount!.Value, "ตามสภาพ", LaterUtc);
        loan.ConfirmCompensation(c.Id, _s.Director, LaterUtc);
        loan.SettleCompensation(c.Id, _s.Officer, Later, method == CompensationMethod.Pay ? 1_000m : null, method == CompensationMethod.Pay ? "บร 1/2570" : null, null, LaterUtc);
        return c;
    }
}
