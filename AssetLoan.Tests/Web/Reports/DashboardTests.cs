using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>
/// Issue 15: at a million loans /reports/dashboard cost 680 ms and 2.3 MB a request (every item's utilisation, every
/// followed-up loan's link). It shows the most used items and the first loans of each outcome with their counts, and
/// keeps its figures until the next write through the app.
/// </summary>
public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int Count(AngleSharp.Dom.IDocument doc, string status) =>
        int.Parse(doc.QuerySelector($"table[data-table=status] tr[data-status={status}] td.text-end")?.TextContent.Replace(",", "", StringComparison.Ordinal) ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ManyItems_TheMostUsedAreShown_WithHowManyThereAre()
    {
        await app.WithDbAsync(async db =>
        {
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            for (var i = 1; i <= DashboardModel.UtilisationShown + 5; i++)
            {
                var item = new CatalogueItem(new CatalogueItemDetails($"ม้านั่ง {i:00} {Guid.NewGuid():N}"[..18], category, "ตัว", null, LendingNature.Durable, BudgetClass.Material, BorrowerAudience.Everyone, 7, 5, 0m),
                    TrackingMode.Pooled, Tags.NewTag());
                item.SetPool(5, 100m, new DateOnly(2025, 1, 1));
                db.CatalogueItems.Add(item);
            }

            await db.SaveChangesAsync();
        });
        var items = await app.WithDbAsync(db => db.CatalogueItems.CountAsync(c => !c.Retired));
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var doc = await HtmlForm.GetDocumentAsync(client, "/reports/dashboard");

        Assert.Equal(DashboardModel.UtilisationShown, doc.QuerySelectorAll("table[data-table=utilisation] tr[data-item]").Length);
        Assert.Contains($"จากทั้งหมด {items:N0} รายการ", doc.QuerySelector("[data-utilisation-shown]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFigures_AreKeptUntilTheNextWriteThroughTheApp()
    {
        var client = await app.CreateClientAsAsync(Demo.Director);
        var before = await HtmlForm.GetDocumentAsync(client, "/reports/dashboard");
        var submitted = Count(before, "Submitted");
        Assert.True(submitted > 0, "the demo data has submitted requests in this fiscal year");

        // A change behind the app's back (raw SQL) is not seen: the figures really are kept…
        var id = await app.WithDbAsync(db => db.Loans.Where(l => l.Status == AssetLoan.Domain.Loans.LoanStatus.Submitted).Select(l => l.Id).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Loans SET Status = 'Cancelled' WHERE Id = {id}"));
        Assert.Equal(submitted, Count(await HtmlForm.GetDocumentAsync(client, "/reports/dashboard"), "Submitted"));

        // …and any save through the app makes the next reader see the year as it is.
        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.FirstAsync(c => c.TrackingMode == TrackingMode.Pooled);
            item.SetPool(item.PoolQuantity + 1, item.PoolUnitPrice, item.PoolAcquiredOn ?? new DateOnly(2025, 1, 1));
            await db.SaveChangesAsync();
        });
        Assert.Equal(submitted - 1, Count(await HtmlForm.GetDocumentAsync(client, "/reports/dashboard"), "Submitted"));
    }

    [Fact]
    public async Task TheRegisterTotals_AreKeptPerFilter_UntilTheNextWriteThroughTheApp()
    {
        var client = await app.CreateClientAsAsync(Demo.Auditor);
        async Task<int> LoansAsync(string query) => int.Parse(
            (await HtmlForm.GetDocumentAsync(client, "/reports/register" + query)).QuerySelector("[data-total=loans]")!.TextContent.Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        var all = await LoansAsync("?fy=2570");
        var cancelled = await LoansAsync("?fy=2570&status=Cancelled");

        var id = await app.WithDbAsync(db => db.Loans.Where(l => l.FiscalYear == 2570 && l.Status == AssetLoan.Domain.Loans.LoanStatus.Submitted).Select(l => l.Id).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Loans SET Status = 'Cancelled' WHERE Id = {id}"));
        Assert.Equal(cancelled, await LoansAsync("?fy=2570&status=Cancelled"));

        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.FirstAsync(c => c.TrackingMode == TrackingMode.Pooled);
            item.SetPool(item.PoolQuantity + 1, item.PoolUnitPrice, item.PoolAcquiredOn ?? new DateOnly(2025, 1, 1));
            await db.SaveChangesAsync();
        });
        Assert.Equal(cancelled + 1, await LoansAsync("?fy=2570&status=Cancelled"));
        Assert.Equal(all, await LoansAsync("?fy=2570"));
    }
}
