using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Labels;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace AssetLoan.Tests.Web;

/// <summary>The label renderer on its own: geometry, vector QR codes that decode, embedded Sarabun with Thai shaping.</summary>
public sealed class LabelSheetTests
{
    private const int Dpi = 200;

    [Fact]
    public void Render_24LabelsOnA4x24_IsExactlyOneA4Page()
    {
        var pdf = LabelSheetRenderer.Render(Labels(24), LabelTemplates.A4x24, LabelOffset.None);
        Assert.Equal(1, PdfFacts.PageCount(pdf));
        var (width, height) = Assert.Single(PdfFacts.MediaBoxes(pdf));
        Assert.Equal(PdfFacts.Points(210), width, 0.01);
        Assert.Equal(PdfFacts.Points(297), height, 0.01);
    }

    [Fact]
    public void Render_25LabelsOnA4x24_StartsASecondPage()
    {
        var pdf = LabelSheetRenderer.Render(Labels(25), LabelTemplates.A4x24, LabelOffset.None);
        Assert.Equal(2, PdfFacts.PageCount(pdf));
    }

    [Fact]
    public void Render_QrCodes_AreVectorsInEmbeddedSarabunPdf()
    {
        var pdf = System.Text.Encoding.Latin1.GetString(LabelSheetRenderer.Render(Labels(3), LabelTemplates.A4x24, LabelOffset.None));
        Assert.DoesNotContain("/Subtype /Image", pdf, StringComparison.Ordinal);
        Assert.Contains("Sarabun-Regular", pdf, StringComparison.Ordinal);
        Assert.Contains("Sarabun-Bold", pdf, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Roll_OnePagePerLabelOf50x30mm_EachQrDecodesToItsOwnUrl()
    {
        var labels = Labels(3);
        var pdf = LabelSheetRenderer.Render(labels, LabelTemplates.Roll50x30, LabelOffset.None);
        Assert.Equal(3, PdfFacts.PageCount(pdf));
        Assert.All(PdfFacts.MediaBoxes(pdf), box =>
        {
            Assert.Equal(PdfFacts.Points(50), box.Width, 0.01);
            Assert.Equal(PdfFacts.Points(30), box.Height, 0.01);
        });

        var pages = await QrImages.RenderPdfAsync(pdf, 300);
        Assert.Equal(labels.Select(l => l.Url), pages.Select(p => QrImages.Decode(p, QrCell(LabelTemplates.Roll50x30, 0, LabelOffset.None, 300))));
    }

    [Fact]
    public async Task Render_A4x14_EveryQrDecodesToItsOwnUrlInItsCell()
    {
        var labels = Labels(14);
        var pdf = LabelSheetRenderer.Render(labels, LabelTemplates.A4x14, LabelOffset.None);
        var page = Assert.Single(await QrImages.RenderPdfAsync(pdf, Dpi));
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.Equal(labels[i].Url, QrImages.Decode(page, QrCell(LabelTemplates.A4x14, i, LabelOffset.None)));
        }
    }

    [Fact]
    public async Task Render_WithPrinterOffset_MovesEverythingByThatManyMillimetres()
    {
        var labels = Labels(1);
        var plain = Assert.Single(await QrImages.RenderPdfAsync(LabelSheetRenderer.Render(labels, LabelTemplates.A4x24, LabelOffset.None), 100));
        var moved = Assert.Single(await QrImages.RenderPdfAsync(LabelSheetRenderer.Render(labels, LabelTemplates.A4x24, new LabelOffset(4, 3)), 100));
        var qrRight = QrCell(LabelTemplates.A4x24, 0, new LabelOffset(4, 3), 100).Right;
        var (x0, y0) = PdfFacts.FirstDark(plain, qrRight);
        var (x1, y1) = PdfFacts.FirstDark(moved, qrRight);
        Assert.Equal(4 * 100 / 25.4, x1 - x0, 1.5);
        Assert.Equal(3 * 100 / 25.4, y1 - y0, 1.5);
        Assert.Equal(labels[0].Url, QrImages.Decode(moved, QrCell(LabelTemplates.A4x24, 0, new LabelOffset(4, 3), 100)));
    }

    [Fact]
    public async Task Render_ThaiName_TextLayerKeepsStackedVowelsAndToneMarks()
    {
        var labels = new[] { new LabelContent("https://example.test/a/ABCDEFGH", "เทศบาลตำบลแม่คือ", "ที่น้ำ บุหรี่ ผู้ใหญ่", "416-64-0001", "ABCDEFGH") };
        var text = await QrImages.PdfTextAsync(LabelSheetRenderer.Render(labels, LabelTemplates.A4x24, LabelOffset.None));
        Assert.Contains("ที่น้ำ บุหรี่ ผู้ใหญ่", text, StringComparison.Ordinal);
        Assert.Contains("เทศบาลตำบลแม่คือ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shaper_ToneMarkOverAnUpperVowel_IsARaisedGlyphInTheSameCluster()
    {
        using var shaper = new SKShaper(LabelFonts.Regular);
        using var font = new SKFont(LabelFonts.Regular, 100);
        var plain = shaper.Shape("ท่", font);
        var stacked = shaper.Shape("ที่", font);
        Assert.Equal(3, stacked.Codepoints.Length);
        Assert.All(stacked.Clusters, c => Assert.Equal(0u, c));
        // ่ alone sits low; over ี HarfBuzz picks Sarabun's raised variant, so the marks do not collide.
        Assert.NotEqual(plain.Codepoints[1], stacked.Codepoints[2]);

        // Beside the tall ป the marks are shifted left, away from its ascender: a real positioning offset.
        var pi = shaper.Shape("ปี่", font);
        Assert.True(pi.Points[2].X < pi.Points[1].X - 5, $"tone mark at {pi.Points[2].X}, vowel at {pi.Points[1].X}");
    }

    [Fact]
    public void Fit_ShortName_StaysOneLineAtTheLargestSize()
    {
        using var text = new LabelText();
        var (size, lines) = text.Fit("เต็นท์", LabelFace.Regular, LabelSheetRenderer.Mm(30), 11, 8, 3);
        Assert.Equal(11, size);
        Assert.Equal(["เต็นท์"], lines);
    }

    [Fact]
    public void Fit_LongName_ShrinksToTheMinimumThenWrapsWithinTheWidth()
    {
        using var text = new LabelText();
        const string name = "เครื่องคอมพิวเตอร์โน้ตบุ๊กสำหรับงานประมวลผลแผนที่ภาษีและทะเบียนทรัพย์สิน";
        var width = LabelSheetRenderer.Mm(30);
        var (size, lines) = text.Fit(name, LabelFace.Regular, width, 11, 8, 6);
        Assert.Equal(8, size);
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(text.Measure(l, LabelFace.Regular, size) <= width, l));
        Assert.Equal(name, string.Concat(lines));
    }

    [Fact]
    public void Fit_TooLongForTheLines_EndsWithAnEllipsis()
    {
        using var text = new LabelText();
        var (_, lines) = text.Fit(string.Concat(Enumerable.Repeat("ผู้ใหญ่บ้าน", 20)), LabelFace.Regular, LabelSheetRenderer.Mm(20), 10, 8, 2);
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void RenderCalibration_IsOnePageWithOutlinesAndTheOffset()
    {
        var pdf = LabelSheetRenderer.RenderCalibration(LabelTemplates.A4x14, new LabelOffset(1.5, -0.5));
        Assert.Equal(1, PdfFacts.PageCount(pdf));
        Assert.False(PdfFacts.HasImages(pdf));
    }

    [Fact]
    public void Templates_Geometry_FitsOnTheirPages()
    {
        foreach (var t in LabelTemplates.All)
        {
            var (x, y) = t.Origin(t.PerPage - 1);
            Assert.True(x + t.LabelWidthMm <= t.PageWidthMm + 0.001, t.Key);
            Assert.True(y + t.LabelHeightMm <= t.PageHeightMm + 0.001, t.Key);
        }

        Assert.Equal(24, LabelTemplates.A4x24.PerPage);
        Assert.Equal(14, LabelTemplates.A4x14.PerPage);
        Assert.Equal(1, LabelTemplates.Roll50x30.PerPage);
    }

    /// <summary>Where a label's QR code lands in a page rendered at <paramref name="dpi"/>, with a margin for the decoder.</summary>
    public static SKRectI QrCell(LabelTemplate template, int index, LabelOffset offset, int dpi = Dpi)
    {
        ArgumentNullException.ThrowIfNull(template);
        var qr = LabelSheetRenderer.QrArea(LabelSheetRenderer.Cell(template, index % template.PerPage));
        qr.Offset(LabelSheetRenderer.Mm(offset.XMm), LabelSheetRenderer.Mm(offset.YMm));
        var scale = dpi / 72f;
        var margin = 2 * scale;
        return SKRectI.Round(new SKRect((qr.Left * scale) - margin, (qr.Top * scale) - margin, (qr.Right * scale) + margin, (qr.Bottom * scale) + margin));
    }

    private static List<LabelContent> Labels(int count) =>
        Enumerable.Range(0, count)
            .Select(i =>
            {
                var tag = $"TEST{(char)('A' + (i / 8))}{(char)('A' + (i % 8))}X{(char)('A' + (i % 20))}";
                return new LabelContent(QrCodes.TagUrl("https://assets.maekhue.go.th", tag), "เทศบาลตำบลแม่คือ", $"เต็นท์ ขนาด 4×8 ม. หลังที่ {i + 1}", $"490-64-{i + 1:0000}", tag);
            })
            .ToList();
}
