using System.Diagnostics;
using System.Globalization;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// Issue 13 §6, §11: the demand letter (external letter and memo) and the compensation notice print from Chromium on
/// one A4 page each, with the signature block whole on it, and the Thai text with stacked vowels and tone marks comes
/// back out of the PDF as it went in (the borrower's name, the amount in Thai words).
/// </summary>
public sealed class LetterPrintTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DemandLetter_ToAnOutsider_PrintsOnOneA4PageWithTheSignatureAndThaiIntact()
    {
        await LetterSetup.UseLetterSettingsAsync(browser.App);
        await LetterSetup.UseEmblemAsync(browser.App);
        var id = await LetterSetup.OverdueOutsiderLoanAsync(browser.App);

        var (pages, size, text) = await PrintAsync($"/supplies/demandletter/{id}", "demand-external");

        AssertOneA4Page(pages, size);
        Assert.True(await EmblemHeightCmAsync($"/supplies/demandletter/{id}") is > 2.9 and < 3.1, "the ครุฑ of an external letter is 3 cm high");
        Assert.Contains($"เรียน {LetterSetup.Honey}", Squeezed(text), StringComparison.Ordinal);
        AssertSignatureWhole(text, "ขอแสดงความนับถือ", "(นายสมบูรณ์ ใจงาม)", "ปลัดเทศบาลตำบลแม่คือ", "ปฏิบัติราชการแทนนายกเทศมนตรีตำบลแม่คือ");
    }

    [Fact]
    public async Task DemandLetter_ToStaff_PrintsAMemoOnOneA4Page()
    {
        await LetterSetup.UseLetterSettingsAsync(browser.App);
        var id = await browser.App.HandedOverAsync(Demo.Employee, 1, (await LetterSetup.NewTentAsync(browser.App), 1));
        await LetterSetup.AdvanceUntilOverdueAsync(browser.App, id);

        var (pages, size, text) = await PrintAsync($"/supplies/demandletter/{id}", "demand-memo");

        AssertOneA4Page(pages, size);
        Assert.Contains("บันทึกข้อความ", text, StringComparison.Ordinal);
        Assert.Contains("เรียน นางสาวมาลี สุขใจ", Squeezed(text), StringComparison.Ordinal);
        AssertSignatureWhole(text, "(นายสมบูรณ์ ใจงาม)", "ปฏิบัติราชการแทนนายกเทศมนตรีตำบลแม่คือ");
    }

    [Fact]
    public async Task CompensationNotice_PrintsOnOneA4PageWithTheAmountInThaiWords()
    {
        await LetterSetup.UseLetterSettingsAsync(browser.App);
        var (_, caseId) = await LetterSetup.ConfirmedPaymentAsync(browser.App, 1_121.25m);

        var (pages, size, text) = await PrintAsync($"/supplies/compensationnotice/{caseId}", "compensation-notice");

        AssertOneA4Page(pages, size);
        var squeezed = Squeezed(text);
        Assert.Contains($"เรียน {LetterSetup.Honey}", squeezed, StringComparison.Ordinal);
        Assert.Contains("หนึ่งพันหนึ่งร้อยยี่สิบเอ็ดบาทยี่สิบห้าสตางค์", squeezed.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("๑,๑๒๑.๒๕", squeezed, StringComparison.Ordinal);
        AssertSignatureWhole(text, "ขอแสดงความนับถือ", "(นางสาวใจดี รักเทศบาล)", "ผู้อำนวยการกองคลัง");
        Assert.DoesNotContain("บันทึกการรับชดใช้", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// On a phone the A4 sheet is shown whole, scaled to the screen, not cut off at its right edge behind a sideways
    /// scroll (seen at 390 px: the sheet was 794 px wide); printing stays A4 (the tests above).
    /// </summary>
    [Theory]
    [InlineData(390)]
    [InlineData(768)]
    public async Task LetterAndNotice_OnAPhoneOrTablet_ShowTheWholeSheetWithoutSidewaysScroll(int width)
    {
        await LetterSetup.UseLetterSettingsAsync(browser.App);
        var id = await LetterSetup.OverdueOutsiderLoanAsync(browser.App);
        var (_, caseId) = await LetterSetup.ConfirmedPaymentAsync(browser.App, 500m);
        var page = await browser.NewPageAsync(width, 900);
        await browser.SignInAsync(page, Demo.Officer);

        foreach (var url in new[] { $"/supplies/demandletter/{id}", $"/supplies/compensationnotice/{caseId}" })
        {
            await page.GotoAsync($"{browser.BaseUrl}{url}");
            var measured = await page.EvaluateAsync<double[]>("() => [document.documentElement.scrollWidth, document.querySelector('.sheet').getBoundingClientRect().right]");
            var (scroll, sheetRight) = (measured[0], measured[1]);
            Assert.True(scroll <= width && sheetRight <= width, $"{url} at {width} px: page {scroll} px wide, sheet ends at {sheetRight} px");
        }

        await BrowserFixture.ScreenshotAsync(page, $"notice-on-{width}px");
    }

    private async Task<(int Pages, string Size, string Text)> PrintAsync(string url, string name)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}{url}");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf);
        var info = Run("pdfinfo", path).Split('\n');
        var pages = int.Parse(info.Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
        var size = info.Single(l => l.StartsWith("Page size:", StringComparison.Ordinal));
        return (pages, size, Run("pdftotext", $"-layout {path} -"));
    }

    private async Task<double> EmblemHeightCmAsync(string url)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}{url}");
        return await page.EvaluateAsync<double>("() => document.querySelector('img.emblem').getBoundingClientRect().height") / 96 * 2.54;
    }

    private static void AssertOneA4Page(int pages, string size)
    {
        Assert.Equal(1, pages);
        Assert.EndsWith("(A4)", size.Trim(), StringComparison.Ordinal);
    }

    /// <summary>Every line of the signature block is on the (single) page, in order.</summary>
    private static void AssertSignatureWhole(string text, params string[] lines)
    {
        var squeezed = Squeezed(text);
        var at = 0;
        foreach (var line in lines)
        {
            var found = squeezed.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{line}' missing after position {at} in:\n{text}");
            at = found + line.Length;
        }
    }

    private static string Squeezed(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
