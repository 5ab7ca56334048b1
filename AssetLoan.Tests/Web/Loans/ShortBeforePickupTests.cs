using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Issue 11 §3: an approved loan whose chairs are still out on an overdue loan is flagged days before pickup, and the
/// borrower and the supplies officers are told once — not at the counter.
/// </summary>
public sealed class ShortBeforePickupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ApprovedLoan_ShortBecauseAnEarlierLoanIsOverdue_BorrowerAndOfficersAreToldOnce()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "เก้าอี้ทดสอบแจ้งล่วงหน้า", 3);
        var spare = await LoanSetup.NewPoolAsync(app, "โต๊ะทดสอบแจ้งล่วงหน้า", 3);

        // A villager has all three chairs until tomorrow.
        var first = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 3)], today, today.AddDays(1));
        await LoanSetup.CheckAsync(app, first);
        await LoanSetup.ApproveAsync(app, first);
        await LoanSetup.HandOverAsync(app, first);

        // An employee is approved for the three chairs later on, and someone else for tables.
        var later = await LoanSetup.SubmitAsync(app, Demo.Employee, [(pool, 3)], today.AddDays(4), today.AddDays(5));
        await LoanSetup.EndorseAsync(app, later);
        await LoanSetup.CheckAsync(app, later);
        await LoanSetup.ApproveAsync(app, later);
        var unaffected = await LoanSetup.SubmitOutsiderAsync(app, [(spare, 2)], today.AddDays(4), today.AddDays(5));
        await LoanSetup.CheckAsync(app, unaffected);
        await LoanSetup.ApproveAsync(app, unaffected);

        // The chairs are not back: three days on, the first loan is overdue and the employee's pickup is near.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var jobs = app.Services.GetRequiredService<DailyJobs>();
        var run = await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);
        await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(1, run.ShortBeforePickup);
        var notices = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.TemplateKey == NotificationTemplates.ShortBeforePickup || n.TemplateKey == NotificationTemplates.ActShortBeforePickup)
            .Select(n => new { n.LoanId, n.TemplateKey, n.Channel, n.ToAddress, n.UserId, n.Subject, n.Body }).ToListAsync());
        Assert.All(notices, n => Assert.Equal(later, n.LoanId));
        var email = Assert.Single(notices, n => n.TemplateKey == NotificationTemplates.ShortBeforePickup && n.Channel == NotificationChannel.Email);
        Assert.Equal(Demo.Employee, email.ToAddress);
        Assert.Contains("อาจไม่พร้อมส่งมอบ", email.Body, StringComparison.Ordinal);
        var officers = await app.WithDbAsync(db => (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == "SuppliesOfficer"
            select u.Id).Distinct().ToListAsync());
        Assert.Equal(officers.Order(), notices.Where(n => n.TemplateKey == NotificationTemplates.ActShortBeforePickup).Select(n => n.UserId!).Order());

        // The officer's desk shows the same loan flagged.
        var desk = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Officer), "/supplies");
        var row = desk.QuerySelector($"#handover-today a[href='/loans/{later}'], #upcoming a[href='/loans/{later}']")!.Closest("tr")!;
        Assert.Contains("เก้าอี้ทดสอบแจ้งล่วงหน้า", row.QuerySelector("[data-shelf-conflict]")!.TextContent, StringComparison.Ordinal);
    }

}

/// <summary>Its own app: the class above counts every notice of its kind.</summary>
public sealed class ShortBeforePickupOnceTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// A villager who left no e-mail gets no notice row of their own; the officers must still be told once, not again
    /// every morning (the job used to look only for the borrower's row).
    /// </summary>
    [Fact]
    public async Task OutsiderWithoutEmail_OfficersAreToldOnceNotEveryDay()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "เต็นท์ทดสอบแจ้งครั้งเดียว", 2);
        var first = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 2)], today, today.AddDays(1));
        await LoanSetup.CheckAsync(app, first);
        await LoanSetup.ApproveAsync(app, first);
        await LoanSetup.HandOverAsync(app, first);
        var later = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 2)], today.AddDays(6), today.AddDays(7));
        await LoanSetup.CheckAsync(app, later);
        await LoanSetup.ApproveAsync(app, later);
        var jobs = app.Services.GetRequiredService<DailyJobs>();

        app.Clock.Advance(TimeSpan.FromDays(3));
        await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        var rows = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.LoanId == later && n.TemplateKey == NotificationTemplates.ActShortBeforePickup).Select(n => n.UserId).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Distinct().Count(), rows.Count);
    }
}
