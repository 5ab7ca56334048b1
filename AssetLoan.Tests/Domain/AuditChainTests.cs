using AssetLoan.Domain.Audit;

namespace AssetLoan.Tests.Domain;

public sealed class AuditChainTests
{
    private static List<AuditEvent> Chain(int count)
    {
        var list = new List<AuditEvent>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEvent(i, new DateTime(2026, 11, 25, 3, 0, i, DateTimeKind.Utc), "u1", "เจ้าหน้าที่", "SuppliesOfficer", "Asset", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Modified", "{\"Location\":\"ก\"}", "{\"Location\":\"ข\"}", previous);
            list.Add(e);
            previous = e.Hash;
        }

        return list;
    }

    [Fact]
    public void Verify_IntactChain_ReturnsNull() => Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void Verify_EditedContent_NamesThatEvent()
    {
        var chain = Chain(5);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.After))!.SetValue(chain[2], "{\"Location\":\"ค\"}");
        Assert.Equal(new AuditBreak(3, AuditBreakReason.ContentChanged), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_DeletedEvent_IsAGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(new AuditBreak(3, AuditBreakReason.Gap), AuditChain.Verify(chain));
    }

    [Fact]
    public void Hash_DoesNotDependOnDateTimeKind()
    {
        var e = Chain(1)[0];
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.AtUtc))!.SetValue(e, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Unspecified));
        Assert.Equal(e.Hash, AuditChain.ComputeHash(e));
    }
}

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
