using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Identity;

/// <summary>
/// Identity's authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, up to two steps either side for a
/// phone's clock), on the app's <see cref="TimeProvider"/>, and each accepted once: the last accepted time step is kept per
/// user (a user token), and a code whose step is not later is refused as a wrong code is, so a code seen over a
/// shoulder or replayed from a captured request cannot be used again in its window. The step is recorded by a
/// conditional update, so two sign-ins racing with the same code cannot both pass.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider time, AppDbContext db) : AuthenticatorTokenProvider<AppUser>
{
    public const string LastStepProvider = "[AssetLoan]";

    public const string LastStepName = "AuthenticatorLastStep";

    private const int StepSeconds = 30;

    private const int Tolerance = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || FromBase32(key) is not { Length: > 0 } secret)
        {
            return false;
        }

        var stored = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id && t.LoginProvider == LastStepProvider && t.Name == LastStepName)
            .Select(t => t.Value)
            .FirstOrDefaultAsync();
        var last = long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now + Tolerance; step >= now - Tolerance && step > last; step--)
        {
            if (Code(secret, step) == code)
            {
                return await RecordAsync(user.Id, stored, step);
            }
        }

        return false;
    }

    /// <summary>Moves the user's last accepted step from what was read to <paramref name="step"/>; false if another sign-in moved it first.</summary>
    private async Task<bool> RecordAsync(string userId, string? read, long step)
    {
        var value = step.ToString(CultureInfo.InvariantCulture);
        if (read is null)
        {
            var row = new IdentityUserToken<string> { UserId = userId, LoginProvider = LastStepProvider, Name = LastStepName, Value = value };
            db.UserTokens.Add(row);
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached; // the first code ever, typed twice at once: one passes
                return false;
            }
        }

        return await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == LastStepProvider && t.Name == LastStepName && t.Value == read)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)) == 1;
    }

    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps compute it: HMAC-SHA1 is the standard's default
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    /// <summary>The key's bytes (RFC 4648 base32, as Identity generates it); empty when it is not base32.</summary>
    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '=')
            {
                continue;
            }

            var index = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (index < 0)
            {
                return [];
            }

            buffer = (buffer << 5) | index;
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
