using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// domain.md §5: "two approvals can never lend the same unit or more than the pool holds". Twenty directors' sessions
/// approve at the same instant through the real HTTP pipeline; the reservation transaction lets exactly as many
/// through as there are units, and every other approver is told in Thai that the items are gone.
/// </summary>
public sealed class ApprovalConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Gone = "พัสดุไม่เพียงพอแล้ว";

    [Fact]
    public async Task TwentyApprovals_PoolCountedDownToFive_ExactlyFiveSucceed()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "เก้าอี้ไม้ (ทดสอบแข่งอนุมัติ)", 20);
        var loans = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], today.AddDays(3), today.AddDays(4));
            await LoanSetup.CheckAsync(app, id);
            loans.Add(id);
        }

        // The annual stock count finds only 5 chairs left.
        await app.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == pool);
            item.SetPool(5, item.PoolUnitPrice, item.PoolAcquiredOn);
            await db.SaveChangesAsync();
        });

        var results = await ApproveAllAtOnceAsync(loans);

        AssertExactlyFiveApproved(results);
        var statuses = await app.WithDbAsync(db => db.Loans.Where(l => loans.Contains(l.Id)).Select(l => l.Status).ToListAsync());
        Assert.Equal(5, statuses.Count(s => s == LoanStatus.Approved));
        Assert.Equal(15, statuses.Count(s => s == LoanStatus.Checked));
    }

    [Fact]
    public async Task TwentyApprovals_ReservedUnitsMostlySentForRepair_ExactlyFiveSucceed()
    {
        var today = LoanSetup.Today(app);
        var item = await LoanSetup.NewNumberedAsync(app, "วิทยุสื่อสาร (ทดสอบแข่งอนุมัติ)", 20, "RAD-");
        var loans = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var id = await LoanSetup.SubmitOutsiderAsync(app, [(item, 1)], today.AddDays(3), today.AddDays(4));
            await LoanSetup.CheckAsync(app, id);
            loans.Add(id);
        }

        // Fifteen of the reserved radios fail their check and go for repair before anyone approves.
        await app.WithDbAsync(async db =>
        {
            foreach (var unit in await db.Assets.Where(a => a.CatalogueItemId == item).OrderBy(a => a.AssetNumber).Skip(5).ToListAsync())
            {
                unit.SetStatus(AssetStatus.UnderRepair);
            }

            await db.SaveChangesAsync();
        });

        var results = await ApproveAllAtOnceAsync(loans);

        AssertExactlyFiveApproved(results);
        var approvedUnits = await app.WithDbAsync(db => db.Loans.Where(l => loans.Contains(l.Id) && l.Status == LoanStatus.Approved)
            .SelectMany(l => l.Lines.SelectMany(x => x.Units)).Select(u => u.AssetNumber).ToListAsync());
        Assert.Equal(["RAD-0001", "RAD-0002", "RAD-0003", "RAD-0004", "RAD-0005"], approvedUnits.Order());
    }

    /// <summary>Twenty separately signed-in director sessions load the review page, then all press "อนุมัติ" at once.</summary>
    private async Task<(HttpStatusCode Status, string Body)[]> ApproveAllAtOnceAsync(IReadOnlyList<int> loans)
    {
        var clients = await Task.WhenAll(loans.Select(_ => app.CreateClientAsAsync(Demo.Director)));
        var forms = await Task.WhenAll(loans.Select((id, i) => HtmlForm.LoadAsync(clients[i], $"/approvals/review/{id}", "form[action*='handler=Approve']")));
        var gate = new TaskCompletionSource();
        var posts = forms.Select(async (form, i) =>
        {
            await gate.Task;
            var response = await form.SubmitAsync(clients[i]);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(posts);
    }

    private static void AssertExactlyFiveApproved((HttpStatusCode Status, string Body)[] results)
    {
        Assert.Equal(5, results.Count(r => r.Status == HttpStatusCode.Redirect));
        var refused = results.Where(r => r.Status != HttpStatusCode.Redirect).ToList();
        Assert.Equal(15, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.Contains(Gone, r.Body, StringComparison.Ordinal);
        });
    }
}
