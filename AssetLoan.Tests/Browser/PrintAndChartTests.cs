using System.Diagnostics;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// What only a browser shows: the loan slip printed from Chromium to A4 PDF (domain.md §8: one page for up to 8 lines,
/// the signatures never split), and the statistics chart waiting for Sarabun before it draws.
/// </summary>
public sealed class PrintAndChartTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] ItemNames =
    [
        "เต็นท์ผ้าใบ ขนาด 4×8 เมตร", "เก้าอี้พลาสติกมีพนักพิง", "โต๊ะพับอเนกประสงค์ ขนาด 60×180 ซม.", "ชุดเครื่องเสียงกลางแจ้ง พร้อมไมโครโฟน",
        "พัดลมอุตสาหกรรม ขนาด 24 นิ้ว", "ผ้าปูโต๊ะสีขาว", "กรวยจราจร", "ถังน้ำแข็งพลาสติก ขนาด 50 ลิตร",
    ];

    private static int _run;

    [Theory]
    [InlineData(2, 1)]
    [InlineData(8, 1)]
    [InlineData(14, 2)]
    public async Task Slip_PrintedOnA4_OnePageUpToEightLinesAndTheSignaturesNeverSplit(int lines, int expectedPages)
    {
        var app = browser.App;
        var today = LoanSetup.Today(app);
        var items = new List<(int, int)>();
        for (var i = 0; i < lines; i++)
        {
            var name = $"{ItemNames[i % ItemNames.Length]} ชุด {Interlocked.Increment(ref _run)}";
            items.Add((await LoanSetup.NewPoolAsync(app, name, 40), 10));
        }

        var id = await LoanSetup.SubmitOutsiderAsync(app, items, today.AddDays(3), today.AddDays(5), offPremises: true, kind: BorrowerKind.School);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}/supplies/slip/{id}");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });

        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"slip-{lines}-lines.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf);
        var pages = int.Parse(Run("pdfinfo", path).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedPages, pages);
        var lastPage = Run("pdftotext", $"-f {pages} -l {pages} -layout {path} -");
        foreach (var block in new[] { "ผู้ยืม", "เจ้าหน้าที่พัสดุ", "ผู้อนุมัติ", "การส่งมอบ", "ผู้รับพัสดุ", "การส่งคืน", "ผู้รับคืน", "ข้อ ๒๑๑" })
        {
            Assert.Contains(block, lastPage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StatisticsChart_WaitsForSarabunBeforeDrawing()
    {
        var page = await browser.NewPageAsync();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/lib/sarabun/files/*", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        const string drawn = "() => !!(window.Chart && window.Chart.getChart(document.getElementById('stats-chart')))";

        await page.GotoAsync($"{browser.BaseUrl}/transparency", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForTimeoutAsync(700);
        Assert.False(await page.EvaluateAsync<bool>(drawn));

        release.SetResult();
        await page.WaitForFunctionAsync(drawn);
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('12px Sarabun', 'ก')"));
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
