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

public enum NotificationChannel
{
    Email,
    InApp,
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
}
