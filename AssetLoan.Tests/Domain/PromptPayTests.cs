namespace AssetLoan.Tests.Domain;

public sealed class PromptPayTests
{
    [Fact]
    public void Crc16_MatchesTheCcittFalseCheckValue() =>
        Assert.Equal(0x29B1, AssetLoan.Domain.Payments.PromptPay.Crc16("123456789"));

    [Fact]
    public void Payload_ForTaxIdAndAmount_HasEmvFieldsAndValidCrc()
    {
        var payload = AssetLoan.Domain.Payments.PromptPay.Payload("0994000123456", 1234.5m);
        Assert.StartsWith("000201010212", payload, StringComparison.Ordinal);
        Assert.Contains("0016A000000677010111", payload, StringComparison.Ordinal);
        Assert.Contains("02130994000123456", payload, StringComparison.Ordinal);
        Assert.Contains("54071234.50", payload, StringComparison.Ordinal);
        Assert.Contains("5303764", payload, StringComparison.Ordinal);
        var crc = AssetLoan.Domain.Payments.PromptPay.Crc16(payload[..^4]);
        Assert.Equal(crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture), payload[^4..]);
    }

    [Fact]
    public void Payload_ForPhone_UsesCountryCode() =>
        Assert.Contains("01130066812345678", AssetLoan.Domain.Payments.PromptPay.Payload("081-234-5678", null), StringComparison.Ordinal);
}
