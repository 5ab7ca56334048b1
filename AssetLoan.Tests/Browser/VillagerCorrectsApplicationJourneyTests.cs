using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// Issue 16 §2a on a 390 px phone: the supplies desk sends a villager's application back; the villager opens the
/// private tracking link, lowers the chairs, types a new due date by hand in พ.ศ., proves it is them with the phone
/// number (a wrong one first), and resubmits under the same number. Screenshots: screenshots/selfserve-*.png.
/// </summary>
public sealed class VillagerCorrectsApplicationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // The tracking page asks for the phone in each form (correct, notices, cancel): the journey types it where it acts.
    private const string ResubmitForm = "form[action*='handler=Resubmit']";

    [Fact]
    public async Task Villager_CorrectsASentBackApplicationOnAPhone_ResubmitsUnderTheSameNumber()
    {
        // Filed as the public form files it (its own journey is PublicApplicationJourneyTests), then sent back by the desk.
        var app = browser.App;
        var phone = PublicApplication.NewPhone();
        var token = "selfserve-" + Guid.NewGuid().ToString("N");
        var chairsId = await LoanSetup.ItemIdAsync(app, PublicApplication.Chairs);
        var reference = await app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(BorrowerKind.Person, "นางบัวผัน ทองดี", new BorrowerContact(AssetLoan.Web.Pages.Apply.ThaiPhone.Normalize(phone)!, null, "9", "2", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานบำเพ็ญกุศลศพ", "ศาลาประชาคม หมู่ 3", true, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 7),
                [new RequestedLine(chairsId, 50)], TrackingToken: token);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(AssetLoan.Web.Pages.Apply.IndexModel.ApplicantActorName), ApprovalPolicy.Default, LoanSetup.Today(app), now, default);
            var tracked = await db.Loans.Whole().SingleAsync(l => l.Id == loan.Id);
            tracked.SendBack(await PublicApplication.ActorAsync(db, Demo.Officer), "เก้าอี้ว่างไม่พอ กรุณาลดเหลือ 30 ตัว และคืนวันอังคารแทน", now);
            await db.SaveChangesAsync();
            return loan.Reference;
        });

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/track/{token}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("ส่งกลับให้แก้ไข");
        await Assertions.Expect(page.Locator("#decision-reason")).ToContainTextAsync("ลดเหลือ 30 ตัว");
        await page.GetByLabel(PublicApplication.Chairs, new() { Exact = true }).FillAsync("30");
        var due = page.GetByLabel("วันที่ส่งคืน", new() { Exact = true });
        await due.FillAsync("");
        await due.PressSequentiallyAsync("08/12/2569");
        await page.Locator(ResubmitForm).GetByLabel("เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ").FillAsync("081-000-0000");
        await BrowserFixture.ScreenshotAsync(page, "selfserve-1-correcting-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขออีกครั้ง", Exact = true }).ClickAsync();

        // A wrong number: refused beside the field, everything typed is still there.
        await Assertions.Expect(page.Locator("[data-valmsg-for='Fix.Phone']")).ToHaveTextAsync("เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ");
        await Assertions.Expect(page.GetByLabel(PublicApplication.Chairs, new() { Exact = true })).ToHaveValueAsync("30");
        await Assertions.Expect(page.GetByLabel("วันที่ส่งคืน", new() { Exact = true })).ToHaveValueAsync("08/12/2569");
        await BrowserFixture.ScreenshotAsync(page, "selfserve-2-wrong-phone-390");

        await page.Locator(ResubmitForm).GetByLabel("เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขออีกครั้ง", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("ยื่นคำขอแล้ว รอตรวจสอบ");
        await Assertions.Expect(page.Locator("#reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(page.Locator(".resubmit-changes")).ToContainTextAsync("เก้าอี้พลาสติก 50 → 30 ตัว");
        await Assertions.Expect(page.Locator(".resubmit-changes")).ToContainTextAsync("8 ธ.ค. 2569");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขออีกครั้ง", Exact = true })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the tracking page scrolls sideways at 390 px");
        await BrowserFixture.ScreenshotAsync(page, "selfserve-3-resubmitted-390");

        var chairs = await browser.App.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token)
            .SelectMany(l => l.Lines).Where(x => x.ItemName == PublicApplication.Chairs).Select(x => x.Quantity).SingleAsync());
        Assert.Equal(30, chairs);
    }
}
