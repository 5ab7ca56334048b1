using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using SuppliesIndex = AssetLoan.Web.Pages.Supplies.IndexModel;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Issue 15: each list of the desk (/supplies) shows its first <see cref="SuppliesIndex.RowsPerList"/> loans, the most
/// urgent first, with its full count; "ดูทั้งหมด" opens the same loans on /loans/all in the same order. Its own factory:
/// the requests it files would be counted by the other desk tests.
/// </summary>
public sealed class SuppliesListCapTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ALongListToCheck_ShowsItsFirstRows_AndTheLinkOpensEveryOne_InTheSameOrder()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "ถังน้ำ (ทดสอบรายการยาว)", 200);
        for (var i = 0; i < SuppliesIndex.RowsPerList + 3; i++)
        {
            await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], today.AddDays(3 + (i % 5)), today.AddDays(9));
        }

        var toCheck = await app.WithDbAsync(db => db.Loans.ToCheck().OrderBy(l => l.StartOn).ThenBy(l => l.Id).Select(l => l.Id).ToListAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var desk = await HtmlForm.GetDocumentAsync(officer, "/supplies");

        Assert.True(toCheck.Count > SuppliesIndex.RowsPerList);
        Assert.Equal(toCheck.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), desk.QuerySelector("[data-count-for='to-check']")!.TextContent.Trim());
        var shown = desk.QuerySelectorAll("#to-check tbody tr").Select(r => r.QuerySelector("a[href^='/loans/']")?.GetAttribute("href")).ToList();
        Assert.Equal(toCheck.Take(SuppliesIndex.RowsPerList).Select(id => $"/loans/{id}"), shown);
        var more = desk.QuerySelector("[data-more-for='to-check']")?.GetAttribute("href");
        Assert.Equal("/loans/all?status=ToCheck&sort=start", more);

        var all = await HtmlForm.GetDocumentAsync(officer, more!);

        Assert.Equal(toCheck.Take(LoanSearch.PageSize).Select(id => $"/loans/{id}"),
            all.QuerySelectorAll("#loan-list tbody a[href^='/loans/']").Select(a => a.GetAttribute("href")).Distinct());
        Assert.Equal("ToCheck", all.QuerySelector("#status option[selected]")?.GetAttribute("value"));
    }
}
