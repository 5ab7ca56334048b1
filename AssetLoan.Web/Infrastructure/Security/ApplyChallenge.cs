using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// What keeps <c>/apply</c> from being filled by a script in bulk, with no outside service (issue 14 §7). The form
/// carries a challenge (a random nonce, when it was issued and how hard it is, sealed by Data Protection); the page's
/// script finds a number whose SHA-256 with the challenge starts with <see cref="Bits"/> zero bits while the visitor
/// types (16 bits by default: a few seconds on a cheap phone, done long before the form is), and sends it with the form. A
/// challenge files one application only. Each client (an IPv4 address or an IPv6 /64, as a keyed hash) files at most
/// <see cref="PerDay"/> applications a day, and of them at most <see cref="WithoutScriptPerDay"/> without the proof —
/// a phone with JavaScript off can still apply, a script that skips the work cannot do it in bulk.
/// </summary>
public sealed class ApplyChallenge(IDataProtectionProvider protection, TimeProvider time, IConfiguration config, AuditChainKey key)
{
    /// <summary>How long a form's challenge stays good (a villager may leave the form open for a while).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly IDataProtector _protector = protection.CreateProtector("AssetLoan.ApplyChallenge.v1");

    public int Bits => Math.Clamp(config.GetValue("Apply:ChallengeBits", 16), 0, 28);

    public int PerDay => config.GetValue("Apply:PerClientPerDay", 20);

    public int WithoutScriptPerDay => config.GetValue("Apply:WithoutScriptPerClientPerDay", 3);

    /// <summary>A fresh challenge for a form.</summary>
    public string Issue()
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var issued = time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        return _protector.Protect($"{nonce}|{issued}|{Bits.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>True when SHA-256 of "<paramref name="challenge"/>:<paramref name="answer"/>" starts with <paramref name="bits"/> zero bits.</summary>
    public static bool Solves(string challenge, string? answer, int bits)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (string.IsNullOrEmpty(answer) || answer.Length > 12 || !answer.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{answer}"));
        return LeadingZeroBits(hash) >= bits;
    }

    /// <summary>The answer a visitor's script finds (tests and tools; the page has the same loop in apply.js).</summary>
    public static string Solve(string challenge, int bits)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        for (long n = 0; n < 1L << 34; n++)
        {
            var answer = n.ToString(CultureInfo.InvariantCulture);
            if (Solves(challenge, answer, bits))
            {
                return answer;
            }
        }

        throw new InvalidOperationException("No answer found.");
    }

    /// <summary>
    /// Checks the form's challenge and, when the client may still apply today, records it as used in the same
    /// database (so every instance sees it). Returns why not, or null when the application may go ahead.
    /// </summary>
    public async Task<Refusal?> ClaimAsync(AppDbContext db, string? challenge, string? answer, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(http);
        var now = time.GetUtcNow().UtcDateTime;
        string? nonce = null;
        var solved = false;
        if (!string.IsNullOrEmpty(challenge))
        {
            if (!TryOpen(challenge, out var n, out var issuedUtc, out var bits) || issuedUtc > now.AddMinutes(5))
            {
                return Refusal.Invalid;
            }

            if (now - issuedUtc > Lifetime)
            {
                return Refusal.Expired;
            }

            nonce = n;
            solved = bits == 0 || Solves(challenge, answer, bits);
            if (!solved && !string.IsNullOrEmpty(answer))
            {
                return Refusal.Invalid;
            }

            if (await db.ApplyChallengeUses.AnyAsync(u => u.Nonce == nonce, ct))
            {
                return Refusal.Used;
            }
        }

        var client = ClientKey(ClientAddress.Of(http));
        var since = now.AddDays(-1);
        var today = await db.ApplyChallengeUses.Where(u => u.Client == client && u.UsedAtUtc > since)
            .GroupBy(u => u.Solved).Select(g => new { Solved = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (today.Sum(t => t.Count) >= PerDay)
        {
            return Refusal.TooManyToday;
        }

        if (!solved && today.Where(t => !t.Solved).Sum(t => t.Count) >= WithoutScriptPerDay)
        {
            return Refusal.TooManyWithoutScript;
        }

        db.ApplyChallengeUses.Add(new ApplyChallengeUse { Nonce = nonce ?? "none-" + Guid.NewGuid().ToString("N"), Client = client, Solved = solved, UsedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs sent the same challenge at once: the unique nonce lets one through.
            db.ChangeTracker.Clear();
            return Refusal.Used;
        }

        return null;
    }

    /// <summary>
    /// Forgets the claims past the day the limits count, and a day more (the daily retention run calls this, not every
    /// application): no client hash stays longer than it is needed.
    /// </summary>
    public static Task<int> ForgetOldAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ApplyChallengeUses.Where(u => u.UsedAtUtc < nowUtc.AddDays(-2)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Gives the challenge back when the application it was claimed for was not filed after all.</summary>
    public async Task ReleaseAsync(AppDbContext db, string? challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrEmpty(challenge) && TryOpen(challenge, out var nonce, out _, out _))
        {
            await db.ApplyChallengeUses.Where(u => u.Nonce == nonce).ExecuteDeleteAsync(ct);
        }
    }

    private bool TryOpen(string challenge, out string nonce, out DateTime issuedUtc, out int bits) =>
        TryOpen(_protector, challenge, out nonce, out issuedUtc, out bits);

    private static bool TryOpen(IDataProtector protector, string challenge, out string nonce, out DateTime issuedUtc, out int bits)
    {
        (nonce, issuedUtc, bits) = ("", default, 0);
        try
        {
            var parts = protector.Unprotect(challenge).Split('|');
            if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out bits))
            {
                return false;
            }

            nonce = parts[0];
            issuedUtc = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private string ClientKey(string address) =>
        Convert.ToHexString(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes("apply-client|" + address)));

    private static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var first = BinaryPrimitives.ReadUInt64BigEndian(hash);
        if (first != 0)
        {
            return System.Numerics.BitOperations.LeadingZeroCount(first);
        }

        var second = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
        return 64 + System.Numerics.BitOperations.LeadingZeroCount(second);
    }

    public enum Refusal
    {
        Invalid,
        Expired,
        Used,
        TooManyToday,
        TooManyWithoutScript,
    }
}
