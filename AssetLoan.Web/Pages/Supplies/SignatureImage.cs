using AssetLoan.Web.Infrastructure;
using SkiaSharp;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// The receiver's signature drawn on a touch screen (wwwroot/js/signature.js) arrives as a PNG data URL. It is
/// accepted only when it really decodes as a PNG and is at most 300 KB.
/// </summary>
public static class SignatureImage
{
    public const int MaxBytes = 300 * 1024;

    private const string Prefix = "data:image/png;base64,";

    /// <summary>The PNG bytes, or null when nothing was drawn; <paramref name="error"/> is a Thai message key when the image is refused.</summary>
    public static byte[]? Read(string? dataUrl, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(dataUrl))
        {
            return null;
        }

        const string invalid = "ลายมือชื่อต้องเป็นภาพ PNG ขนาดไม่เกิน 300 KB กรุณาลงนามใหม่";
        if (!dataUrl.StartsWith(Prefix, StringComparison.Ordinal) || dataUrl.Length > Prefix.Length + (MaxBytes / 3 * 4) + 8)
        {
            error = invalid;
            return null;
        }

        var buffer = new byte[(dataUrl.Length - Prefix.Length) / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(dataUrl[Prefix.Length..], buffer, out var length) || length > MaxBytes)
        {
            error = invalid;
            return null;
        }

        var bytes = buffer[..length];
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png || codec.Info.Width is < 1 or > 4000 || codec.Info.Height is < 1 or > 4000)
        {
            error = invalid;
            return null;
        }

        return bytes;
    }

    /// <summary>Removes a file saved for a change that was then refused, so no orphan signature stays behind.</summary>
    public static void Delete(this FileStorage files, string? relativePath)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (relativePath is not null && files.PathOf(relativePath) is { } full)
        {
            File.Delete(full);
        }
    }
}
