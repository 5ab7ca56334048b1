using AssetLoan.Domain.Audit;

namespace AssetLoan.Tests.Domain;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Verify_IntactChain_ReturnsNull() => Assert.Null(AuditChain.Verify(Chain(3), Key));

    [Fact]
    public void Verify_InstantReadBackWithoutItsKind_StillVerifies()
    {
        var events = Chain(2);
        foreach (var e in events)
        {
            // What SQLite hands back: the same instant with DateTimeKind.Unspecified.
            typeof(AuditEvent).GetProperty(nameof(AuditEvent.AtUtc))!.SetValue(e, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Unspecified));
        }

        Assert.Null(AuditChain.Verify(events, Key));
    }

    [Fact]
    public void Verify_EditedAfterText_NamesThatEvent()
    {
        var events = Chain(3);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.After))!.SetValue(events[1], "{\"Status\":\"Closed\"}");

        Assert.Equal(new AuditBreak(2, AuditBreakReason.ContentChanged), AuditChain.Verify(events, Key));
    }

    [Fact]
    public void Verify_DeletedEvent_IsAGap()
    {
        var events = Chain(3);
        events.RemoveAt(1);

        Assert.Equal(new AuditBreak(3, AuditBreakReason.Gap), AuditChain.Verify(events, Key));
    }

    private static List<AuditEvent> Chain(int count, string after = "{\"Status\":\"HandedOver\"}")
    {
        var list = new List<AuditEvent>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEvent(i, new DateTime(2026, 11, 25, 3, 0, i, DateTimeKind.Utc), "u1", "ผู้ใช้", "SuppliesOfficer", "Loan", "1", "Modified", "{\"Status\":\"Approved\"}", after, previous, Key);
            previous = e.Hash;
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public void Verify_RecomputedWithAnotherKey_IsContentChanged()
    {
        // The attacker edits event 2 and recomputes every later hash with the public formula but without the key.
        var events = Chain(3);
        var forged = new List<AuditEvent> { events[0] };
        var previous = events[0].Hash;
        var wrongKey = new byte[32];
        for (var i = 2; i <= 3; i++)
        {
            var e = new AuditEvent(i, events[i - 1].AtUtc, "u1", "ผู้ใช้", "SuppliesOfficer", "Loan", "1", "Modified", "{}", "{\"Status\":\"Closed\"}", previous, wrongKey);
            previous = e.Hash;
            forged.Add(e);
        }

        Assert.Equal(new AuditBreak(2, AuditBreakReason.ContentChanged), AuditChain.Verify(forged, Key));
    }

    [Fact]
    public void Verify_NewestEventsDeletedPastAnAnchor_IsTruncated()
    {
        var events = Chain(5);
        var anchor = new AuditAnchor(new DateOnly(2026, 11, 25), events[4].AtUtc, 5, events[4].Hash);

        Assert.Null(AuditChain.Verify(events, Key, [anchor]));
        Assert.Equal(new AuditBreak(5, AuditBreakReason.Truncated), AuditChain.Verify(events.Take(3), Key, [anchor]));
    }

    [Fact]
    public void Verify_ChainRebuiltWithTheKeyButUnlikeTheAnchor_IsAnchorMismatch()
    {
        var events = Chain(3);
        var anchor = new AuditAnchor(new DateOnly(2026, 11, 25), events[2].AtUtc, 3, events[2].Hash);
        var rebuilt = Chain(3, after: "{\"Status\":\"Closed\"}");

        Assert.Equal(new AuditBreak(3, AuditBreakReason.AnchorMismatch), AuditChain.Verify(rebuilt, Key, [anchor]));
    }
}
