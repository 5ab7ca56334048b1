using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>
/// One availability truth (domain.md §5, issue 11): a loan out past its due date keeps its items committed until they
/// are back; handover re-checks what it issues and may substitute a unit that is not on the shelf; extensions see
/// every later hold; stale requests expire. Each test makes its own items, so the demo loans and the shared clock of
/// the class do not matter.
/// </summary>
public sealed class AvailabilityTruthTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateOnly Today => BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Handover_PoolStillOutOnOverdueLoan_NeverIssuesMoreThanTheShelfHolds()
    {
        // 300 chairs; loan A has 200 out, due in 3 days, not back; loan B for 150 was approved before A was overdue.
        var chairs = await PoolAsync(300);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(3), (chairs, 200));
        await HandOverAllAsync(a);
        var b = await app.ApprovedBetweenAsync(Demo.Head, t.AddDays(5), t.AddDays(6), (chairs, 150));
        app.Clock.Advance(TimeSpan.FromDays(5));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{b}", "#handover-form");
        var refused = await form.Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Acknowledged", "true").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = (await HtmlForm.ParseAsync(refused)).Body!.TextContent;
        Assert.Contains("พัสดุในคลังไม่พอส่งมอบตามที่อนุมัติ", text, StringComparison.Ordinal);
        Assert.Contains(await ReferenceAsync(a), text, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Approved, await StatusAsync(b));
        Assert.Equal(200, await OutAsync(chairs));

        var issued = await form.Set("Input.Lines[0].PoolQuantity", "100").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal(LoanStatus.HandedOver, await StatusAsync(b));
        Assert.Equal(300, await OutAsync(chairs));
    }

    [Fact]
    public async Task Desk_ApprovedLoanWhosePoolIsStillOutOnAnotherLoan_IsFlaggedBeforeTheHandover()
    {
        // Loan A has 200 of 300 chairs out, due in 3 days; B (150 chairs) was approved for days 5–6; C takes other items.
        var chairs = await PoolAsync(300);
        var tables = await PoolAsync(10);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(3), (chairs, 200));
        await HandOverAllAsync(a);
        var b = await app.ApprovedBetweenAsync(Demo.Head, t.AddDays(5), t.AddDays(6), (chairs, 150));
        var c = await app.ApprovedBetweenAsync(Demo.Head, t.AddDays(5), t.AddDays(6), (tables, 5));
        app.Clock.Advance(TimeSpan.FromDays(4));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var desk = await HtmlForm.GetDocumentAsync(client, "/supplies");

        var rowB = desk.QuerySelector($"#handover-today a[href='/loans/{b}'], #upcoming a[href='/loans/{b}']")!.Closest("tr")!;
        Assert.Contains(chairs, rowB.QuerySelector("[data-shelf-conflict]")!.TextContent, StringComparison.Ordinal);
        var rowC = desk.QuerySelector($"#handover-today a[href='/loans/{c}'], #upcoming a[href='/loans/{c}']")!.Closest("tr")!;
        Assert.Null(rowC.QuerySelector("[data-shelf-conflict]"));
    }

    [Fact]
    public async Task Availability_LoanOutPastDue_StaysCommittedForEveryLaterPeriod()
    {
        var chairs = await PoolAsync(300);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(1), (chairs, 200));
        await HandOverAllAsync(a);
        var id = await ItemIdAsync(chairs);

        var beforeDue = await FreeAsync(id, t.AddDays(10), t.AddDays(11), firmOnly: true);
        app.Clock.Advance(TimeSpan.FromDays(3));
        var afterDue = await FreeAsync(id, Today.AddDays(30), Today.AddDays(31), firmOnly: true);

        Assert.Equal(300, beforeDue);
        Assert.Equal(100, afterDue);
    }

    [Fact]
    public async Task Handover_ReservedUnitStillOut_SubstitutesAFreeUnitAndRecordsIt()
    {
        var (name, units) = await NumberedAsync(3);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(1), (name, 1));
        await HandOverAllAsync(a);
        var b = await app.ApprovedBetweenAsync(Demo.Head, t.AddDays(3), t.AddDays(4), (name, 1));
        var reservedForB = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == b)).Select(u => u.AssetNumber).SingleAsync());
        Assert.Equal(units[0], reservedForB);
        app.Clock.Advance(TimeSpan.FromDays(3));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var page = await HtmlForm.GetDocumentAsync(client, $"/supplies/handover/{b}");
        Assert.Contains("ไม่อยู่ในคลัง", page.Body!.TextContent, StringComparison.Ordinal);
        var form = HtmlForm.From(page, "#handover-form", $"/supplies/handover/{b}").Set("Input.Lines[0].Scan", units[2]);
        var scanned = await HtmlForm.ParseAsync(await form.SubmitAsync(client, $"/supplies/handover/{b}?handler=Scan"));
        Assert.NotNull(scanned.QuerySelector("[data-substitute]"));
        var done = await HtmlForm.From(scanned, "#handover-form", $"/supplies/handover/{b}")
            .Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Acknowledged", "true").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == b);
            Assert.Equal(LoanStatus.HandedOver, loan.Status);
            Assert.Equal([units[2]], loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetNumber));
            var entry = Assert.Single(loan.History, h => h.Summary == Loan.UnitSubstitutedSummary);
            Assert.Equal($"{units[0]} → {units[2]}", entry.Note);
            var substituteId = loan.Lines.SelectMany(l => l.Units).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "LoanUnit" && e.EntityId == substituteId));
            Assert.Equal(AssetStatus.OnLoan, (await db.Assets.SingleAsync(x => x.AssetNumber == units[2])).Status);
        });
    }

    [Fact]
    public async Task Handover_EarlyPickup_OwnReservedUnitsHeldTodayByAnotherLoan_RefusedNamingEachUnitAndItsLoan()
    {
        // Walked in Chromium: loan A holds both units today only; loan B has them reserved from tomorrow, and its pickup
        // window opens today. Handing B over today would lend both units twice today.
        var t = await app.MoveToOrdinaryWeekAsync(DayOfWeek.Wednesday);
        var (name, units) = await NumberedAsync(2);
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t, (name, 2));
        var b = await app.ApprovedBetweenAsync(Demo.Head, t.AddDays(1), t.AddDays(2), (name, 2));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var ids = await app.WithDbAsync(db => db.Assets.Where(x => units.Contains(x.AssetNumber)).Select(x => x.Id).ToListAsync());
        var form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{b}", "#handover-form");
        form.Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Acknowledged", "true");
        foreach (var id in ids)
        {
            form.Add("Input.Lines[0].AssetIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var refused = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = (await HtmlForm.ParseAsync(refused)).Body!.TextContent;
        Assert.Contains("ให้เลือกครุภัณฑ์อื่นแทนหรือส่งมอบในวันเริ่มยืม", text, StringComparison.Ordinal);
        var reference = await ReferenceAsync(a);
        Assert.All(units, u => Assert.Contains($"{u} ({reference})", text, StringComparison.Ordinal));
        Assert.Equal(LoanStatus.Approved, await StatusAsync(b));

        // On its start day (A's day has passed) the officer signs in again and the same handover goes through.
        app.Clock.Advance(TimeSpan.FromDays(1));
        client = await app.CreateClientAsAsync(Demo.Officer);
        form = await HtmlForm.LoadAsync(client, $"/supplies/handover/{b}", "#handover-form");
        form.Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Acknowledged", "true");
        foreach (var id in ids)
        {
            form.Add("Input.Lines[0].AssetIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var done = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith("/supplies/slip/", done.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LoanStatus.HandedOver, await StatusAsync(b));
    }

    [Fact]
    public async Task Extension_LaterCheckedReservationNeedsTheUnit_RefusedNamingIt()
    {
        var (name, _) = await NumberedAsync(1);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(2), (name, 1));
        await HandOverAllAsync(a);
        var later = await app.CheckedBetweenAsync(Demo.Head, t.AddDays(3), t.AddDays(4), (name, 1));
        await RequestExtensionAsync(a, t.AddDays(4));
        var client = await app.CreateClientAsAsync(Demo.Director);

        var form = await HtmlForm.LoadAsync(client, $"/approvals/review/{a}", "form[action*='handler=Extension']");
        var response = await form.Set("approve", "true").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await HtmlForm.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("ช่วงวันที่ขอขยายมีผู้อื่นจองพัสดุไว้แล้ว", text, StringComparison.Ordinal);
        Assert.Contains(await ReferenceAsync(later), text, StringComparison.Ordinal);
        Assert.Equal(t.AddDays(2), await app.WithDbAsync(db => db.Loans.Where(l => l.Id == a).Select(l => l.DueOn).SingleAsync()));
    }

    [Fact]
    public async Task Extension_BeyondMaximumLoanDays_NeedsTheApproversReason()
    {
        var chairs = await PoolAsync(50, maxLoanDays: 3);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(2), (chairs, 5));
        await HandOverAllAsync(a);
        await RequestExtensionAsync(a, t.AddDays(4));
        var client = await app.CreateClientAsAsync(Demo.Director);

        var form = await HtmlForm.LoadAsync(client, $"/approvals/review/{a}", "form[action*='handler=Extension']");
        var refused = await form.Set("approve", "true").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("เกินจำนวนวันยืมสูงสุดของรายการ", (await HtmlForm.ParseAsync(refused)).QuerySelector("[data-valmsg-for='ExtensionOverLimitReason']")!.TextContent, StringComparison.Ordinal);

        var approved = await form.Set("ExtensionOverLimitReason", "งานบุญประจำปียืดเยื้อ นายกสั่งการ").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(t.AddDays(4), await app.WithDbAsync(db => db.Loans.Where(l => l.Id == a).Select(l => l.DueOn).SingleAsync()));
    }

    [Fact]
    public async Task DailyJob_RequestNotApprovedByItsStart_ExpiresReleasesAndTellsTheBorrower()
    {
        var (name, _) = await NumberedAsync(1);
        var t = Today;
        var checkedLoan = await app.CheckedBetweenAsync(Demo.Employee, t.AddDays(1), t.AddDays(2), (name, 1));
        var id = await ItemIdAsync(name);
        Assert.Equal(0, await FreeAsync(id, t.AddDays(2), t.AddDays(2), firmOnly: false));
        app.Clock.Advance(TimeSpan.FromDays(2));

        await app.Services.GetRequiredService<DailyJobs>().RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(LoanStatus.Expired, await StatusAsync(checkedLoan));
        Assert.Equal(1, await FreeAsync(id, Today, Today, firmOnly: false));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.LoanId == checkedLoan && n.TemplateKey == "ExpiredUndecided")));
    }

    [Fact]
    public async Task Review_RequestWhoseStartPassed_ExpiresOnAccessAndCannotBeApproved()
    {
        var chairs = await PoolAsync(20);
        var t = Today;
        var loan = await app.CheckedBetweenAsync(Demo.Employee, t, t.AddDays(1), (chairs, 2));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var client = await app.CreateClientAsAsync(Demo.Director);

        var page = await client.GetAsync($"/approvals/review/{loan}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(LoanStatus.Expired, await StatusAsync(loan));
        Assert.Empty((await HtmlForm.ParseAsync(page)).QuerySelectorAll("form[action*='handler=Approve']"));
    }

    [Theory]
    [InlineData("https://example.go.th/a/{tag}?utm_source=label#top")]
    [InlineData("/qr/{tag}.png?size=4")]
    [InlineData("example.go.th/qr/{lower}.png#x")]
    [InlineData("  {number}  ")]
    [InlineData("{lower}")]
    public async Task FindByScan_EveryFormOfTheLabel_FindsTheUnit(string scanned)
    {
        var (name, numbers) = await NumberedAsync(1);
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.AssetNumber == numbers[0]));
        var text = scanned.Replace("{tag}", asset.Tag, StringComparison.Ordinal).Replace("{lower}", asset.Tag.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{number}", asset.AssetNumber, StringComparison.Ordinal);

        var match = await app.WithDbAsync(db => db.FindByScanAsync(text, default));

        Assert.NotNull(match);
        Assert.Equal(asset.Tag, match.Tag);
        Assert.Equal(asset.Id, match.Asset!.Id);
        Assert.NotNull(name);
    }

    [Fact]
    public async Task ReturnScan_QrImageAddress_TicksTheUnit()
    {
        var (name, numbers) = await NumberedAsync(1);
        var t = Today;
        var a = await app.ApprovedBetweenAsync(Demo.Employee, t, t.AddDays(1), (name, 1));
        await HandOverAllAsync(a);
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(x => x.AssetNumber == numbers[0]));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var form = await HtmlForm.LoadAsync(client, $"/supplies/return/{a}", "#return-form");
        var doc = await HtmlForm.ParseAsync(await form.Set("Input.Lines[0].Scan", $"https://example.go.th/qr/{asset.Tag}.png?size=3").SubmitAsync(client, $"/supplies/return/{a}?handler=Scan"));

        Assert.Empty(doc.QuerySelectorAll("[data-valmsg-for='Input.Lines[0].Scan'] *"));
        Assert.Equal("", doc.QuerySelector("input[name='Input.Lines[0].Scan']")!.GetAttribute("value") ?? "");
    }

    private async Task<string> PoolAsync(int quantity, int maxLoanDays = 7)
    {
        var name = $"เก้าอี้ทดสอบ {Guid.NewGuid():N}"[..24];
        await app.WithDbAsync(async db =>
        {
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            var item = new CatalogueItem(new CatalogueItemDetails(name, category, "ตัว", null, LendingNature.Durable, BudgetClass.Material, BorrowerAudience.Everyone, maxLoanDays, 5, 0m),
                TrackingMode.Pooled, Tags.NewTag());
            item.SetPool(quantity, 150m, Today.AddYears(-1));
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
        });
        return name;
    }

    private async Task<(string Name, IReadOnlyList<string> Numbers)> NumberedAsync(int count)
    {
        var name = $"เต็นท์ทดสอบ {Guid.NewGuid():N}"[..24];
        var prefix = $"T{Guid.NewGuid():N}"[..9];
        var numbers = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:0000}").ToList();
        await app.WithDbAsync(async db =>
        {
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            var item = new CatalogueItem(new CatalogueItemDetails(name, category, "หลัง", null, LendingNature.Durable, BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m),
                TrackingMode.Numbered, Tags.NewTag());
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            db.Assets.AddRange(numbers.Select(n => new Asset(item.Id, n, Tags.NewTag(), new AssetDetails(Today.AddYears(-1), 10_000m, null, "โรงเก็บพัสดุ", null, null))));
            await db.SaveChangesAsync();
        });
        return (name, numbers);
    }

    /// <summary>Hands over everything approved through the same transaction function the handover page calls.</summary>
    private Task HandOverAllAsync(int loanId) => app.WithDbAsync(async db =>
    {
        var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        var issues = loan.Lines.Select(l => new LineIssue(l.Id, l.Units.Select(u => u.AssetId).ToList(), l.IsPooled ? l.Quantity : 0, null)).ToList();
        var officer = await LoanSetup.ActorAsync(db, Demo.Officer);
        await db.HandOverAsync(loan, officer, issues, "ผู้รับพัสดุ", true, null, BangkokTime.Today(nowUtc), nowUtc, await db.WorkingCalendarAsync(default), default);
    });

    private Task RequestExtensionAsync(int loanId, DateOnly newDue) => app.WithDbAsync(async db =>
    {
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        var officer = await LoanSetup.ActorAsync(db, Demo.Officer);
        loan.RequestExtension(officer, newDue, "งานยังไม่แล้วเสร็จ", Today, app.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    });

    private Task<int> ItemIdAsync(string name) => app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private Task<int> FreeAsync(int itemId, DateOnly from, DateOnly to, bool firmOnly) =>
        app.WithDbAsync(async db => (await db.AvailabilityAsync([itemId], from, to, Today, firmOnly, null, default))[itemId].FreeQuantity);

    private Task<int> OutAsync(string name) => app.WithDbAsync(db => db.LoanLines
        .Where(l => db.CatalogueItems.Any(c => c.Id == l.CatalogueItemId && c.Name == name))
        .SumAsync(l => l.IssuedQuantity - l.ReturnedGood - l.ReturnedDamaged - l.ReturnedLost));

    private Task<LoanStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());

    private Task<string> ReferenceAsync(int id) => app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Reference).SingleAsync());

}
