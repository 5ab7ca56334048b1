using SkiaSharp;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// The emblem (ครุฑ) the admin uploads for the letters: accepted only when its bytes decode as a PNG or a JPEG of at
/// most 2 MB and 4000 px a side, then re-encoded as a PNG no larger than 600 px, so what is stored and printed is a
/// fresh image of the pixels and nothing else the file carried (metadata, trailing data, a second format).
/// </summary>
public static class EmblemImage
{
    public const long MaxBytes = 2 * 1024 * 1024;

    private const int MaxSide = 600;

    /// <summary>The re-encoded PNG, or null when the upload is not an acceptable image.</summary>
    public static byte[]? Reencode(ReadOnlySpan<byte> upload)
    {
        if (upload.Length is 0 || upload.Length > MaxBytes)
        {
            return null;
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg)
            || codec.Info.Width is < 1 or > 4000 || codec.Info.Height is < 1 or > 4000)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
        using var sized = scale < 1.0
            ? decoded.Resize(new SKImageInfo(Math.Max(1, (int)(decoded.Width * scale)), Math.Max(1, (int)(decoded.Height * scale))), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : decoded.Copy();
        using var image = SKImage.FromBitmap(sized);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
