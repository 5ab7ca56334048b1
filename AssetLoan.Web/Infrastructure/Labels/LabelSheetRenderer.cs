using System.Globalization;
using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace AssetLoan.Web.Infrastructure.Labels;

/// <summary>
/// Label sheets as vector PDF (SkiaSharp's PDF backend). Geometry is exact millimetres (1 mm = 72/25.4 pt), so the
/// sheet never depends on a browser's print scaling; the QR code is drawn as filled rectangles from QRCoder's module
/// matrix, and the text is shaped by HarfBuzz in embedded Sarabun so Thai vowels and tone marks sit where they belong.
/// Input: the labels, a template and the printer's offset; output: the PDF bytes.
/// </summary>
public static class LabelSheetRenderer
{
    public const float PointsPerMm = 72f / 25.4f;

    public static byte[] Render(IReadOnlyList<LabelContent> labels, LabelTemplate template, LabelOffset offset)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(template);
        if (labels.Count == 0)
        {
            throw new ArgumentException("A sheet needs at least one label.", nameof(labels));
        }

        return Pdf("ป้ายครุภัณฑ์", template, (labels.Count + template.PerPage - 1) / template.PerPage, (canvas, text, page) =>
        {
            var first = page * template.PerPage;
            for (var i = first; i < Math.Min(labels.Count, first + template.PerPage); i++)
            {
                DrawLabel(canvas, text, labels[i], Cell(template, i));
            }
        }, offset);
    }

    /// <summary>A test sheet: every label's outline and centre, with the template and the offset now applied.</summary>
    public static byte[] RenderCalibration(LabelTemplate template, LabelOffset offset)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Pdf("หน้าทดสอบตำแหน่งป้าย", template, 1, (canvas, text, _) =>
        {
            using var stroke = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.4f, IsAntialias = true };
            for (var i = 0; i < template.PerPage; i++)
            {
                var cell = Cell(template, i);
                canvas.DrawRect(cell, stroke);
                var cross = Mm(3);
                canvas.DrawLine(cell.MidX - cross, cell.MidY, cell.MidX + cross, cell.MidY, stroke);
                canvas.DrawLine(cell.MidX, cell.MidY - cross, cell.MidX, cell.MidY + cross, stroke);
                for (var mm = 5; mm < template.LabelWidthMm; mm += 5)
                {
                    var tick = Mm(mm % 10 == 0 ? 2 : 1);
                    canvas.DrawLine(cell.Left + Mm(mm), cell.Top, cell.Left + Mm(mm), cell.Top + tick, stroke);
                }

                var box = SKRect.Inflate(cell, -Mm(2), -Mm(2));
                var y = box.Top;
                var row = (i / template.Columns) + 1;
                var column = (i % template.Columns) + 1;
                y = text.Block(canvas, $"แถว {row} คอลัมน์ {column}", LabelFace.Bold, box.Left, y, box.Width, 8, 5, 1);
                if (i == 0)
                {
                    y = text.Block(canvas, template.Name, LabelFace.Regular, box.Left, y, box.Width, 7, 5, 2);
                    text.Block(canvas, $"เลื่อน X {offset.XMm.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} มม. Y {offset.YMm.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} มม.", LabelFace.Regular, box.Left, y, box.Width, 7, 5, 1);
                }
            }
        }, offset);
    }

    public static float Mm(double mm) => (float)(mm * PointsPerMm);

    /// <summary>The label's rectangle on its page, in points, before the printer offset.</summary>
    public static SKRect Cell(LabelTemplate template, int index)
    {
        ArgumentNullException.ThrowIfNull(template);
        var (x, y) = template.Origin(index);
        return new SKRect(Mm(x), Mm(y), Mm(x + template.LabelWidthMm), Mm(y + template.LabelHeightMm));
    }

    /// <summary>Where the QR code (with its quiet zone) sits inside a label cell.</summary>
    public static SKRect QrArea(SKRect cell)
    {
        var side = Math.Min(cell.Height - Mm(2), cell.Width * 0.52f);
        var left = cell.Left + Mm(1);
        var top = cell.MidY - (side / 2);
        return new SKRect(left, top, left + side, top + side);
    }

    private static byte[] Pdf(string title, LabelTemplate template, int pages, Action<SKCanvas, LabelText, int> drawPage, LabelOffset offset)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "AssetLoan",
            Producer = "AssetLoan (SkiaSharp PDF)",
            // Skia rounds the page size to whole raster pixels: at 2,540 dpi a pixel is 0.01 mm, so A4 stays
            // 595.2756 × 841.8898 pt instead of 595.2 × 841.92. Nothing on a label is rasterised.
            RasterDpi = 2540,
            EncodingQuality = 100,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var text = new LabelText())
        {
            for (var page = 0; page < pages; page++)
            {
                var canvas = document.BeginPage(Mm(template.PageWidthMm), Mm(template.PageHeightMm));
                canvas.Translate(Mm(offset.XMm), Mm(offset.YMm));
                drawPage(canvas, text, page);
                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    private static void DrawLabel(SKCanvas canvas, LabelText text, LabelContent label, SKRect cell)
    {
        canvas.Save();
        canvas.ClipRect(cell);
        var qr = QrArea(cell);
        DrawQr(canvas, QrCodes.Matrix(label.Url), qr);

        var left = qr.Right;
        var right = cell.Right - Mm(1.5);
        var width = right - left;
        var top = cell.Top + Mm(1.8);
        var bottom = cell.Bottom - Mm(1.5);

        var y = text.Block(canvas, label.MunicipalityName, LabelFace.Bold, left, top, width, 7.5f, 5f, 1);
        if (!string.IsNullOrEmpty(label.AssetNumber))
        {
            y = text.Block(canvas, label.AssetNumber, LabelFace.Bold, left, y + Mm(0.4), width, 12f, 6f, 2);
        }

        var tagLine = $"รหัส {label.Tag}";
        var tagHeight = LabelText.LineHeight(6.5f);
        const float nameMin = 8f;
        var nameLines = Math.Max(1, (int)((bottom - tagHeight - y - Mm(0.4)) / LabelText.LineHeight(nameMin)));
        text.Block(canvas, label.ItemName, LabelFace.Regular, left, y + Mm(0.4), width, 11f, nameMin, nameLines);
        text.Block(canvas, tagLine, LabelFace.Regular, left, bottom - tagHeight, width, 6.5f, 5f, 1);
        canvas.Restore();
    }

    /// <summary>One filled path of horizontal runs of dark modules: no bitmap, and no seams between modules.</summary>
    private static void DrawQr(SKCanvas canvas, bool[,] matrix, SKRect area)
    {
        var n = matrix.GetLength(0);
        var module = area.Width / n;
        using var builder = new SKPathBuilder();
        for (var y = 0; y < n; y++)
        {
            var x = 0;
            while (x < n)
            {
                if (!matrix[y, x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < n && matrix[y, x])
                {
                    x++;
                }

                builder.AddRect(new SKRect(area.Left + (start * module), area.Top + (y * module), area.Left + (x * module), area.Top + ((y + 1) * module)), SKPathDirection.Clockwise);
            }
        }

        using var path = builder.Detach();
        using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawPath(path, paint);
    }
}

public enum LabelFace
{
    Regular,
    Bold,
}

/// <summary>Shaped Sarabun text that shrinks to fit, then wraps (<see cref="ThaiLineBreaker"/>), then ends in "…".</summary>
public sealed class LabelText : IDisposable
{
    private readonly SKShaper[] _shapers = [new(LabelFonts.Regular), new(LabelFonts.Bold)];
    private readonly SKTypeface[] _faces = [LabelFonts.Regular, LabelFonts.Bold];
    private readonly SKPaint _paint = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly Dictionary<(LabelFace, string), float> _widthAt100 = [];

    /// <summary>Baseline-to-baseline distance: Sarabun's stacked marks above and ญ ฐ ุ ู below need about 1.3 em.</summary>
    public static float LineHeight(float size) => size * 1.32f;

    /// <summary>The shaped width of <paramref name="text"/> in points (unhinted, so it scales with the size).</summary>
    public float Measure(string text, LabelFace face, float size)
    {
        if (!_widthAt100.TryGetValue((face, text), out var width))
        {
            using var font = Font(face, 100);
            width = _shapers[(int)face].Shape(text, font).Width;
            _widthAt100[(face, text)] = width;
        }

        return width * size / 100;
    }

    /// <summary>
    /// Draws <paramref name="text"/> from the top edge <paramref name="top"/>: on one line at the largest size from
    /// <paramref name="maxSize"/> down to <paramref name="minSize"/>; if it does not fit even at the minimum, wrapped at
    /// the minimum into at most <paramref name="maxLines"/> lines, the last one ending in "…" if text is left over.
    /// Returns the top of the next block.
    /// </summary>
    public float Block(SKCanvas canvas, string text, LabelFace face, float left, float top, float width, float maxSize, float minSize, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            return top;
        }

        var (size, lines) = Fit(text, face, width, maxSize, minSize, maxLines);
        using var font = Font(face, size);
        var baseline = top + (size * 1.05f);
        foreach (var line in lines)
        {
            DrawShaped(canvas, _shapers[(int)face], line, left, baseline, font);
            baseline += LineHeight(size);
        }

        return top + (lines.Count * LineHeight(size));
    }

    public (float Size, IReadOnlyList<string> Lines) Fit(string text, LabelFace face, float width, float maxSize, float minSize, int maxLines)
    {
        for (var size = maxSize; size >= minSize; size -= 0.5f)
        {
            if (Measure(text, face, size) <= width)
            {
                return (size, [text]);
            }
        }

        var wrapped = ThaiLineBreaker.Wrap(text, width, s => Measure(s, face, minSize));
        if (wrapped.Count <= maxLines)
        {
            return (minSize, wrapped);
        }

        var kept = wrapped.Take(maxLines).ToList();
        kept[^1] = Ellipsize(kept[^1], face, minSize, width);
        return (minSize, kept);
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers)
        {
            shaper.Dispose();
        }

        _paint.Dispose();
    }

    /// <summary>
    /// Draws HarfBuzz's glyphs and positions as <c>DrawShapedText</c> does, but hands Skia the UTF-8 text and the
    /// cluster map with them: the PDF's text layer then reads "ที่ น้ำ" instead of dropping the tone marks whose glyphs
    /// (raised or shifted variants) are not in the font's character map, so copy, search and screen readers work.
    /// </summary>
    private void DrawShaped(SKCanvas canvas, SKShaper shaper, string text, float x, float y, SKFont font)
    {
        var shaped = shaper.Shape(text, x, y, font);
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, shaped.Codepoints.Length, utf8.Length, null);
        var glyphs = run.Glyphs;
        for (var i = 0; i < shaped.Codepoints.Length; i++)
        {
            glyphs[i] = (ushort)shaped.Codepoints[i];
        }

        run.SetPositions(shaped.Points);
        run.SetText(utf8);
        run.SetClusters(shaped.Clusters);
        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, 0, 0, _paint);
        }
    }

    private string Ellipsize(string line, LabelFace face, float size, float width)
    {
        var clusters = ThaiLineBreaker.Clusters(line).ToList();
        while (clusters.Count > 0 && Measure(string.Concat(clusters) + "…", face, size) > width)
        {
            clusters.RemoveAt(clusters.Count - 1);
        }

        return string.Concat(clusters).TrimEnd() + "…";
    }

    private SKFont Font(LabelFace face, float size) => new(_faces[(int)face], size) { Subpixel = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
}
