using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// The three lists of loans out on /supplies (out now, due this week, overdue) are read once and divided. Its own factory:
/// the overdue loans it makes would be counted by the overdue list test of <see cref="SuppliesOverdueQueueTests"/>.
/// </summary>
public sealed class SuppliesOutListsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheListsOfLoansOut_EachHoldExactlyItsLoans()
    {
        // Loans out due on every day from a week ago to a fortnight ahead: each is out now; those due by Sunday are due
        // this week; those past their last on-time day (the calendar's) are overdue.
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "ถังน้ำ (ทดสอบรายการระหว่างยืม)", 40);
        var ids = new List<int>();
        for (var d = -7; d <= 14; d += 3)
        {
            var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], today, today.AddDays(20));
            await LoanSetup.CheckAsync(app, id);
            await LoanSetup.ApproveAsync(app, id);
            await LoanSetup.HandOverAsync(app, id);
            var due = today.AddDays(d);
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Loans SET DueOn = {due} WHERE Id = {id}"));
            ids.Add(id);
        }

        var (outNow, calendar) = await app.WithDbAsync(async db => (
            await db.Loans.Out().Select(l => new { l.Id, l.DueOn, l.Status }).ToListAsync(),
            await db.WorkingCalendarAsync(default)));
        var endOfWeek = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7);
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(officer, "/supplies");

        int[] Listed(string list) => [.. ids.Where(id => doc.QuerySelectorAll($"#{list} tbody tr").Any(r => r.InnerHtml.Contains($"/loans/{id}\"", StringComparison.Ordinal))).Order()];
        string Count(string list) => doc.QuerySelector($"[data-count-for='{list}']")!.TextContent.Trim();
        Assert.Equal(ids.Order(), Listed("out-now"));
        Assert.Equal(ids.Where(id => outNow.Single(l => l.Id == id).DueOn is var due && due >= today && due <= endOfWeek).Order(), Listed("due-week"));
        Assert.Equal(ids.Where(id => outNow.Single(l => l.Id == id) is var l && FollowUp.IsOverdue(l.Status, l.DueOn, today, calendar)).Order(), Listed("overdue"));
        Assert.Equal(outNow.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Count("out-now"));
        Assert.Equal(outNow.Count(l => l.DueOn >= today && l.DueOn <= endOfWeek).ToString(System.Globalization.CultureInfo.InvariantCulture), Count("due-week"));
        Assert.Equal(outNow.Count(l => FollowUp.IsOverdue(l.Status, l.DueOn, today, calendar)).ToString(System.Globalization.CultureInfo.InvariantCulture), Count("overdue"));
        Assert.NotEmpty(Listed("overdue"));
    }
}
