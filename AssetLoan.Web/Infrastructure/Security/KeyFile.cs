using System.Security.Cryptography;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// A 256-bit secret read from configuration (base64) or from a file outside the database, created on first use with
/// owner-only permissions when <c>mayCreate</c> allows it.
/// </summary>
public static class KeyFile
{
    public static byte[] Load(string? base64, string path, bool mayCreate, string settingName)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            var fromConfig = Convert.FromBase64String(base64.Trim());
            return fromConfig.Length >= 32 ? fromConfig : throw new InvalidOperationException($"{settingName}: the key must be at least 32 bytes (base64).");
        }

        if (File.Exists(path))
        {
            var stored = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return stored.Length >= 32 ? stored : throw new InvalidOperationException($"{path}: the key must be at least 32 bytes (base64).");
        }

        if (!mayCreate)
        {
            throw new InvalidOperationException($"{settingName}: no key at {path}. Create one (32 random bytes, base64) or set the setting; every instance must use the same key.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return key;
    }
}
