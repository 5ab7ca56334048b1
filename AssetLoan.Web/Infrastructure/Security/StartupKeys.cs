using System.Security.Cryptography.X509Certificates;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// Where the secrets live, read once from configuration. None of them is in the database: a copy of the database (or
/// of its backup) alone opens no national ID, forges no sign-in cookie and cannot re-key the audit chain.
/// <list type="bullet">
/// <item><c>DataProtection:KeysPath</c> (default <c>App_Data/keys</c>): the key rings of one server, the application ring
/// at the top and the personal-data ring in <c>personal/</c>.</item>
/// <item><c>DataProtection:Store=Database</c> (default with PostgreSQL): the rings in the shared database for several
/// instances; then a certificate or a key file must be configured outside Development.</item>
/// <item><c>DataProtection:CertificatePath</c> (+ <c>CertificatePassword</c>): a PFX whose key encrypts the rings at rest;
/// otherwise <c>DataProtection:KeyFile</c> (default <c>{KeysPath}/keyring.key</c>) with AES-256-GCM.</item>
/// <item><c>Audit:ChainKey</c> (base64) or <c>Audit:ChainKeyFile</c> (default <c>{KeysPath}/audit-chain.key</c>): the HMAC
/// key of the audit chain.</item>
/// </list>
/// </summary>
public sealed record KeySettings(bool InDatabase, string KeysPath, string? CertificatePath, string? CertificatePassword, string KeyFilePath, string? AuditKey, string AuditKeyFilePath, bool MayCreateKeys)
{
    public static KeySettings Read(IConfiguration config, IWebHostEnvironment env)
    {
        var postgres = (config["Database:Provider"] ?? "Sqlite").Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
        var inDatabase = (config["DataProtection:Store"] ?? (postgres ? "Database" : "Folder")).Equals("Database", StringComparison.OrdinalIgnoreCase);
        var keysPath = Path.GetFullPath(config["DataProtection:KeysPath"] ?? "App_Data/keys", env.ContentRootPath);
        var certificate = Blank(config["DataProtection:CertificatePath"]);
        var keyFile = Blank(config["DataProtection:KeyFile"]);
        var auditKey = Blank(config["Audit:ChainKey"]);
        var auditKeyFile = Blank(config["Audit:ChainKeyFile"]);

        // Several instances share the rings in the database: each must hold the same key-encryption key and the same
        // audit key, so outside Development they are never made up on the spot.
        var explicitOnly = inDatabase && !env.IsDevelopment();
        if (explicitOnly && certificate is null && keyFile is null)
        {
            throw new InvalidOperationException(
                "DataProtection:Store=Database needs DataProtection:CertificatePath or DataProtection:KeyFile outside Development, so the key ring is encrypted at rest with a secret kept outside the database.");
        }

        if (explicitOnly && auditKey is null && auditKeyFile is null)
        {
            throw new InvalidOperationException("DataProtection:Store=Database needs Audit:ChainKey or Audit:ChainKeyFile outside Development (the same on every instance).");
        }

        return new KeySettings(
            inDatabase,
            keysPath,
            certificate is null ? null : Path.GetFullPath(certificate, env.ContentRootPath),
            config["DataProtection:CertificatePassword"],
            Path.GetFullPath(keyFile ?? Path.Combine(keysPath, "keyring.key"), env.ContentRootPath),
            auditKey,
            Path.GetFullPath(auditKeyFile ?? Path.Combine(keysPath, "audit-chain.key"), env.ContentRootPath),
            MayCreateKeys: true);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>The personal-data key ring (national IDs), separate from the ring that protects cookies and forms.</summary>
public sealed class PersonalDataProtection(IDataProtectionProvider provider)
{
    public IDataProtector CreateProtector(string purpose) => provider.CreateProtector(purpose);
}

/// <summary>The HMAC key of the audit chain (kept outside the database).</summary>
public sealed class AuditChainKey(byte[] key)
{
    public byte[] Bytes { get; } = key;
}

public static class StartupKeys
{
    public static IServiceCollection AddAssetLoanKeys(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var keys = KeySettings.Read(config, env);
        services.AddSingleton(keys);
        Configure(services.AddDataProtection().SetApplicationName("AssetLoan"), services, keys, ring: "", app: null);
        services.AddSingleton(sp => new PersonalDataProtection(PersonalProvider(sp, keys)));
        services.AddSingleton(_ => new AuditChainKey(KeyFile.Load(keys.AuditKey, keys.AuditKeyFilePath, keys.MayCreateKeys, "Audit:ChainKey")));
        return services;
    }

    /// <summary><paramref name="app"/>: the app's services when building the separate personal-data container.</summary>
    private static void Configure(IDataProtectionBuilder dp, IServiceCollection services, KeySettings keys, string ring, IServiceProvider? app)
    {
        if (keys.InDatabase)
        {
            services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) => o.XmlRepository = new DatabaseKeyRepository(app ?? sp, ring));
        }
        else
        {
            dp.PersistKeysToFileSystem(new DirectoryInfo(ring == "" ? keys.KeysPath : Path.Combine(keys.KeysPath, ring)));
        }

        if (keys.CertificatePath is { } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, keys.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            dp.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            services.AddSingleton(_ => new KeyRingSecret(KeyFile.Load(null, keys.KeyFilePath, keys.MayCreateKeys, "DataProtection:KeyFile")));
            services.AddOptions<KeyManagementOptions>().Configure<KeyRingSecret>((o, secret) => o.XmlEncryptor = new KeyFileXmlEncryptor(secret));
        }
    }

    private static IDataProtectionProvider PersonalProvider(IServiceProvider app, KeySettings keys)
    {
        var services = new ServiceCollection();
        services.AddSingleton(app.GetRequiredService<ILoggerFactory>());
        services.AddLogging();
        Configure(services.AddDataProtection().SetApplicationName("AssetLoan.PersonalData"), services, keys, DatabaseKeyRepository.PersonalRing, app);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
