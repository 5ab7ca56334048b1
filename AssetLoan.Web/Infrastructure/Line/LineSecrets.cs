using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AssetLoan.Web.Infrastructure.Line;

/// <summary>
/// The LINE channel token and channel secret are settings (the Admin types them on /admin/settings) but never stored
/// in clear: Data Protection wraps them with the application key ring, kept outside the database, so a copy of the
/// database alone cannot push messages in the municipality's name or forge webhook calls.
/// </summary>
public sealed class LineSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AssetLoan.Settings.Line.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The clear value, or null when none is set or the key ring that wrapped it is gone.</summary>
    public string? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
