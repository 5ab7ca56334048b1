using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>The key-encryption key that wraps the Data Protection key ring at rest (from a key file).</summary>
public sealed class KeyRingSecret(byte[] key)
{
    public byte[] Key { get; } = key;
}

/// <summary>
/// Encrypts each Data Protection key at rest with AES-256-GCM under the key file's secret, so a copy of the key
/// folder or of the database alone does not reveal the keys (used when no X.509 certificate is configured).
/// </summary>
public sealed class KeyFileXmlEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(secret.Key.AsSpan(0, 32), tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under the key file (DataProtection:KeyFile) "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

/// <summary>Reverses <see cref="KeyFileXmlEncryptor"/>; created by Data Protection with the app's services.</summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetService(typeof(KeyRingSecret)) as KeyRingSecret
            ?? throw new InvalidOperationException("The key ring is encrypted with a key file, but no key file is configured.");
        var data = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[data.Length - 28];
        using (var aes = new AesGcm(key.Key.AsSpan(0, 32), 16))
        {
            aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(28), data.AsSpan(12, 16), plain);
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}
