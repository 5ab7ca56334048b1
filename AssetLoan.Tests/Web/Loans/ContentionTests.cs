using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Issue 11 §8, contention at scale: 200 posts at the same instant through the HTTP pipeline — 196 approvals over three
/// overlapping periods and 4 handovers of loans already approved — compete for a pool that a stock count cut to 10 chairs. Four are already
/// committed and all three periods share one day, so exactly six approvals can succeed; the handovers must all go
/// through; nothing is ever lent beyond 10 on any day; every refusal is a page with a Thai message, never a 500.
/// </summary>
public abstract class ContentionTestsBase<TFactory>(TFactory app)
    where TFactory : AppFactory
{
    private const string Gone = "พัสดุไม่เพียงพอแล้ว";

    protected virtual void RequireDatabase()
    {
    }

    [Fact]
    public async Task TwoHundredApprovalsAndHandovers_ForTenChairs_NeverLendMoreThanExist()
    {
        RequireDatabase();
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, $"เก้าอี้ทดสอบแข่ง {typeof(TFactory).Name}", 200);

        // Four loans for today onwards are approved already: they hold 4 of the 10 from today to today + 5.
        var outNow = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], today, today.AddDays(5));
            await LoanSetup.CheckAsync(app, id);
            await LoanSetup.ApproveAsync(app, id);
            outNow.Add(id);
        }

        // 196 checked requests over three periods that all contain today + 3.
        (int From, int To)[] periods = [(1, 3), (2, 4), (3, 5)];
        var waiting = new List<int>();
        for (var i = 0; i < 196; i++)
        {
            var (from, to) = periods[i % 3];
            var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], today.AddDays(from), today.AddDays(to));
            await LoanSetup.CheckAsync(app, id);
            waiting.Add(id);
        }

        // The stock count finds 10 chairs where the registry said 200: the checked requests now compete for what is left.
        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == pool);
            item.SetPool(10, item.PoolUnitPrice, item.PoolAcquiredOn);
            await db.SaveChangesAsync();
        });

        // Ten director sessions and four officer sessions load their forms; then all 200 are posted at once.
        var directors = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.CreateClientAsAsync(Demo.Director)));
        var officers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateClientAsAsync(Demo.Officer)));
        var posts = new List<(HttpClient Client, HtmlForm Form, bool Handover)>();
        for (var i = 0; i < waiting.Count; i++)
        {
            var client = directors[i % directors.Length];
            posts.Add((client, await HtmlForm.LoadAsync(client, $"/approvals/review/{waiting[i]}", "form[action*='handler=Approve']"), false));
        }

        for (var i = 0; i < outNow.Count; i++)
        {
            var form = await HtmlForm.LoadAsync(officers[i], $"/supplies/handover/{outNow[i]}", "#handover-form");
            form.Set("Input.Lines[0].PoolQuantity", "1").Set("Input.ReceiverName", "ผู้รับทดสอบ").Set("Input.Acknowledged", "true");
            posts.Add((officers[i], form, true));
        }

        var gate = new TaskCompletionSource();
        var running = posts.Select(async p =>
        {
            await gate.Task;
            var response = await p.Form.SubmitAsync(p.Client);
            return (p.Handover, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(running);

        Assert.DoesNotContain(results, r => (int)r.StatusCode >= 500);
        Assert.All(results.Where(r => r.Handover), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var approvals = results.Where(r => !r.Handover).ToList();
        Assert.Equal(6, approvals.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(approvals.Where(r => r.StatusCode != HttpStatusCode.Redirect), r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(Gone, r.Body, StringComparison.Ordinal);
        });

        // What the database holds: the four out, six approved, and on no day more than ten committed.
        var held = await app.WithDbAsync(db => db.Loans.Where(l => l.Lines.Any(x => x.CatalogueItemId == pool))
            .Select(l => new { l.Status, l.StartOn, l.DueOn, Quantity = l.Lines.Sum(x => x.Quantity) }).ToListAsync());
        Assert.Equal(4, held.Count(l => l.Status == LoanStatus.HandedOver));
        Assert.Equal(6, held.Count(l => l.Status == LoanStatus.Approved));
        for (var day = today; day <= today.AddDays(6); day = day.AddDays(1))
        {
            var d = day;
            var committed = held.Where(l => l.Status is LoanStatus.Approved or LoanStatus.HandedOver && l.StartOn <= d && l.DueOn >= d).Sum(l => l.Quantity);
            Assert.True(committed <= 10, $"{committed} chairs committed on {d} out of 10");
        }

        var stock = await app.WithDbAsync(db => db.AvailabilityAsync([pool], today.AddDays(3), today.AddDays(3), today, firmOnly: true, excludeLoanId: null, default));
        Assert.Equal(0, stock[pool].FreeQuantity);
    }
}

public sealed class ContentionTests(AppFactory app) : ContentionTestsBase<AppFactory>(app), IClassFixture<AppFactory>;

public sealed class ContentionPostgresTests(PostgresAppFactory app) : ContentionTestsBase<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>
{
    private readonly PostgresAppFactory _app = app;

    protected override void RequireDatabase() => _app.RequireServer();
}
