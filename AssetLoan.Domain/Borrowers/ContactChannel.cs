using System.Security.Cryptography;

namespace AssetLoan.Domain.Borrowers;

/// <summary>How a person wants to be told about their loans outside the app (staff keep their in-app notices whatever they pick).</summary>
public enum ContactChannel
{
    Email,
    Line,
    None,
}

/// <summary>
/// Which channel carries a notice to one person, and the LINE user id as personal data (PDPA, domain.md §10).
/// </summary>
public static class ContactChannels
{
    /// <summary>
    /// The channel for a notice, or null for none. "None" is obeyed; otherwise the preferred channel when it can reach the
    /// person, else the other one (LINE off or not linked → e-mail; no e-mail address → LINE), so a notice is never
    /// dropped for a reason the person did not choose.
    /// </summary>
    public static ContactChannel? For(ContactChannel preferred, bool hasEmail, bool hasLine, bool lineOn)
    {
        var line = hasLine && lineOn;
        return preferred switch
        {
            ContactChannel.None => null,
            ContactChannel.Line when line => ContactChannel.Line,
            ContactChannel.Line when hasEmail => ContactChannel.Email,
            ContactChannel.Email when hasEmail => ContactChannel.Email,
            ContactChannel.Email when line => ContactChannel.Line,
            _ => null,
        };
    }

    /// <summary>A LINE Messaging API user id: "U" and 32 lower-case hex digits.</summary>
    public static bool IsLineUserId(string? id) =>
        id is { Length: 33 } && id[0] == 'U' && id.Skip(1).All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    /// <summary>Shown masked everywhere: U1234…cdef.</summary>
    public static string MaskLineUserId(string? id) =>
        string.IsNullOrEmpty(id) ? "" : id.Length <= 9 ? "U…" : $"{id[..5]}…{id[^4..]}";
}

/// <summary>
/// The one-time code a person sends to the municipality's LINE Official Account to link their LINE account: eight
/// characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX, valid for <see cref="Lifetime"/>, used once.
/// </summary>
public static class LineLinkCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int Length = 8;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>At most this many codes per person per hour, and this many wrong codes per LINE account per hour.</summary>
    public const int PerHour = 5;

    public static string New() => string.Create(Length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });

    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
    }

    /// <summary>What a person typed (any case, spaces or dashes) as a code, or null when it cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null || text.Length > 40)
        {
            return null;
        }

        var code = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    public static string Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code)));
    }
}
