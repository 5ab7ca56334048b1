using SkiaSharp;

namespace AssetLoan.Tests.Support;

/// <summary>Images for upload tests: a drawn signature as the signature pad would send it.</summary>
public static class TestImages
{
    public static string SignatureDataUrl(int width = 600, int height = 200)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Navy, StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke };
            canvas.DrawLine(20, height - 40, width - 20, 40, paint);
            canvas.DrawCircle(width / 2f, height / 2f, 30, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return "data:image/png;base64," + Convert.ToBase64String(data.ToArray());
    }

    /// <summary>Noise compresses badly: a PNG this size is well over 300 KB.</summary>
    public static string LargeNoisePngDataUrl()
    {
        using var bitmap = new SKBitmap(700, 700);
        var random = new Random(7);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return "data:image/png;base64," + Convert.ToBase64String(data.ToArray());
    }
}
