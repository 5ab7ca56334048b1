using System.Net;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>/catalogue/{id}/calendar (free quantity per day) and /admin/settings (approver per case, loan settings).</summary>
public sealed class CalendarAndSettingsPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Calendar_ShowsThaiMonthSundayFirstAndFreeQuantityPerDay()
    {
        var today = LoanSetup.Today(app); // 25 Nov 2026
        var pool = await LoanSetup.NewPoolAsync(app, "เก้าอี้ไม้ไผ่ (ทดสอบปฏิทิน)", 40);
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 15)], new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4));
        await LoanSetup.CheckAsync(app, id);
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/catalogue/{pool}/calendar?month=2026-12");

        Assert.Equal("ธันวาคม 2569", doc.QuerySelector("#month-title")!.TextContent.Trim());
        Assert.Equal(["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"], doc.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("25", doc.QuerySelector("td[data-day='2026-12-03']")!.GetAttribute("data-free"));
        Assert.Equal("40", doc.QuerySelector("td[data-day='2026-12-05']")!.GetAttribute("data-free"));
        var firstRow = doc.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td");
        Assert.Equal("2026-12-01", firstRow[2].GetAttribute("data-day")); // 1 Dec 2026 is a Tuesday
        Assert.NotNull(doc.QuerySelector("a[href$='month=2026-11']"));
        Assert.NotNull(doc.QuerySelector("a[href$='month=2027-01']"));

        var november = await HtmlForm.GetDocumentAsync(client, $"/catalogue/{pool}/calendar");
        Assert.Equal("พฤศจิกายน 2569", november.QuerySelector("#month-title")!.TextContent.Trim());
        Assert.Contains("today", november.QuerySelector($"td[data-day='{today:yyyy-MM-dd}']")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalogue/99999/calendar")).StatusCode);
    }

    [Fact]
    public async Task Settings_AdminGivesOffPremisesToDirector_DirectorThenSeesThoseRequests()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "ชุดโต๊ะจีน (ทดสอบตั้งค่า)", 10);
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 2)], today.AddDays(5), today.AddDays(5), offPremises: true);
        await LoanSetup.CheckAsync(app, id);
        var director = await app.CreateClientAsAsync(Demo.Director);
        Assert.DoesNotContain($"/approvals/review/{id}", await LinksAsync(director));

        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/settings");
        Assert.Equal(nameof(Role.Executive), form.Value("Input.OffPremisesApprover"));
        var bad = await HtmlForm.ParseAsync(await form.Set("Input.ExpireAfterDays", "99").SubmitAsync(admin));
        Assert.Equal("จำนวนวันต้องอยู่ระหว่าง 0–60 วัน", bad.QuerySelector("span[data-valmsg-for='Input.ExpireAfterDays']")!.TextContent.Trim());

        var response = await form.Set("Input.ExpireAfterDays", "5").Set("Input.OffPremisesApprover", nameof(Role.FinanceDirector)).SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await app.WithDbAsync(db => AssetLoan.Web.Data.Settings.LoadAsync(db, default));
        Assert.Equal(Role.FinanceDirector, settings.Policy.OffPremisesApprover);
        Assert.Equal(5, settings.Policy.ExpireAfterDays);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == AssetLoan.Web.Data.Settings.Keys.OffPremisesApprover)));
        Assert.Contains($"/approvals/review/{id}", await LinksAsync(director));
        var approve = await HtmlForm.LoadAsync(director, $"/approvals/review/{id}", "form[action*='handler=Approve']");
        Assert.Equal(HttpStatusCode.Redirect, (await approve.SubmitAsync(director)).StatusCode);
    }

    private static async Task<List<string?>> LinksAsync(HttpClient client) =>
        (await HtmlForm.GetDocumentAsync(client, "/approvals")).QuerySelectorAll("a[href^='/approvals/review/']").Select(a => a.GetAttribute("href")).ToList();
}
