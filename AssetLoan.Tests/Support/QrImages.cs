using System.Diagnostics;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace AssetLoan.Tests.Support;

/// <summary>Reads QR codes back the way a phone would: PNG → pixels (SkiaSharp) → ZXing.Net; PDF → PNG with pdftoppm.</summary>
public static class QrImages
{
    /// <summary>Decodes a <c>data:image/png;base64,…</c> URL as pages embed it.</summary>
    public static string? Decode(string pngDataUrl)
    {
        ArgumentNullException.ThrowIfNull(pngDataUrl);
        var comma = pngDataUrl.IndexOf(',', StringComparison.Ordinal);
        return Decode(Convert.FromBase64String(pngDataUrl[(comma + 1)..]));
    }

    public static string? Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not an image SkiaSharp can decode.");
        return Decode(bitmap);
    }

    public static string? Decode(SKBitmap bitmap, SKRectI? area = null)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        var region = area ?? new SKRectI(0, 0, bitmap.Width, bitmap.Height);
        region.Intersect(new SKRectI(0, 0, bitmap.Width, bitmap.Height));
        using var subset = new SKBitmap();
        if (!bitmap.ExtractSubset(subset, region))
        {
            throw new InvalidOperationException($"Cannot cut {region} from a {bitmap.Width}×{bitmap.Height} image.");
        }

        using var rgba = subset.Copy(SKColorType.Rgba8888);

        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return Read(source, pure: false) ?? Read(source, pure: true);
    }

    /// <summary>
    /// ZXing.Net's finder-pattern detector misses about 2% of valid, pristine codes in their upright position (e.g. the
    /// version-4 code of "https://assets.maekhue.go.th/a/TESTAAXA", which qr-scanner reads at once); trying the image
    /// rotated, as a phone held at another angle would, reads them. The "pure barcode" reader is the last resort for an
    /// area that holds only the code and its quiet zone.
    /// </summary>
    private static string? Read(LuminanceSource source, bool pure)
    {
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pure },
        };
        return reader.Decode(source)?.Text;
    }

    /// <summary>Renders every page of <paramref name="pdf"/> at <paramref name="dpi"/> with poppler's pdftoppm.</summary>
    public static async Task<IReadOnlyList<SKBitmap>> RenderPdfAsync(byte[] pdf, int dpi)
    {
        var pdftoppm = Prerequisites.PdfToPpm();
        var dir = Directory.CreateTempSubdirectory("assetloan-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync(pdftoppm, "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", input, Path.Combine(dir.FullName, "page"));
            return dir.GetFiles("page*.png")
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => SKBitmap.Decode(f.FullName))
                .ToList();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The text layer of a PDF (poppler's pdftotext, beside pdftoppm).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var pdftotext = Path.Combine(Path.GetDirectoryName(Prerequisites.PdfToPpm())!, "pdftotext");
        var dir = Directory.CreateTempSubdirectory("assetloan-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            return await RunAsync(pdftotext, "-enc", "UTF-8", input, "-");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
