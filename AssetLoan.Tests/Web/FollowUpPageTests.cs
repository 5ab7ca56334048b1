using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>ข้อ ๒๑๑ follow-up. The tests move the shared fake clock forward, so each makes its own loans first.</summary>
public sealed class FollowUpPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Overdue_ListsDaysOverdueAndDeadline_AndFlagsAMissedDemand()
    {
        var late = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 10));
        var dueOn = await DueOnAsync(late);
        app.Clock.Advance(TimeSpan.FromDays(9));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, "/supplies/overdue");

        var row = doc.QuerySelector($"tr[data-loan='{late}']")!;
        Assert.Contains("table-danger", row.ClassName, StringComparison.Ordinal);
        Assert.Contains(AssetLoan.Domain.Calendar.ThaiDate.Format(FollowUp.DemandDeadline(dueOn)), row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{FollowUp.DaysOverdue(dueOn, Today(), AssetLoan.Domain.Calendar.WorkingCalendar.WeekendsOnly)} วัน", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("เลยกำหนดแล้ว ยังไม่ได้ทวงถาม", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("เก้าอี้พลาสติก 10 ตัว", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demand_Recorded_ClearsTheFlagAndIsInTheHistory()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Tent, 1));
        await AdvanceUntilOverdueAsync(id, 3);
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/demand/{id}", "#demand-form");
        form.Set("Input.Channel", "Phone").Set("Input.Note", "โทรแจ้งผู้ยืมแล้ว รับปากจะคืนพรุ่งนี้");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var demand = await app.WithDbAsync(db => db.Demands.SingleAsync(d => d.LoanId == id));
        Assert.Equal((DemandChannel.Phone, Today(), "นางสาวพัชรี ใจดี"), (demand.Channel, demand.IssuedOn, demand.ByName));
        var list = await HtmlForm.GetDocumentAsync(client, "/supplies/overdue");
        Assert.DoesNotContain("table-danger", list.QuerySelector($"tr[data-loan='{id}']")!.ClassName ?? "", StringComparison.Ordinal);
        var messages = await app.WithDbAsync(db => db.Notifications.Where(n => n.LoanId == id && n.TemplateKey == "Demand").ToListAsync());
        Assert.Contains(messages, m => m.Channel == NotificationChannel.Email && m.ToAddress == Demo.Employee && m.Subject.Contains("ทวงถาม", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demand_DatedInTheFuture_ShowsThaiMessageBesideTheDate()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 2));
        await AdvanceUntilOverdueAsync(id, 2);
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/demand/{id}", "#demand-form");
        form.Set("Input.IssuedOn", AssetLoan.Domain.Calendar.ThaiDate.InputText(Today().AddDays(1)));

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));

        Assert.Contains("วันที่ทวงถามต้องอยู่หลังวันครบกำหนดและไม่เกินวันนี้", doc.QuerySelector("[data-valmsg-for='Input.IssuedOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Demands.CountAsync(d => d.LoanId == id)));
    }

    [Fact]
    public async Task SendReminderNow_QueuesAnEmailAndAnInAppMessage()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 3));
        await AdvanceUntilOverdueAsync(id, 2);
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, "/supplies/overdue", $"tr[data-loan='{id}'] form");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/supplies/overdue", response.Headers.Location!.OriginalString);
        var messages = await app.WithDbAsync(db => db.Notifications.Where(n => n.LoanId == id && n.TemplateKey == NotificationTemplates.Overdue).ToListAsync());
        Assert.Contains(messages, m => m.Channel == NotificationChannel.Email && m.ToAddress == Demo.Employee && m.SentAtUtc == null);
        Assert.Contains(messages, m => m.Channel == NotificationChannel.InApp && m.Subject.Contains("เกินกำหนดส่งคืนพัสดุ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemandLetter_ToStaff_IsAMemoCitingClause211()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Tent, 1), (LoanSetup.Chairs, 4));
        app.Clock.Advance(TimeSpan.FromDays(5));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/demandletter/{id}?number=77");

        var text = doc.QuerySelector("[data-letter]")!.TextContent;
        Assert.Contains("บันทึกข้อความ", text, StringComparison.Ordinal);
        Assert.Contains("ที่\u00a0\u00a0ชม ๕๒๓๐๑/๗๗", text, StringComparison.Ordinal);
        Assert.Contains("เรื่อง\u00a0\u00a0ขอให้ส่งคืนพัสดุที่ยืม", text, StringComparison.Ordinal);
        Assert.Contains("เรียน\u00a0\u00a0นางสาวมาลี สุขใจ", text, StringComparison.Ordinal);
        Assert.Contains("ใบยืมพัสดุ เลขที่", text, StringComparison.Ordinal);
        Assert.Contains("ข้อ ๒๑๑", text, StringComparison.Ordinal);
        Assert.Contains("นายกเทศมนตรีตำบลแม่คือ", text, StringComparison.Ordinal);
        Assert.Contains(AssetLoan.Domain.Calendar.ThaiDate.ThaiDigits(AssetLoan.Domain.Calendar.ThaiDate.FormatLong(Today())), text, StringComparison.Ordinal);
        // Item names are printed in Thai digits too, as on the slip (issue 13 §9).
        Assert.Contains("เต็นท์ ขนาด ๔×๘ ม.", doc.QuerySelector("table.items")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyJobs_ExpireUnpickedLoansAndRemindOncePerDay()
    {
        await app.MoveToOrdinaryWeekAsync();
        var notPickedUp = await app.ApprovedAsync(Demo.Employee, 7, (LoanSetup.Tent, 1));
        var dueTomorrow = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 2));
        var overdue = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 1));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var jobs = app.Services.GetRequiredService<DailyJobs>();

        await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);
        await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(1, await CountAsync(dueTomorrow, NotificationTemplates.DueTomorrow, NotificationChannel.Email));
        Assert.Equal(1, await CountAsync(overdue, NotificationTemplates.Overdue, NotificationChannel.Email));
        Assert.Equal(LoanStatus.Approved, await StatusAsync(notPickedUp));

        app.Clock.Advance(TimeSpan.FromDays(3));
        await jobs.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(LoanStatus.Expired, await StatusAsync(notPickedUp));
        Assert.Equal(2, await CountAsync(overdue, NotificationTemplates.Overdue, NotificationChannel.Email));
        Assert.Empty(await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == notPickedUp)).ToListAsync()));
        Assert.Equal(1, await CountAsync(notPickedUp, "Expired", NotificationChannel.Email));
    }

    /// <summary>
    /// The shared clock's weekday depends on the order the tests ran in, and a loan due on a weekend or holiday is back on
    /// time on the next working day: move on at least <paramref name="days"/>, then until the app's calendar calls it overdue.
    /// </summary>
    private async Task AdvanceUntilOverdueAsync(int id, int days)
    {
        app.Clock.Advance(TimeSpan.FromDays(days));
        var dueOn = await DueOnAsync(id);
        var calendar = await app.WithDbAsync(db => db.WorkingCalendarAsync(default));
        for (var i = 0; i < 10 && !calendar.IsOverdue(dueOn, Today()); i++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.True(calendar.IsOverdue(dueOn, Today()), $"due {dueOn} should be overdue on {Today()}");
    }

    private DateOnly Today() => AssetLoan.Domain.Calendar.BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);

    private Task<DateOnly> DueOnAsync(int id) => app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.DueOn).SingleAsync());

    private Task<LoanStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());

    private Task<int> CountAsync(int loanId, string key, NotificationChannel channel) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.LoanId == loanId && n.TemplateKey == key && n.Channel == channel));
}
