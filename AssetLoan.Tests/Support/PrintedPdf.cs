using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Support;

/// <summary>
/// A page printed by Chromium to PDF, read back with poppler's <c>pdfinfo</c> and <c>pdftotext</c>: its page count, its
/// sheet size and each page's text, so a test can see what paper shows (issue 13 §11).
/// </summary>
public sealed class PrintedPdf
{
    private readonly string _path;

    private PrintedPdf(string path, byte[] bytes)
    {
        _path = path;
        Bytes = bytes;
        Pages = int.Parse(Run("pdfinfo", $"\"{path}\"").Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
    }

    public byte[] Bytes { get; }

    public int Pages { get; }

    /// <summary>Prints <paramref name="page"/> as the browser's print dialog would (print media, the page's own @page size), after its fonts load.</summary>
    public static async Task<PrintedPdf> PrintAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var bytes = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
        return new PrintedPdf(path, bytes);
    }

    /// <summary>The text of page <paramref name="number"/> (1-based) in reading order.</summary>
    public string TextOf(int number) => Run("pdftotext", $"-f {number} -l {number} -raw \"{_path}\" -");

    public IReadOnlyList<string> PageTexts() => Enumerable.Range(1, Pages).Select(TextOf).ToList();

    /// <summary>Whether every sheet is A4, portrait or landscape as asked.</summary>
    public bool AllA4(bool landscape) => PdfFacts.MediaBoxes(Bytes).All(b =>
        Math.Abs(b.Width - PdfFacts.Points(landscape ? 297 : 210)) < 1.0 && Math.Abs(b.Height - PdfFacts.Points(landscape ? 210 : 297)) < 1.0);

    /// <summary>Text with every space and line break removed, to compare what was rendered with what the page said.</summary>
    public static string Squeeze(string text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils must be installed)");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
