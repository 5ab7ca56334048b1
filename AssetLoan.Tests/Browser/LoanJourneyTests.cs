using System.Globalization;
using System.Text.RegularExpressions;
using AssetLoan.Domain.Calendar;
using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// The whole approval chain in a real browser: an employee asks for two projectors, the division head endorses, the
/// supplies officer checks and reserves, the finance director approves, and the employee sees "อนุมัติแล้ว".
/// Each step leaves a screenshot in screenshots/journey-*.png.
/// </summary>
public sealed partial class LoanJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TwoProjectors_RequestEndorseCheckApprove_EmployeeSeesApproved()
    {
        var tomorrow = ThaiDate.InputText(DateOnly.FromDateTime(AppFactory.DefaultNow.UtcDateTime).AddDays(1));

        // 1. The employee asks for two projectors for tomorrow.
        var employee = await SignedInAsync(Demo.Employee);
        await employee.GotoAsync($"{browser.BaseUrl}/loans/new");
        await employee.GetByLabel("วันที่เริ่มยืม").FillAsync(tomorrow);
        await employee.GetByLabel("วันที่ส่งคืน").FillAsync(tomorrow);
        await employee.GetByLabel("เครื่องฉายภาพ (โปรเจกเตอร์)").FillAsync("2");
        await employee.GetByLabel("วัตถุประสงค์การยืม").FillAsync("อบรมครูผู้ดูแลเด็กเรื่องการใช้สื่อการสอน");
        await employee.GetByLabel("สถานที่นำไปใช้").FillAsync("ห้องประชุมกองการศึกษา");
        await BrowserFixture.ScreenshotAsync(employee, "journey-1-request-form");
        await employee.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await employee.WaitForURLAsync(LoanPage());
        var reference = ReferenceIn(await employee.Locator("h1").InnerTextAsync());
        await Assertions.Expect(employee.Locator("[data-status]")).ToHaveTextAsync("ยื่นคำขอแล้ว");
        await BrowserFixture.ScreenshotAsync(employee, "journey-2-submitted");

        // 2. The division head endorses it.
        var head = await SignedInAsync(Demo.Head);
        await head.GotoAsync($"{browser.BaseUrl}/endorsements");
        await head.GetByRole(AriaRole.Link, new() { Name = $"พิจารณา คำขอ {reference}" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(head, "journey-3-endorse");
        await head.GetByRole(AriaRole.Button, new() { Name = "เห็นชอบ", Exact = true }).ClickAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync($"เห็นชอบคำขอเลขที่ {reference} แล้ว");

        // 3. The supplies officer checks it; two free projectors are already ticked.
        var officer = await SignedInAsync(Demo.Officer);
        await officer.GotoAsync($"{browser.BaseUrl}/supplies");
        await officer.Locator("#to-check tr", new() { HasText = reference }).GetByRole(AriaRole.Link, new() { Name = "ตรวจสอบ", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("input[name='Units']:checked")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(officer, "journey-4-check");
        await officer.GetByRole(AriaRole.Button, new() { Name = "ยืนยันและจองพัสดุ" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync(reference);
        await BrowserFixture.ScreenshotAsync(officer, "journey-5-queue-after-check");

        // 4. The finance director approves (on premises: the director's authority).
        var director = await SignedInAsync(Demo.Director);
        await director.GotoAsync($"{browser.BaseUrl}/approvals");
        await director.GetByRole(AriaRole.Link, new() { Name = $"พิจารณา คำขอ {reference}" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(director, "journey-6-review");
        await director.GetByRole(AriaRole.Button, new() { Name = "อนุมัติ", Exact = true }).ClickAsync();
        await Assertions.Expect(director.GetByRole(AriaRole.Status)).ToContainTextAsync($"อนุมัติคำขอเลขที่ {reference} แล้ว");

        // 5. The employee sees it approved.
        await employee.GotoAsync($"{browser.BaseUrl}/loans");
        var row = employee.Locator("tbody tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("อนุมัติแล้ว");
        await BrowserFixture.ScreenshotAsync(employee, "journey-7-my-requests");
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(employee.Locator("[data-status]")).ToHaveTextAsync("อนุมัติแล้ว");
        await Assertions.Expect(employee.Locator("[data-history-step='Approve']")).ToContainTextAsync("นายสมศักดิ์ รักษ์ทรัพย์");
        await BrowserFixture.ScreenshotAsync(employee, "journey-8-approved-details");
    }

    [Fact]
    public async Task NewRequest_ChangingDates_UpdatesFreeQuantityLive()
    {
        var page = await SignedInAsync(Demo.Employee);
        await page.GotoAsync($"{browser.BaseUrl}/loans/new");
        var tents = page.Locator("tr", new() { HasText = "เต็นท์ ขนาด 3×3 ม." }).Locator("[data-free-for]");
        // The temple's two folding tents are approved from today to today + 2 (demo data): 4 of 6 are free tomorrow.
        await Assertions.Expect(tents).ToHaveTextAsync("4");
        var later = ThaiDate.InputText(DateOnly.FromDateTime(AppFactory.DefaultNow.UtcDateTime).AddDays(10));
        await page.GetByLabel("วันที่เริ่มยืม").FillAsync(later);
        await page.GetByLabel("วันที่ส่งคืน").FillAsync(later);
        await page.GetByLabel("วันที่ส่งคืน").DispatchEventAsync("change");
        await Assertions.Expect(tents).ToHaveTextAsync("6");
        await BrowserFixture.ScreenshotAsync(page, "new-request-live-availability");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, email);
        return page;
    }

    private static string ReferenceIn(string heading) => ReferencePattern().Match(heading).Value;

    private static Regex LoanPage() => LoanPagePattern();

    [GeneratedRegex(@"\d{4}/\d{4}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/loans/\d+$")]
    private static partial Regex LoanPagePattern();
}
