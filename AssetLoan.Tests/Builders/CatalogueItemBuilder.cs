using AssetLoan.Domain.Assets;

namespace AssetLoan.Tests.Builders;

/// <summary>
/// A catalogue item with an id. Defaults: pooled "เก้าอี้พลาสติก", 300 ตัว, everyone may borrow, 7 days at most.
/// <c>new CatalogueItemBuilder().Numbered().Named("เครื่องฉายภาพ", "เครื่อง").Build()</c>.
/// </summary>
public sealed class CatalogueItemBuilder
{
    private string _name = "เก้าอี้พลาสติก";
    private string _unit = "ตัว";
    private TrackingMode _mode = TrackingMode.Pooled;
    private LendingNature _nature = LendingNature.Durable;
    private BorrowerAudience _audience = BorrowerAudience.Everyone;
    private int _maxDays = 7;
    private int _poolQuantity = 300;
    private decimal _unitPrice = 150m;
    private int? _id;
    private bool _retired;

    public CatalogueItemBuilder Named(string name, string unitNoun = "ชิ้น")
    {
        _name = name;
        _unit = unitNoun;
        return this;
    }

    public CatalogueItemBuilder Pooled(int quantity, decimal unitPrice = 150m)
    {
        _mode = TrackingMode.Pooled;
        _poolQuantity = quantity;
        _unitPrice = unitPrice;
        return this;
    }

    /// <summary>Each unit is an <see cref="Asset"/>; make them with <see cref="AssetBuilder.UnitsOf"/>.</summary>
    public CatalogueItemBuilder Numbered()
    {
        _mode = TrackingMode.Numbered;
        return this;
    }

    public CatalogueItemBuilder Consumable()
    {
        _nature = LendingNature.Consumable;
        return this;
    }

    public CatalogueItemBuilder For(BorrowerAudience audience)
    {
        _audience = audience;
        return this;
    }

    public CatalogueItemBuilder MaxDays(int days)
    {
        _maxDays = days;
        return this;
    }

    public CatalogueItemBuilder WithId(int id)
    {
        _id = id;
        return this;
    }

    public CatalogueItemBuilder Retired()
    {
        _retired = true;
        return this;
    }

    public CatalogueItem Build()
    {
        var item = new CatalogueItem(
            new CatalogueItemDetails(_name, 1, _unit, null, _nature,
                _nature == LendingNature.Consumable ? BudgetClass.Material : BudgetClass.Equipment, _audience, _maxDays, 5, 1m),
            _mode,
            Tags.NewTag());
        if (_mode == TrackingMode.Pooled)
        {
            item.SetPool(_poolQuantity, _unitPrice, new DateOnly(2022, 10, 1));
        }

        if (_retired)
        {
            item.Retire();
        }

        return Ids.Set(item, _id ?? Ids.Next());
    }
}

/// <summary>Numbered units of a catalogue item, with ids and asset numbers "490-64-0001"….</summary>
public static class AssetBuilder
{
    public static IReadOnlyList<Asset> UnitsOf(CatalogueItem item, int count, decimal price = 18_500m, string prefix = "490-64-")
    {
        ArgumentNullException.ThrowIfNull(item);
        return Enumerable.Range(1, count)
            .Select(i => Ids.Set(
                new Asset(item.Id, $"{prefix}{item.Id % 1000:000}{i:00}", Tags.NewTag(), new AssetDetails(new DateOnly(2021, 3, 15), price, null, "โรงเก็บพัสดุ", "ดี", null)),
                Ids.Next()))
            .ToList();
    }
}
