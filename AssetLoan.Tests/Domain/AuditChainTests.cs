using AssetLoan.Domain.Audit;

namespace AssetLoan.Tests.Domain;

public sealed class AuditChainTests
{
    [Fact]
    public void Verify_IntactChain_ReturnsNull() => Assert.Null(AuditChain.Verify(Chain(3)));

    [Fact]
    public void Verify_InstantReadBackWithoutItsKind_StillVerifies()
    {
        var events = Chain(2);
        foreach (var e in events)
        {
            // What SQLite hands back: the same instant with DateTimeKind.Unspecified.
            typeof(AuditEvent).GetProperty(nameof(AuditEvent.AtUtc))!.SetValue(e, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Unspecified));
        }

        Assert.Null(AuditChain.Verify(events));
    }

    [Fact]
    public void Verify_EditedAfterText_NamesThatEvent()
    {
        var events = Chain(3);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.After))!.SetValue(events[1], "{\"Status\":\"Closed\"}");

        Assert.Equal(new AuditBreak(2, AuditBreakReason.ContentChanged), AuditChain.Verify(events));
    }

    [Fact]
    public void Verify_DeletedEvent_IsAGap()
    {
        var events = Chain(3);
        events.RemoveAt(1);

        Assert.Equal(new AuditBreak(3, AuditBreakReason.Gap), AuditChain.Verify(events));
    }

    private static List<AuditEvent> Chain(int count)
    {
        var list = new List<AuditEvent>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEvent(i, new DateTime(2026, 11, 25, 3, 0, i, DateTimeKind.Utc), "u1", "ผู้ใช้", "SuppliesOfficer", "Loan", "1", "Modified", "{\"Status\":\"Approved\"}", "{\"Status\":\"HandedOver\"}", previous);
            previous = e.Hash;
            list.Add(e);
        }

        return list;
    }
}
