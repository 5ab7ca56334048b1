using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>
/// Photos of catalogue items: at most 2 MB, JPEG, PNG or WebP judged by the bytes themselves (never by the name or
/// the browser's content type), stored under names the app chooses. A photo that passed but whose form had other
/// errors is kept and named by a protected token, so the officer need not choose it again.
/// </summary>
public sealed class CataloguePhotos(FileStorage storage, IDataProtectionProvider protection)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string Folder = "catalogue";

    private IDataProtector Protector => protection.CreateProtector("AssetLoan.Catalogue.Photo.v1");

    /// <summary>The stored photo's relative path, or an error message (Thai) for the field.</summary>
    public async Task<(string? Path, string? Error)> SaveAsync(IFormFile file, IStringLocalizer s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(s);
        if (file.Length == 0)
        {
            return (null, s["ไฟล์รูปภาพว่างเปล่า"]);
        }

        if (file.Length > MaxBytes)
        {
            return (null, s["รูปภาพต้องมีขนาดไม่เกิน 2 MB"]);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var extension = ExtensionOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (extension is null)
        {
            return (null, s["รองรับเฉพาะรูปภาพ JPEG, PNG หรือ WebP"]);
        }

        buffer.Position = 0;
        return (await storage.SaveAsync(Folder, extension, buffer, ct), null);
    }

    public string Protect(string path) => Protector.Protect(path);

    public string? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var path = Protector.Unprotect(token);
            return path.StartsWith(Folder + "/", StringComparison.Ordinal) && storage.PathOf(path) is not null ? path : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The full path of a stored catalogue photo, or null for anything else.</summary>
    public string? FullPathOf(string? relative) =>
        relative is not null && relative.StartsWith(Folder + "/", StringComparison.Ordinal) ? storage.PathOf(relative) : null;

    public static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };

    /// <summary>JPEG: FF D8 FF; PNG: the 8-byte PNG signature; WebP: RIFF….WEBP.</summary>
    public static string? ExtensionOf(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ".jpg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ".png";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ".webp";
        }

        return null;
    }
}
