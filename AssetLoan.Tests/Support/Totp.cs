using System.Globalization;
using System.Security.Cryptography;

namespace AssetLoan.Tests.Support;

/// <summary>
/// An authenticator app in a few lines (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps, 6 digits), so tests type
/// the code a phone would show for the shared key the setup page displays.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 as authenticator apps compute it: HMAC-SHA1 is the standard's default
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The code the phone shows at the app's (fake) clock: the server checks codes against that clock.</summary>
    public static string Code(string base32Key, TimeProvider clock) => Code(base32Key, clock.GetUtcNow());

    /// <summary>A six-digit code that is not the right one (nor one of its neighbours in time).</summary>
    public static string WrongCode(string base32Key, TimeProvider clock) => WrongCode(base32Key, clock.GetUtcNow());

    /// <summary>A six-digit code that is not the right one (nor one of its neighbours in time).</summary>
    public static string WrongCode(string base32Key, DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-3, 7).Select(i => Code(base32Key, now.AddSeconds(30 * i))).ToHashSet();
        var candidate = 123456;
        while (near.Contains(candidate.ToString("D6", CultureInfo.InvariantCulture)))
        {
            candidate++;
        }

        return candidate.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '=').Select(char.ToUpperInvariant).ToArray());
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
