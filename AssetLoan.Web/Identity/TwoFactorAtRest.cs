using System.Security.Cryptography;
using System.Text;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Identity;

/// <summary>
/// Identity's user store, with the second factor kept out of a stolen database: the authenticator key is encrypted with
/// the personal-data key ring (kept outside the database, <see cref="PersonalDataProtection"/>) under a purpose of its
/// own, and the recovery codes are stored only as salted PBKDF2 hashes (Identity's default keeps both in plain text).
/// Values stored before this (plain) are still read, and are replaced at start-up (<see cref="ProtectStoredAsync"/>).
/// </summary>
public sealed class AppUserStore(AppDbContext context, PersonalDataProtection personal, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(context, describer)
{
    /// <summary>Identity's own names for the two rows (UserStoreBase keeps them private).</summary>
    public const string IdentityProvider = "[AspNetUserStore]";

    public const string KeyName = "AuthenticatorKey";

    public const string CodesName = "RecoveryCodes";

    /// <summary>What marks a stored value as ours; neither a base32 key nor a plain code list contains a colon.</summary>
    private const string EncryptedKey = "dp1:";

    private const string HashedCodes = "pbkdf2:";

    private const int Iterations = 10_000; // codes carry 50 random bits: with a salt, far beyond a search

    private readonly IDataProtector _keys = KeyProtector(personal);

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, KeyName, EncryptedKey + _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken) =>
        ReadKey(_keys, await GetTokenAsync(user, IdentityProvider, KeyName, cancellationToken));

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, CodesName, HashCodes(recoveryCodes), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, IdentityProvider, CodesName, cancellationToken) ?? "";
        if (!stored.StartsWith(HashedCodes, StringComparison.Ordinal))
        {
            // Plain, from before: redeem as Identity did, and keep what is left hashed.
            var plain = stored.Split(';', StringSplitOptions.RemoveEmptyEntries);
            if (!plain.Contains(code, StringComparer.Ordinal))
            {
                return false;
            }

            await ReplaceCodesAsync(user, plain.Where(c => c != code), cancellationToken);
            return true;
        }

        var (salt, hashes) = ParseHashed(stored);
        var hash = Hash(salt, code);
        var match = hashes.FirstOrDefault(h => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(h), hash));
        if (match is null)
        {
            return false;
        }

        await SetTokenAsync(user, IdentityProvider, CodesName, Format(salt, hashes.Where(h => h != match)), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, IdentityProvider, CodesName, cancellationToken) ?? "";
        return stored.StartsWith(HashedCodes, StringComparison.Ordinal)
            ? ParseHashed(stored).Hashes.Count
            : stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    /// <summary>
    /// At start-up: encrypts any authenticator key and hashes any recovery codes still stored plain (written before
    /// they were protected). Enrolled users keep their phone and their codes.
    /// </summary>
    public static async Task<int> ProtectStoredAsync(AppDbContext db, PersonalDataProtection personal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(personal);
        var keys = KeyProtector(personal);
        var rows = await db.UserTokens
            .Where(t => t.LoginProvider == IdentityProvider && (t.Name == KeyName || t.Name == CodesName) && t.Value != null)
            .ToListAsync(ct);
        var changed = 0;
        foreach (var row in rows)
        {
            if (row.Name == KeyName && !row.Value!.StartsWith(EncryptedKey, StringComparison.Ordinal))
            {
                row.Value = EncryptedKey + keys.Protect(row.Value);
                changed++;
            }
            else if (row.Name == CodesName && !row.Value!.StartsWith(HashedCodes, StringComparison.Ordinal))
            {
                row.Value = HashCodes(row.Value.Split(';', StringSplitOptions.RemoveEmptyEntries));
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }

    private static IDataProtector KeyProtector(PersonalDataProtection personal) => personal.CreateProtector("AssetLoan.TwoFactor.AuthenticatorKey.v1");

    private static string? ReadKey(IDataProtector keys, string? stored)
    {
        if (stored is null || !stored.StartsWith(EncryptedKey, StringComparison.Ordinal))
        {
            return stored; // none yet, or plain from before (protected at the next start)
        }

        try
        {
            return keys.Unprotect(stored[EncryptedKey.Length..]);
        }
        catch (CryptographicException)
        {
            // The key ring that encrypted it is gone: as if no authenticator were set up (recovery codes still sign in).
            return null;
        }
    }

    private static string HashCodes(IEnumerable<string> codes)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Format(salt, codes.Select(c => Convert.ToBase64String(Hash(salt, c))));
    }

    private static byte[] Hash(byte[] salt, string code) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);

    private static string Format(byte[] salt, IEnumerable<string> hashes) =>
        HashedCodes + Convert.ToBase64String(salt) + ":" + string.Join(';', hashes);

    private static (byte[] Salt, List<string> Hashes) ParseHashed(string stored)
    {
        var parts = stored[HashedCodes.Length..].Split(':');
        return (Convert.FromBase64String(parts[0]), [.. parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries)]);
    }
}
