using System.Security.Cryptography;
using System.Text;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// PDPA (domain.md §10): national IDs are stored encrypted with ASP.NET Core Data Protection, under their own purpose
/// and their own key ring (<see cref="PersonalDataProtection"/>, kept outside the database and encrypted at rest),
/// with a keyed HMAC-SHA256 look-up hash so the open-application cap can find an ID without decrypting anything.
/// The HMAC key is 256 random bits generated once and stored only wrapped by Data Protection, so whoever holds the
/// database alone can neither decrypt an ID nor brute-force the 13-digit space against the look-up hashes.
/// </summary>
public sealed class NationalIdProtector(PersonalDataProtection personal, IDataProtectionProvider legacy, IServiceScopeFactory scopes)
{
    /// <summary>The setting row holding the wrapped look-up key (never shown on a settings page).</summary>
    public const string LookupKeySetting = "Privacy.NationalIdLookupKey";

    private readonly IDataProtector _ids = personal.CreateProtector("AssetLoan.NationalId.v2");
    private readonly IDataProtector _keyWrap = personal.CreateProtector("AssetLoan.NationalId.LookupKey.v2");

    // Values written before the personal ring existed were protected by the application ring; still readable there.
    private readonly IDataProtector _legacyIds = legacy.CreateProtector("AssetLoan.NationalId.v1");
    private readonly IDataProtector _legacyKeyWrap = legacy.CreateProtector("AssetLoan.NationalId.LookupKey.v1");
    private byte[]? _lookupKey;

    /// <summary>Cipher, look-up hash and normalized digits of a valid ID, ready for <see cref="Borrower.SetNationalId"/>.</summary>
    public async Task<ProtectedNationalId> ProtectAsync(string input, CancellationToken ct)
    {
        var normalized = ThaiNationalId.Normalize(input);
        return new ProtectedNationalId(_ids.Protect(normalized), await LookupAsync(normalized, ct), normalized);
    }

    /// <summary>The full 13 digits, for a supplies role; the caller records the view (<see cref="PersonalDataAccess"/>).</summary>
    public string Unprotect(string cipher) => Unprotect(_ids, _legacyIds, cipher);

    public async Task<string> LookupAsync(string normalized, CancellationToken ct)
    {
        var key = await LookupKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(normalized)));
    }

    // Two first calls racing both end with the one stored key (the loser of the insert reads the winner's).
    private async Task<byte[]> LookupKeyAsync(CancellationToken ct) => _lookupKey ??= await LoadOrCreateKeyAsync(ct);

    private async Task<byte[]> LoadOrCreateKeyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == LookupKeySetting).Select(s => s.Value).SingleOrDefaultAsync(ct);
        if (stored is not null)
        {
            return UnwrapKey(stored);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        db.Settings.Add(new AppSetting { Key = LookupKeySetting, Value = Convert.ToBase64String(_keyWrap.Protect(key)) });
        try
        {
            await db.SaveChangesAsync(ct);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use theirs.
            await using var again = scopes.CreateAsyncScope();
            var fresh = again.ServiceProvider.GetRequiredService<AppDbContext>();
            var theirs = await fresh.Settings.AsNoTracking().Where(s => s.Key == LookupKeySetting).Select(s => s.Value).SingleAsync(ct);
            return UnwrapKey(theirs);
        }
    }

    private static string Unprotect(IDataProtector current, IDataProtector legacy, string cipher)
    {
        try
        {
            return current.Unprotect(cipher);
        }
        catch (CryptographicException)
        {
            return legacy.Unprotect(cipher);
        }
    }

    private byte[] UnwrapKey(string stored)
    {
        var wrapped = Convert.FromBase64String(stored);
        try
        {
            return _keyWrap.Unprotect(wrapped);
        }
        catch (CryptographicException)
        {
            return _legacyKeyWrap.Unprotect(wrapped);
        }
    }
}

public sealed record ProtectedNationalId(string Cipher, string Lookup, string Normalized);
