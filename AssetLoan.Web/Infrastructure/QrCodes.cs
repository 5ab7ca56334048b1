using QRCoder;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// QR codes for asset tags (QRCoder). One error-correction level and one matrix for the screen images and the printed
/// labels, so a label and the image served for it are the same code.
/// </summary>
public static class QrCodes
{
    /// <summary>Q recovers about 25% of the modules: labels on tents and chairs get scratched.</summary>
    public const QRCodeGenerator.ECCLevel Ecc = QRCodeGenerator.ECCLevel.Q;

    /// <summary>The quiet zone QRCoder puts around the code, in modules (the standard asks for 4).</summary>
    public const int QuietZone = 4;

    public const int MinPixelsPerModule = 2;
    public const int MaxPixelsPerModule = 40;
    public const int DefaultPixelsPerModule = 10;

    /// <summary>The address a tag's label points to: <c>{base}/a/{tag}</c>.</summary>
    public static string TagUrl(string baseUrl, string tag)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/a/{tag}";
    }

    /// <summary>The module matrix including the quiet zone: <c>true</c> = dark.</summary>
    public static bool[,] Matrix(string content)
    {
        using var data = Generate(content);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var matrix = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                matrix[y, x] = rows[y][x];
            }
        }

        return matrix;
    }

    public static byte[] Png(string content, int pixelsPerModule)
    {
        using var data = Generate(content);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    public static string Svg(string content, int pixelsPerModule)
    {
        using var data = Generate(content);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(pixelsPerModule, "#000000", "#ffffff", drawQuietZones: true);
    }

    private static QRCodeData Generate(string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(content, Ecc);
    }
}
