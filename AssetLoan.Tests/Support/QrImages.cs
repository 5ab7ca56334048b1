using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace AssetLoan.Tests.Support;

/// <summary>Reads a QR code back from a PNG (or a PNG data URL) the way a phone would: pixels → ZXing.</summary>
public static class QrImages
{
    public static string Decode(string pngDataUrl)
    {
        ArgumentNullException.ThrowIfNull(pngDataUrl);
        var comma = pngDataUrl.IndexOf(',', StringComparison.Ordinal);
        return Decode(Convert.FromBase64String(pngDataUrl[(comma + 1)..]));
    }

    public static string Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not an image.");
        using var bgra = decoded.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(bgra.Bytes, bgra.Width, bgra.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))
            ?? throw new InvalidOperationException("No QR code found.");
        return result.Text;
    }
}
