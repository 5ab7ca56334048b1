using System.Security.Cryptography;
using System.Text;

namespace AssetLoan.Domain.Audit;

/// <summary>
/// One append-only audit record (domain.md §9): actor, role, time, entity, before → after, chained to the previous
/// event by HMAC-SHA256 under a secret kept outside the database, so that a later edit or deletion is detectable and
/// cannot be covered up by recomputing the hashes.
/// </summary>
public sealed class AuditEvent
{
    public AuditEvent(long sequence, DateTime atUtc, string? actorUserId, string actorName, string? actorRole, string entityType, string entityId, string action, string? before, string? after, string previousHash, ReadOnlySpan<byte> chainKey)
    {
        Sequence = sequence;
        AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        ActorUserId = actorUserId;
        ActorName = actorName;
        ActorRole = actorRole;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Before = before;
        After = after;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this, chainKey);
    }

    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    /// <summary>1, 2, 3… without gaps: a deleted row shows as a gap even if the hashes were rewritten after it.</summary>
    public long Sequence { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string? ActorRole { get; private set; }

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>Added, Modified, Deleted, or a named step.</summary>
    public string Action { get; private set; } = "";

    /// <summary>JSON of the changed properties before the change.</summary>
    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";
}

public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// HMAC-SHA256 of the event's fields under <paramref name="chainKey"/>: whoever can write the database but does not
    /// hold the key cannot produce a hash that verifies.
    /// </summary>
    public static string ComputeHash(AuditEvent e, ReadOnlySpan<byte> chainKey)
    {
        ArgumentNullException.ThrowIfNull(e);
        var canonical = string.Join('\u001f',
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A database may hand the instant back without its kind; the hash always reads it as UTC.
            DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            e.ActorUserId ?? "",
            e.ActorName,
            e.ActorRole ?? "",
            e.EntityType,
            e.EntityId,
            e.Action,
            e.Before ?? "",
            e.After ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(chainKey, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Walks events in sequence order; returns the first that does not verify, or null when the chain holds. Each
    /// published <paramref name="anchors"/> (sequence and head hash at the time) must still be in the chain with the same
    /// hash: a chain cut after an anchor is <see cref="AuditBreakReason.Truncated"/>, one rewritten under it is
    /// <see cref="AuditBreakReason.AnchorMismatch"/>.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEvent> eventsInOrder, ReadOnlySpan<byte> chainKey, IEnumerable<AuditAnchor>? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(eventsInOrder);
        var key = chainKey.ToArray();
        var expectedAt = (anchors ?? []).GroupBy(a => a.Sequence).ToDictionary(g => g.Key, g => g.Select(a => a.Hash).Distinct().ToList());
        var previous = Genesis;
        var expectedSequence = 1L;
        foreach (var e in eventsInOrder)
        {
            if (e.Sequence != expectedSequence)
            {
                return new AuditBreak(e.Sequence, AuditBreakReason.Gap);
            }

            if (e.PreviousHash != previous)
            {
                return new AuditBreak(e.Sequence, AuditBreakReason.BrokenLink);
            }

            if (ComputeHash(e, key) != e.Hash)
            {
                return new AuditBreak(e.Sequence, AuditBreakReason.ContentChanged);
            }

            if (expectedAt.TryGetValue(e.Sequence, out var published) && published.Any(h => h != e.Hash))
            {
                return new AuditBreak(e.Sequence, AuditBreakReason.AnchorMismatch);
            }

            previous = e.Hash;
            expectedSequence++;
        }

        var lastSeen = expectedSequence - 1;
        var beyond = expectedAt.Keys.Where(s => s > lastSeen).DefaultIfEmpty(0).Max();
        return beyond > 0 ? new AuditBreak(beyond, AuditBreakReason.Truncated) : null;
    }
}

public sealed record AuditBreak(long Sequence, AuditBreakReason Reason);

public enum AuditBreakReason
{
    ContentChanged,
    BrokenLink,
    Gap,

    /// <summary>A published anchor names an event that is no longer in the chain: the newest events were deleted.</summary>
    Truncated,

    /// <summary>The event at a published anchor has another hash than the one published: the chain was rewritten.</summary>
    AnchorMismatch,
}
