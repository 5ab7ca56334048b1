using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace AssetLoan.Tests.Support;

/// <summary>What a PDF says about itself, read from its bytes (SkiaSharp writes page dictionaries uncompressed).</summary>
public static partial class PdfFacts
{
    /// <summary>Each page's MediaBox width and height in points, in file order.</summary>
    public static IReadOnlyList<(double Width, double Height)> MediaBoxes(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        return MediaBox().Matches(text)
            .Select(m => (Parse(m.Groups[3].Value) - Parse(m.Groups[1].Value), Parse(m.Groups[4].Value) - Parse(m.Groups[2].Value)))
            .ToList();
    }

    public static int PageCount(byte[] pdf) => PageType().Count(Encoding.Latin1.GetString(pdf));

    public static bool HasImages(byte[] pdf) => Encoding.Latin1.GetString(pdf).Contains("/Subtype /Image", StringComparison.Ordinal);

    public static double Points(double mm) => mm * 72 / 25.4;

    /// <summary>
    /// The left and top edges of the solid black left of <paramref name="maxX"/> (the first label's QR code: its finder
    /// pattern is solid, unlike thin anti-aliased text), to see where a sheet's content lands.
    /// </summary>
    public static (int X, int Y) FirstDark(SKBitmap page, int maxX)
    {
        ArgumentNullException.ThrowIfNull(page);
        var minX = int.MaxValue;
        var minY = int.MaxValue;
        for (var y = 0; y < page.Height; y++)
        {
            for (var x = 0; x < Math.Min(maxX, page.Width); x++)
            {
                var c = page.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 100)
                {
                    minX = Math.Min(minX, x);
                    minY = Math.Min(minY, y);
                }
            }
        }

        return (minX, minY);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageType();
}
