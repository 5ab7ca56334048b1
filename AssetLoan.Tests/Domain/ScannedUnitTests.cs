using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>A scan on a numbered line: a unit passes; a pool's label and an unknown code are refused, each with its own reason.</summary>
public sealed class ScannedUnitTests
{
    [Fact]
    public void AUnit_IsTheUnit()
    {
        var asset = new Asset(1, "490-64-0001", Tags.NewTag(), new AssetDetails(new DateOnly(2021, 3, 15), 18_500m, null, "โรงเก็บพัสดุ", "ดี", null));
        Assert.Same(asset, ScannedUnit.Require(asset, poolLabel: false));
    }

    [Fact]
    public void APoolsLabel_IsRefusedAsAPoolLabel_NotAsUnknown()
    {
        var error = Assert.Throws<DomainRuleException>(() => ScannedUnit.Require(null, poolLabel: true));
        Assert.Equal("Loan.ScannedPoolLabel", error.Code);
    }

    [Fact]
    public void NothingFound_IsUnknown()
    {
        var error = Assert.Throws<DomainRuleException>(() => ScannedUnit.Require(null, poolLabel: false));
        Assert.Equal("Loan.UnitUnknown", error.Code);
    }
}
