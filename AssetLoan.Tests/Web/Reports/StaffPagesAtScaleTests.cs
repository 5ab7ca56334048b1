using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>
/// Issue 15: at a million loans /reports/dashboard cost 680 ms and 2.3 MB a request (every item's utilisation, every
/// followed-up loan's link), the register 187 ms (its totals), /loans/all 33 ms and /assets 15 ms (their counts). The
/// dashboard shows the most used items and the first loans of each outcome with their counts; each page keeps what
/// walks the whole year or registry until the next write through the app (never past it).
/// </summary>
public sealed class StaffPagesAtScaleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int Count(AngleSharp.Dom.IDocument doc, string status) =>
        int.Parse(doc.QuerySelector($"table[data-table=status] tr[data-status={status}] td.text-end")?.TextContent.Replace(",", "", StringComparison.Ordinal) ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Any save through the app's DbContext (here a pool's count set one higher): it bumps the data version.</summary>
    private Task SaveThroughTheAppAsync() => app.WithDbAsync(async db =>
    {
        var item = await db.CatalogueItems.FirstAsync(c => c.TrackingMode == TrackingMode.Pooled);
        item.SetPool(item.PoolQuantity + 1, item.PoolUnitPrice, item.PoolAcquiredOn ?? new DateOnly(2025, 1, 1));
        await db.SaveChangesAsync();
    });

    /// <summary>A loan of this fiscal year (the test clock's, 2570) that is not cancelled yet, and its status.</summary>
    private Task<(int Id, string Status)> LoanToCancelAsync() => app.WithDbAsync(async db =>
    {
        var loan = await db.Loans.Where(l => l.FiscalYear == 2570 && l.Status != AssetLoan.Domain.Loans.LoanStatus.Cancelled)
            .OrderBy(l => l.Id).Select(l => new { l.Id, l.Status }).FirstAsync();
        return (loan.Id, loan.Status.ToString());
    });

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
        var (id, status) = await LoanToCancelAsync();
        var before = Count(await HtmlForm.GetDocumentAsync(client, "/reports/dashboard"), status);
        Assert.True(before > 0);

        // A change behind the app's back (raw SQL) is not seen: the figures really are kept…
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Loans SET Status = 'Cancelled' WHERE Id = {id}"));
        Assert.Equal(before, Count(await HtmlForm.GetDocumentAsync(client, "/reports/dashboard"), status));

        // …and any save through the app makes the next reader see the year as it is.
        await SaveThroughTheAppAsync();
        Assert.Equal(before - 1, Count(await HtmlForm.GetDocumentAsync(client, "/reports/dashboard"), status));
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

        var (id, _) = await LoanToCancelAsync();
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Loans SET Status = 'Cancelled' WHERE Id = {id}"));
        Assert.Equal(cancelled, await LoansAsync("?fy=2570&status=Cancelled"));

        await SaveThroughTheAppAsync();
        Assert.Equal(cancelled + 1, await LoansAsync("?fy=2570&status=Cancelled"));
        Assert.Equal(all, await LoansAsync("?fy=2570"));
    }

    [Fact]
    public async Task TheLoanListAndRegistryCounts_AreKeptUntilTheNextWriteThroughTheApp()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        async Task<string> StatusAsync(string url) => System.Text.RegularExpressions.Regex.Match(
            (await HtmlForm.GetDocumentAsync(client, url)).QuerySelector("main p[role=status]")!.TextContent, @"พบ (\S+) รายการ").Groups[1].Value;
        var loans = await StatusAsync("/loans/all?status=Cancelled");
        var assets = await StatusAsync("/assets?status=all");

        var (id, _) = await LoanToCancelAsync();
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Loans SET Status = 'Cancelled' WHERE Id = {id}"));
        var asset = await app.WithDbAsync(db => db.Assets.Select(a => a.Id).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO Assets (CatalogueItemId, AssetNumber, Tag, AcquiredOn, Price, Location, Condition, Status, Version) SELECT CatalogueItemId, AssetNumber || '-raw', 'RAWTAG', AcquiredOn, Price, Location, Condition, 'Available', 1 FROM Assets WHERE Id = {asset}"));
        Assert.Equal(loans, await StatusAsync("/loans/all?status=Cancelled"));
        Assert.Equal(assets, await StatusAsync("/assets?status=all"));

        await SaveThroughTheAppAsync();
        Assert.NotEqual(loans, await StatusAsync("/loans/all?status=Cancelled"));
        Assert.NotEqual(assets, await StatusAsync("/assets?status=all"));
    }
}
