namespace AssetLoan.Domain.Audit;

/// <summary>
/// The head of the audit chain (sequence and hash) as it was published on a given day: on the transparency page and
/// mailed to the internal auditors. Copies kept outside the system let verification prove that no event up to that
/// point was later removed or rewritten.
/// </summary>
public sealed class AuditAnchor
{
    public AuditAnchor(DateOnly anchoredOn, DateTime atUtc, long sequence, string hash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        AnchoredOn = anchoredOn;
        AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        Sequence = sequence;
        Hash = hash;
    }

    private AuditAnchor()
    {
    }

    public int Id { get; private set; }

    /// <summary>The Bangkok day it was published for (one anchor per day).</summary>
    public DateOnly AnchoredOn { get; private set; }

    public DateTime AtUtc { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; } = "";
}
