using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Line;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// Issue 16 §3 walked as people do it, against a local fake LINE server: the admin turns LINE on in the settings page
/// (1280 px); a villager links LINE from the tracking link on a 390 px phone (a wrong phone number first); LINE delivers
/// the code to the webhook; the approval then reaches the fake LINE server in Thai. Screenshots: screenshots/line-*.png.
/// </summary>
public sealed class LineJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ChannelToken = "journey-channel-token";
    private const string ChannelSecret = "journey-channel-secret";
    private const string VillagerLine = "U11112222333344445555666677778888";

    [Fact]
    public async Task AdminTurnsLineOn_VillagerLinksFromThePhone_ApprovalArrivesOnLineInThai()
    {
        await using var line = await FakeLineServer.StartAsync(ChannelToken);
        var app = browser.App;

        var admin = await browser.NewPageAsync();
        await browser.SignInAsync(admin, Demo.Admin);
        await admin.GotoAsync($"{browser.BaseUrl}/admin/settings");
        await admin.GetByLabel("ที่อยู่ LINE Messaging API").FillAsync(line.BaseUrl);
        await admin.GetByLabel("Channel access token ของ LINE Official Account").FillAsync(ChannelToken);
        await admin.GetByLabel("Channel secret ของ LINE Official Account").FillAsync(ChannelSecret);
        await admin.GetByRole(AriaRole.Button, new() { Name = "บันทึกการตั้งค่า", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("เปิดใช้อยู่: มี channel access token แล้ว");
        await BrowserFixture.ScreenshotAsync(admin, "line-1-admin-settings-1280");

        var phone = PublicApplication.NewPhone();
        var token = "line-journey-" + Guid.NewGuid().ToString("N");
        var loanId = await app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(BorrowerKind.Person, "นายสมหมาย ใจงาม", new BorrowerContact(AssetLoan.Web.Pages.Apply.ThaiPhone.Normalize(phone)!, null, "12", "4", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานแต่งงานลูกสาว", "บ้านเลขที่ 12 หมู่ 4", true, new DateOnly(2026, 12, 12), new DateOnly(2026, 12, 13),
                [new RequestedLine(await LoanSetup.ItemIdAsync(app, PublicApplication.Chairs), 40)], TrackingToken: token);
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(AssetLoan.Web.Pages.Apply.IndexModel.ApplicantActorName),
                ApprovalPolicy.Default, LoanSetup.Today(app), app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/track/{token}");
        await Assertions.Expect(page.Locator("#line-status")).ToHaveTextAsync("ยังไม่ได้เชื่อมต่อ");
        var notices = page.Locator("#notices-form");
        await notices.GetByLabel("เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ").FillAsync("089-999-9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "ขอรหัสเชื่อมต่อ LINE", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='NoticesPhone']")).ToHaveTextAsync("เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ");
        await Assertions.Expect(page.Locator("#line-code")).ToHaveCountAsync(0);

        await notices.GetByLabel("เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "ขอรหัสเชื่อมต่อ LINE", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#line-code")).ToBeVisibleAsync();
        var code = (await page.Locator("#line-code").TextContentAsync())!.Trim();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the tracking page scrolls sideways at 390 px");
        await BrowserFixture.ScreenshotAsync(page, "line-2-code-390");

        // The villager sends the code to the Official Account; LINE posts it to the webhook, signed with the channel secret.
        using (var http = new HttpClient())
        {
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                destination = "U00000000000000000000000000000000",
                events = new[]
                {
                    new
                    {
                        type = "message", mode = "active", timestamp = 1764039600000, webhookEventId = "01JOURNEY",
                        source = new { type = "user", userId = VillagerLine }, replyToken = "journey-reply",
                        message = new { id = "1", type = "text", text = code },
                    },
                },
            }));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{browser.BaseUrl}{LineWebhook.Path}") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("x-line-signature", LineWebhook.Sign(ChannelSecret, body));
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}");
        }

        Assert.Contains(line.Replies, r => r.ReplyToken == "journey-reply");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#line-status")).ToContainTextAsync("เชื่อมต่อแล้ว");
        await Assertions.Expect(page.Locator("#channel-line")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "line-3-linked-390");

        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.ApproveAsync(app, loanId);
        await app.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime);

        var reference = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loanId).Select(l => l.Reference).SingleAsync());
        var approved = Assert.Single(line.Received, p => p.To == VillagerLine && p.Text.Contains("อนุมัติ", StringComparison.Ordinal));
        Assert.Contains(reference, approved.Text, StringComparison.Ordinal);
        var channels = await app.WithDbAsync(db => db.Notifications.Where(n => n.LoanId == loanId && n.TemplateKey == "Approved" && n.UserId == null).Select(n => n.Channel).ToListAsync());
        Assert.Equal([NotificationChannel.Line], channels);
    }
}
