using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AssetLoan.Tests.Web;

public sealed class NotificationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task LoanSteps_QueueThaiMessagesForTheBorrowerAndThePeopleWhoActNext()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));

        var messages = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.LoanId == id).ToListAsync());
        var userIds = await app.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id));
        foreach (var key in new[] { "Submitted", "Endorsed", "Approved", "HandedOver" })
        {
            Assert.Contains(messages, m => m.TemplateKey == key && m.Channel == NotificationChannel.Email && m.ToAddress == Demo.Employee && m.SentAtUtc == null);
            Assert.Contains(messages, m => m.TemplateKey == key && m.Channel == NotificationChannel.InApp && m.UserId == userIds[Demo.Employee]);
        }

        Assert.Contains(messages, m => m.TemplateKey == NotificationTemplates.ActEndorse && m.UserId == userIds[Demo.Head]);
        Assert.Contains(messages, m => m.TemplateKey == NotificationTemplates.ActCheck && m.UserId == userIds[Demo.Officer]);
        Assert.Contains(messages, m => m.TemplateKey == NotificationTemplates.ActApprove && m.UserId == userIds[Demo.Director]);
        Assert.Contains(messages, m => m.TemplateKey == "Approved" && m.Subject.Contains("มารับพัสดุได้", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notifications_ShowsTheBorrowersMessagesWithABadge_AndMarksThemRead()
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 4));
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var page = await HtmlForm.GetDocumentAsync(client, "/notifications");
        var badge = int.Parse(page.QuerySelector("[data-unread]")!.GetAttribute("data-unread")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(badge >= 3);
        Assert.Contains("ได้รับอนุมัติแล้ว มารับพัสดุได้", page.Body!.TextContent, StringComparison.Ordinal);
        var readAll = HtmlForm.From(page, "form[action*='handler=ReadAll']", "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, (await readAll.SubmitAsync(client)).StatusCode);

        var after = await HtmlForm.GetDocumentAsync(client, "/notifications");
        Assert.Null(after.QuerySelector("[data-unread]"));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).SingleAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.Channel == NotificationChannel.InApp && n.ReadAtUtc == null)));
        Assert.True(id > 0);
    }

    [Fact]
    public async Task Notifications_OpenLink_MarksReadAndGoesToTheWork()
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 2));
        var director = await app.CreateClientAsAsync(Demo.Director);
        var page = await HtmlForm.GetDocumentAsync(director, "/notifications");
        var message = await app.WithDbAsync(db => db.Notifications.FirstAsync(n => n.LoanId == id && n.TemplateKey == NotificationTemplates.ActApprove));
        var form = HtmlForm.From(page, $"form[action*='id={message.Id}']", "/notifications").Set("open", "1");

        var response = await form.SubmitAsync(director);

        Assert.Equal("/approvals", response.Headers.Location!.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == message.Id).Select(n => n.ReadAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Notifications_SomeoneElsesMessage_CannotBeMarked()
    {
        var id = await app.ApprovedAsync((LoanSetup.Chairs, 1));
        var employeeMessage = await app.WithDbAsync(db => db.Notifications.FirstAsync(n => n.LoanId == id && n.Channel == NotificationChannel.InApp && n.TemplateKey == "Approved"));
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);
        var page = await HtmlForm.GetDocumentAsync(auditor, "/notifications");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await auditor.PostAsync($"/notifications?handler=Read&id={employeeMessage.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == employeeMessage.Id).Select(n => n.ReadAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Dispatch_WithoutMailHost_WritesEmlFilesToThePickupDirectory()
    {
        var id = await app.ApprovedAsync((LoanSetup.Tent, 1));
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();

        await dispatcher.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        var approved = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.LoanId == id && n.TemplateKey == "Approved" && n.Channel == NotificationChannel.Email));
        Assert.NotNull(approved.SentAtUtc);
        var file = Directory.GetFiles(Path.Combine(app.UploadsPath, "mail"), $"*-{approved.Id}.eml").Single();
        var mime = await MimeMessage.LoadAsync(file);
        Assert.Equal(approved.Subject, mime.Subject);
        Assert.Contains("กรุณามารับพัสดุที่งานพัสดุ กองคลัง", mime.TextBody, StringComparison.Ordinal);
    }
}
