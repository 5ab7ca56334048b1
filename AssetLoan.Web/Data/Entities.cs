namespace AssetLoan.Web.Data;

/// <summary>A setting the Admin changes at run time (key → text). Typed access: <see cref="Settings"/>.</summary>
public sealed class AppSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>The last request number used in a fiscal year; incremented inside the submitting transaction (gapless).</summary>
public sealed class FiscalSequence
{
    public int FiscalYear { get; set; }

    public int LastNumber { get; set; }
}

/// <summary>
/// Who may run a background job now, shared by every instance on one database (Infrastructure/Jobs/JobLeases.cs): a
/// row per job, taken by an atomic UPDATE … WHERE the lease has expired.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime ExpiresAtUtc { get; set; }
}

/// <summary>
/// One public application's proof of work (Infrastructure/Security/ApplyChallenge.cs): its challenge, used once; the
/// client as a keyed hash of its address (or /64), never the address; forgotten by the daily retention run after two days.
/// </summary>
public sealed class ApplyChallengeUse
{
    public long Id { get; set; }

    public string Nonce { get; set; } = "";

    public string Client { get; set; } = "";

    public bool Solved { get; set; }

    public DateTime UsedAtUtc { get; set; }
}

/// <summary>
/// One row whose value changes in the same transaction as any write that public pages show, so that every instance can
/// tell, with one read by key, that its cached public pages are out of date (Infrastructure/PublicPageCache.cs).
/// </summary>
public sealed class PublicDataStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}

public enum NotificationChannel
{
    Email,
    InApp,

    /// <summary>A LINE push message; <see cref="NotificationMessage.ToAddress"/> holds the LINE user id.</summary>
    Line,
}

/// <summary>
/// A one-time code to link a LINE account (Infrastructure/Line/LineLinking.cs), for an outside borrower
/// (<see cref="BorrowerId"/>) or a staff account (<see cref="UserId"/>). Only the code's SHA-256 is kept.
/// </summary>
public sealed class LineLinkRequest
{
    public long Id { get; set; }

    public string CodeHash { get; set; } = "";

    public int? BorrowerId { get; set; }

    public string? UserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}

/// <summary>
/// Outbox row: written in the same transaction as the change it reports; a background dispatcher delivers it and
/// retries with backoff, so a failing mail server never loses the message.
/// </summary>
public sealed class NotificationMessage
{
    public long Id { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public NotificationChannel Channel { get; set; }

    public string TemplateKey { get; set; } = "";

    public string? ToAddress { get; set; }

    public string? UserId { get; set; }

    public int? LoanId { get; set; }

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The channel refused the message for good (LINE 4xx): no more attempts; an e-mail copy was queued where an address is known.</summary>
    public DateTime? GaveUpAtUtc { get; set; }
}
