using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// The overdue list of /supplies (ข้อ ๒๑๑). Its own factory, because the clock moves forward and a fake clock cannot
/// go back for the other tests.
/// </summary>
public sealed class SuppliesOverdueQueueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Index_OverdueLoan_ShowsDaysOverdueAndDemandDeadline()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "กระติกน้ำแข็ง (ทดสอบเกินกำหนด)", 10);
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], today, today);
        await LoanSetup.CheckAsync(app, id);
        await LoanSetup.ApproveAsync(app, id);
        await LoanSetup.HandOverAsync(app, id);

        app.Clock.Advance(TimeSpan.FromDays(3));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, "/supplies");

        var row = doc.QuerySelectorAll("#overdue tbody tr").Single(r => r.InnerHtml.Contains($"/loans/{id}\"", StringComparison.Ordinal));
        Assert.Contains("3 วัน", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(AssetLoan.Domain.Calendar.ThaiDate.Format(today.AddDays(7)), row.TextContent, StringComparison.Ordinal);
        Assert.Contains(row.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == $"/supplies/return/{id}");
        Assert.Equal("1", doc.QuerySelector("[data-count-for='overdue']")!.TextContent.Trim());

        app.Clock.Advance(TimeSpan.FromDays(5));
        officer = await app.CreateClientAsAsync(Demo.Officer); // the sign-in cookie lives 8 hours on the same clock
        doc = await HtmlForm.GetDocumentAsync(officer, "/supplies");
        row = doc.QuerySelectorAll("#overdue tbody tr").Single(r => r.InnerHtml.Contains($"/loans/{id}\"", StringComparison.Ordinal));
        Assert.Contains("เลยกำหนดทวงถาม", row.TextContent, StringComparison.Ordinal);
    }
}
