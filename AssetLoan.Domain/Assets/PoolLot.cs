namespace AssetLoan.Domain.Assets;

/// <summary>
/// ล็อตของพัสดุแบบนับจำนวน: units of a pool acquired together, with their own acquisition date and unit price, so the
/// value at the time of borrowing depreciates per lot (issue 13 §7). Useful life and salvage value stay the item's: the
/// same kind of unit wears out alike whenever it was bought.
/// </summary>
public sealed class PoolLot
{
    internal PoolLot(int quantity, DateOnly acquiredOn, decimal unitPrice)
    {
        Quantity = quantity;
        AcquiredOn = acquiredOn;
        UnitPrice = unitPrice;
    }

    private PoolLot()
    {
    }

    public int Id { get; private set; }

    public int Quantity { get; private set; }

    public DateOnly AcquiredOn { get; private set; }

    public decimal UnitPrice { get; private set; }

    internal void Change(int quantity, DateOnly acquiredOn, decimal unitPrice)
    {
        Quantity = quantity;
        AcquiredOn = acquiredOn;
        UnitPrice = unitPrice;
    }
}
