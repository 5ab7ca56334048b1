using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// Every document the office prints, printed from Chromium to PDF as the print button does (issue 13 §11): the sheet is
/// A4 in the document's own orientation, no table row is cut across two sheets, and the Thai text read back from the PDF
/// (stacked vowels and tone marks included) is the text the page showed. The slip and the letters have their own
/// one-page tests (PrintAndChartTests, LetterPrintTests).
/// </summary>
public sealed class DocumentPrintTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Names =
    [
        "ผ้าใบกันน้ำ ขนาด ๔×๖ เมตร", "ถังน้ำแข็งพลาสติก ๕๐ ลิตร", "เครื่องปั่นไฟ ๕ กิโลวัตต์", "ตู้เย็นเก็บยา", "กี่ทอผ้าพื้นเมือง",
        "พัดลมไอน้ำ", "เก้าอี้ผู้สูงอายุ", "ไม้กั้นจราจรพับได้",
    ];

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    /// <summary>Fifty loans of this fiscal year, some of three lines, so the register's printed rows fill several sheets.</summary>
    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            var app = browser.App;
            var today = LoanSetup.Today(app);
            var items = new List<int>();
            foreach (var name in Names)
            {
                items.Add(await LoanSetup.NewPoolAsync(app, $"{name} (พิมพ์)", 1000));
            }

            for (var i = 0; i < 50; i++)
            {
                var lines = Enumerable.Range(0, 1 + (i % 3)).Select(k => (items[(i + k) % items.Count], 2 + k)).ToList();
                await LoanSetup.SubmitOutsiderAsync(app, lines, today.AddDays(5), today.AddDays(7), offPremises: true, kind: i % 2 == 0 ? BorrowerKind.Person : BorrowerKind.Temple);
            }

            _seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    [Fact]
    public async Task Register_PrintsOnA4Landscape_NoRowCutAcrossSheets_ThaiTextIntact()
    {
        await SeedAsync();
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Demo.Auditor);
        await page.GotoAsync($"{browser.BaseUrl}/reports/register?fy=2570");
        var rows = await MarkRowsAsync(page, "table.register-table");
        Assert.True(rows >= 40, $"only {rows} rows on the register's first screen");
        var shown = await page.Locator("table.register-table tbody").InnerTextAsync();

        var pdf = await PrintedPdf.PrintAsync(page, "document-register");

        Assert.True(pdf.AllA4(landscape: true));
        Assert.True(pdf.Pages >= 2, $"{rows} rows printed on {pdf.Pages} sheet(s)");
        AssertNoRowCut(pdf, rows);
        AssertThaiIntact(pdf, shown, "ผ้าใบกันน้ำ", "ถังน้ำแข็งพลาสติก", "ตู้เย็นเก็บยา", "กี่ทอผ้าพื้นเมือง", "เก้าอี้ผู้สูงอายุ");
        await AssertThaiDigitsOnPaperOnlyAsync(page, pdf, "table.register-table tbody", shown);
    }

    [Fact]
    public async Task YearEndList_PrintsOnA4Landscape()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Demo.Auditor);
        await page.GotoAsync($"{browser.BaseUrl}/reports/year-end?fy=2569");
        var rows = await MarkRowsAsync(page, "table.register-table");
        var shown = await page.Locator("h1").InnerTextAsync();

        var pdf = await PrintedPdf.PrintAsync(page, "document-year-end");

        Assert.True(pdf.AllA4(landscape: true));
        AssertNoRowCut(pdf, rows);
        Assert.Contains("บัญชีพัสดุที่ยืมคงค้าง", pdf.TextOf(1), StringComparison.Ordinal);
        Assert.DoesNotContain("กรอง", pdf.TextOf(1), StringComparison.Ordinal);
        await AssertThaiDigitsOnPaperOnlyAsync(page, pdf, "h1", shown);
    }

    [Fact]
    public async Task AssetHistory_PrintsOnA4_EveryEventWhole()
    {
        var app = browser.App;
        var loan = await app.HandedOverAsync(Demo.Employee, 2, (LoanSetup.Tent, 1));
        var assetId = await app.WithDbAsync(db => db.LoanLines.Where(l => l.LoanId == loan).SelectMany(l => l.Units).Select(u => u.AssetId).FirstAsync());
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Demo.Auditor);
        await page.GotoAsync($"{browser.BaseUrl}/assets/{assetId}/history");
        var rows = await MarkRowsAsync(page, "table.register-table");
        Assert.True(rows >= 2);
        var shown = await page.Locator("table.register-table tbody").InnerTextAsync();

        var pdf = await PrintedPdf.PrintAsync(page, "document-asset-history");

        Assert.True(pdf.AllA4(landscape: true));
        AssertNoRowCut(pdf, rows);
        AssertThaiIntact(pdf, shown, "ส่งมอบ");
        Assert.DoesNotContain("ทะเบียนครุภัณฑ์ ›", pdf.TextOf(1), StringComparison.Ordinal);
        await AssertThaiDigitsOnPaperOnlyAsync(page, pdf, "table.register-table tbody", shown);
    }

    [Theory]
    [InlineData("/transparency/forms/request", "แบบคำขอยืมพัสดุ", "ผู้ขอยืม")]
    [InlineData("/transparency/forms/slip", "ใบยืมพัสดุ", "ผู้รับคืน")]
    public async Task BlankForm_PrintsOnOneA4Portrait_WithItsSignatures(string url, string title, string lastSigner)
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync($"{browser.BaseUrl}{url}");

        var pdf = await PrintedPdf.PrintAsync(page, "document-form" + url.Replace('/', '-'));

        Assert.True(pdf.AllA4(landscape: false));
        Assert.Equal(1, pdf.Pages);
        var text = pdf.TextOf(1);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(lastSigner, text, StringComparison.Ordinal);
        Assert.Contains("ผู้อนุมัติ", text, StringComparison.Ordinal);
        Assert.Contains("ข้อ ๒๐๙", text, StringComparison.Ordinal);
        Assert.DoesNotContain("เข้าสู่ระบบ", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Puts a start mark at the top of each body row's first cell and an end mark at the bottom of every cell, so a row
    /// cut across two sheets shows as its marks on different pages. Returns the number of rows.
    /// </summary>
    private static Task<int> MarkRowsAsync(IPage page, string table) =>
        page.EvaluateAsync<int>("""
            (sel) => {
              const rows = [...document.querySelectorAll(sel + ' tbody tr')];
              rows.forEach((tr, i) => {
                const cells = [...tr.children];
                const start = document.createElement('span'); start.textContent = `RS${i}Q `;
                cells[0].prepend(start);
                cells.forEach(td => { const end = document.createElement('div'); end.textContent = `RE${i}Q`; td.append(end); });
              });
              return rows.length;
            }
            """, table);

    /// <summary>
    /// With the Thai-digit setting on (the default), every figure and date on the printed sheets is in Thai digits
    /// (issue 13 §9), while the screen keeps the Arabic digits an officer types and searches by.
    /// </summary>
    private static async Task AssertThaiDigitsOnPaperOnlyAsync(IPage page, PrintedPdf pdf, string onScreen, string shownBefore)
    {
        var printed = string.Concat(pdf.PageTexts());
        Assert.Matches("[๐-๙]", printed);
        var arabic = System.Text.RegularExpressions.Regex.Matches(printed, "[0-9]+").Select(m => m.Value).Distinct().ToList();
        Assert.True(arabic.Count == 0, "Arabic digits on paper: " + string.Join(", ", arabic.Take(10)));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.Matches("[0-9]", shownBefore);
        Assert.Equal(shownBefore, await page.Locator(onScreen).First.InnerTextAsync());
    }

    /// <summary>The marks in Arabic digits, whichever digits the sheet was printed in.</summary>
    private static List<string> ArabicPageTexts(PrintedPdf pdf) =>
        pdf.PageTexts().Select(t => string.Concat(t.Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c))).ToList();

    private static void AssertNoRowCut(PrintedPdf pdf, int rows)
    {
        var texts = ArabicPageTexts(pdf);
        for (var i = 0; i < rows; i++)
        {
            var start = $"RS{i}Q";
            var end = $"RE{i}Q";
            var onPages = Enumerable.Range(0, texts.Count).Where(p => texts[p].Contains(start, StringComparison.Ordinal) || texts[p].Contains(end, StringComparison.Ordinal)).ToList();
            Assert.True(onPages.Count == 1, $"row {i + 1} is printed across sheets {string.Join(", ", onPages.Select(p => p + 1))}");
        }
    }

    /// <summary>Each word is on the page and comes back from the PDF as the same characters (shaping of stacked marks).</summary>
    private static void AssertThaiIntact(PrintedPdf pdf, string shown, params string[] words)
    {
        var printed = PrintedPdf.Squeeze(string.Concat(pdf.PageTexts()));
        foreach (var word in words)
        {
            Assert.Contains(word, shown, StringComparison.Ordinal);
            Assert.Contains(PrintedPdf.Squeeze(word), printed, StringComparison.Ordinal);
        }
    }
}
