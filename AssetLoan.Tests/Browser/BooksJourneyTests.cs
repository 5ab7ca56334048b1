using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>The books as the auditor sees them: the dashboard's charts drawn beside their tables, the register printed on A4 landscape.</summary>
public sealed class BooksJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Auditor_OpensTheDashboard_ChartsAreDrawnBesideTheirTables(int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        await browser.SignInAsync(page, Demo.Auditor);

        await page.GotoAsync($"{browser.BaseUrl}/reports/dashboard");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "การติดตามทวงถาม (ข้อ ๒๑๑)" })).ToBeVisibleAsync();
        var charts = page.Locator("canvas[data-chart]");
        Assert.Equal(5, await charts.CountAsync());
        // Chart.js sizes and draws each canvas; an undrawn canvas keeps the default 300×150 bitmap and no chart instance.
        var drawn = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => window.Chart.getChart(c)).length");
        Assert.Equal(5, drawn);
        Assert.Equal(5, await page.Locator("table[data-table]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, $"books-dashboard-{width}");
    }

    [Fact]
    public async Task Auditor_PrintsTheRegister_OnA4Landscape()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Demo.Auditor);
        await page.GotoAsync($"{browser.BaseUrl}/reports/register?fy=2570");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ทะเบียนคุมการยืมพัสดุ ปีงบประมาณ 2570" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "books-register-1280");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        var boxes = PdfFacts.MediaBoxes(pdf);
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b =>
        {
            Assert.Equal(PdfFacts.Points(297), b.Width, 1.0);
            Assert.Equal(PdfFacts.Points(210), b.Height, 1.0);
        });
        Assert.False(await page.Locator("form[role=search]").IsVisibleAsync());
    }
}
