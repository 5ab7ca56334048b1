using System.Security.Cryptography;
using System.Text;

namespace AssetLoan.Domain.Audit;

/// <summary>
/// One append-only audit record (domain.md §9): actor, role, time, entity, before → after, chained to the previous
/// event by SHA-256 so that a later edit or deletion is detectable.
/// </summary>
public sealed class AuditEvent
{
    public AuditEvent(long sequence, DateTime atUtc, string? actorUserId, string actorName, string? actorRole, string entityType, string entityId, string action, string? before, string? after, string previousHash)
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
        Hash = AuditChain.ComputeHash(this);
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

    public static string ComputeHash(AuditEvent e)
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks events in sequence order; returns the first that does not verify, or null when the chain holds.</summary>
    public static AuditBreak? Verify(IEnumerable<AuditEvent> eventsInOrder)
    {
        ArgumentNullException.ThrowIfNull(eventsInOrder);
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

            if (ComputeHash(e) != e.Hash)
            {
                return new AuditBreak(e.Sequence, AuditBreakReason.ContentChanged);
            }

            previous = e.Hash;
            expectedSequence++;
        }

        return null;
    }
}

public sealed record AuditBreak(long Sequence, AuditBreakReason Reason);

public enum AuditBreakReason
{
    ContentChanged,
    BrokenLink,
    Gap,
}
