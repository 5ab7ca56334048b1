using System.Globalization;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>
/// The dashboard's utilisation counts every loan on loan for some day of the fiscal year so far: handed over within
/// it, or before it and returned within it or still out; not one back before the year began. The loans are read as
/// disjoint date ranges (issue 15: one condition made PostgreSQL walk all history), so each range is exercised here
/// and the unit-days are checked against the domain's own definition.
/// </summary>
public sealed class DashboardUtilisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryLoanOnLoanInTheYear_CountsItsDays_AndNoOther()
    {
        var name = "โต๊ะพับ ทดสอบการใช้งาน";
        var item = await LoanSetup.NewPoolAsync(app, name, 30);
        var first = new DateOnly(2026, 10, 1);
        var today = LoanSetup.Today(app);
        (DateOnly HandedOver, DateOnly? Returned, int Quantity)[] loans =
        [
            (new DateOnly(2026, 9, 20), null, 2), // before the year, still out
            (new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 28), 3), // before the year, back before it: not counted
            (new DateOnly(2026, 9, 25), new DateOnly(2026, 10, 5), 4), // before the year, back within it
            (new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1), 6), // back on the year's first day
            (new DateOnly(2026, 10, 10), new DateOnly(2026, 10, 12), 5), // within, back within
            (new DateOnly(2026, 11, 1), null, 7), // within, still out
        ];
        foreach (var (handedOver, returned, quantity) in loans)
        {
            var id = await app.HandedOverAsync(Demo.Employee, 3, (name, quantity));
            await app.WithDbAsync(db => returned is { } r
                ? db.Database.ExecuteSqlAsync($"UPDATE Loans SET HandedOverOn = {handedOver}, StartOn = {handedOver}, DueOn = {r}, ReturnedOn = {r}, Status = 'Returned' WHERE Id = {id}")
                : db.Database.ExecuteSqlAsync($"UPDATE Loans SET HandedOverOn = {handedOver}, StartOn = {handedOver}, DueOn = {today.AddDays(3)} WHERE Id = {id}"));
        }

        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var row = (await HtmlForm.GetDocumentAsync(client, "/reports/dashboard")).QuerySelector($"table[data-table=utilisation] tr[data-item='{item}']");

        Assert.NotNull(row);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        var counted = loans.Where(l => l.Returned is not { } r || r >= first).ToList();
        var unitDays = counted.Sum(l => (long)Utilisation.DaysOnLoan(l.HandedOver, l.Returned, first, today) * l.Quantity);
        Assert.Equal(counted.Count.ToString(CultureInfo.InvariantCulture), cells[2]);
        Assert.Equal(unitDays.ToString("#,##0", CultureInfo.InvariantCulture), cells[3]);
    }
}
