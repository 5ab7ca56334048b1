using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>Pool units damaged at a return (ชำรุดรอซ่อม): out of lending until repaired back to stock or written off.</summary>
public sealed class PoolRepairTests
{
    [Fact]
    public void ReceiveDamaged_KeepsThemOnHandButNotLendable()
    {
        var chairs = new CatalogueItemBuilder().Pooled(300).Build();

        chairs.ReceiveDamagedPoolUnits(3);

        Assert.Equal((300, 3, 297), (chairs.PoolQuantity, chairs.PoolUnderRepair, chairs.PoolLendable));
    }

    [Fact]
    public void ReturnRepaired_MakesThemLendableAgain()
    {
        var chairs = new CatalogueItemBuilder().Pooled(300).Build();
        chairs.ReceiveDamagedPoolUnits(3);
        var version = chairs.Version;

        chairs.ReturnRepairedPoolUnits(2);

        Assert.Equal((300, 1, 299), (chairs.PoolQuantity, chairs.PoolUnderRepair, chairs.PoolLendable));
        Assert.NotEqual(version, chairs.Version);
    }

    [Fact]
    public void WriteOffDamaged_LeavesThePoolForGood()
    {
        var chairs = new CatalogueItemBuilder().Pooled(300).Build();
        chairs.ReceiveDamagedPoolUnits(3);

        chairs.WriteOffDamagedPoolUnits(3);

        Assert.Equal((297, 0, 297), (chairs.PoolQuantity, chairs.PoolUnderRepair, chairs.PoolLendable));
    }

    [Theory]
    [InlineData(0, "Catalogue.PoolRepairQuantityMin")]
    [InlineData(-1, "Catalogue.PoolRepairQuantityMin")]
    [InlineData(4, "Catalogue.PoolRepairOverUnderRepair")]
    public void ReturnRepaired_NoneOrMoreThanUnderRepair_Throws(int quantity, string code)
    {
        var chairs = new CatalogueItemBuilder().Pooled(300).Build();
        chairs.ReceiveDamagedPoolUnits(3);

        Assert.Equal(code, Assert.Throws<DomainRuleException>(() => chairs.ReturnRepairedPoolUnits(quantity)).Code);
        Assert.Equal(code, Assert.Throws<DomainRuleException>(() => chairs.WriteOffDamagedPoolUnits(quantity)).Code);
        Assert.Equal((300, 3), (chairs.PoolQuantity, chairs.PoolUnderRepair));
    }

    [Fact]
    public void Repair_NumberedItem_Throws()
    {
        var tent = new CatalogueItemBuilder().Numbered().Build();

        Assert.Equal("Catalogue.NotPooled", Assert.Throws<DomainRuleException>(() => tent.ReturnRepairedPoolUnits(1)).Code);
        Assert.Equal("Catalogue.NotPooled", Assert.Throws<DomainRuleException>(() => tent.ReceiveDamagedPoolUnits(1)).Code);
    }

    [Fact]
    public void SetPool_BelowTheUnitsUnderRepair_Throws()
    {
        var chairs = new CatalogueItemBuilder().Pooled(300).Build();
        chairs.ReceiveDamagedPoolUnits(5);

        Assert.Equal("Catalogue.PoolBelowUnderRepair", Assert.Throws<DomainRuleException>(() => chairs.SetPool(4, 150m, null)).Code);
        chairs.SetPool(5, 150m, null);
        Assert.Equal(0, chairs.PoolLendable);
    }

    [Fact]
    public void WriteOffLost_NeverLeavesMoreUnderRepairThanOnHand()
    {
        var chairs = new CatalogueItemBuilder().Pooled(10).Build();
        chairs.ReceiveDamagedPoolUnits(8);

        chairs.WriteOffPoolUnits(5);

        Assert.Equal((5, 5, 0), (chairs.PoolQuantity, chairs.PoolUnderRepair, chairs.PoolLendable));
    }

    [Fact]
    public void ReceiveDamaged_MoreThanOnHand_IsCappedAtTheCountOnHand()
    {
        var chairs = new CatalogueItemBuilder().Pooled(2).Build();

        chairs.ReceiveDamagedPoolUnits(3);

        Assert.Equal((2, 2, 0), (chairs.PoolQuantity, chairs.PoolUnderRepair, chairs.PoolLendable));
    }

    [Theory]
    [InlineData(300, 0, 300)]
    [InlineData(300, 3, 297)]
    [InlineData(3, 5, 0)]
    public void PoolCapacity_IsOnHandLessUnderRepair(int onHand, int underRepair, int expected) =>
        Assert.Equal(expected, AvailabilityCalculator.PoolCapacity(onHand, underRepair));
}
