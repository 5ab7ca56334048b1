using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// The officer's side of a loan in a real browser: handover of two tents and 30 chairs with a drawn signature, the
/// loan falls overdue, a demand is recorded, a partial return with one damaged tent, compensation decided (officer),
/// confirmed (FinanceDirector) and settled (officer), the rest returned, the loan closed. A screenshot per step.
/// </summary>
public sealed class LoanLifeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Officer_HandsOverChasesTakesBackAndSettles_LoanCloses()
    {
        var page = await browser.NewPageAsync();
        var app = browser.App;
        await app.WithDbAsync(async db =>
        {
            await Settings.SetAsync(db, Settings.Keys.PromptPayTarget, "0994000165510", default);
            await db.SaveChangesAsync();
        });
        var id = await app.ApprovedAsync(Demo.Employee, 3, (LoanSetup.Tent, 2), (LoanSetup.Chairs, 30));
        var tents = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == id))
            .Join(db.Assets, u => u.AssetId, a => a.Id, (u, a) => new { a.AssetNumber, a.Tag }).OrderBy(a => a.AssetNumber).ToListAsync());

        // 1. Handover: one tent typed as a number, the other as its tag, Enter as a USB scanner sends it.
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}/supplies/handover/{id}");
        var scan = page.GetByLabel("สแกนหรือพิมพ์หมายเลขครุภัณฑ์ แล้วกด Enter");
        await scan.FillAsync(tents[0].AssetNumber);
        await scan.PressAsync("Enter");
        await scan.FillAsync(tents[1].Tag);
        await scan.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel(tents[0].AssetNumber)).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel(tents[1].AssetNumber)).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("จำนวนที่ส่งมอบ (ตัว)")).ToHaveValueAsync("30");
        await page.GetByLabel("ชื่อผู้รับพัสดุ").FillAsync("นางสาวมาลี สุขใจ");
        await page.GetByLabel("ผู้รับได้ตรวจนับพัสดุตามรายการข้างต้นครบถ้วนและรับไว้แล้ว").CheckAsync();
        await DrawSignatureAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "journey-1-handover");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการส่งมอบ" }).ClickAsync();
        await page.WaitForURLAsync($"**/supplies/slip/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ใบยืมพัสดุ" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "ลายมือชื่อผู้รับ" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey-2-slip");
        Assert.Equal(LoanStatus.HandedOver, await StatusAsync(id));

        // 2. Five days later the loan is overdue; the officer records a demand.
        app.Clock.Advance(TimeSpan.FromDays(5));
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}/supplies/overdue");
        var row = page.Locator($"tr[data-loan='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("3 วัน");
        await BrowserFixture.ScreenshotAsync(page, "journey-3-overdue");
        await row.GetByRole(AriaRole.Link, new() { Name = "บันทึกการทวงถาม" }).ClickAsync();
        await page.GetByLabel("ช่องทาง").SelectOptionAsync(new SelectOptionValue { Label = "โทรศัพท์" });
        await page.GetByLabel("หมายเหตุ (เช่น เลขที่หนังสือ ผลการติดต่อ)").FillAsync("โทรแจ้งผู้ยืม รับปากจะนำมาคืนพรุ่งนี้");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการทวงถาม" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("บันทึกการทวงถาม");
        await BrowserFixture.ScreenshotAsync(page, "journey-4-demand-recorded");
        await page.GotoAsync($"{browser.BaseUrl}/supplies/demandletter/{id}");
        await Assertions.Expect(page.GetByText("ขอให้ส่งคืนพัสดุที่ยืม")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey-4b-demand-letter");

        // 3. Partial return: one tent comes back damaged.
        await page.GotoAsync($"{browser.BaseUrl}/supplies/return/{id}");
        var damagedRow = page.Locator("tr", new() { HasText = tents[0].AssetNumber });
        await damagedRow.GetByLabel("ชำรุด").CheckAsync();
        await damagedRow.GetByRole(AriaRole.Textbox).FillAsync("ผ้าใบหลังคาขาดยาว 40 ซม.");
        await BrowserFixture.ScreenshotAsync(page, "journey-5-partial-return");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการรับคืน" }).ClickAsync();
        await page.WaitForURLAsync($"**/supplies/compensation/{id}");
        Assert.Equal(LoanStatus.PartlyReturned, await StatusAsync(id));

        // 4. The officer decides: pay 2,500 baht with a written basis; the PromptPay QR shows the amount.
        await page.GetByLabel("วิธีชดใช้").SelectOptionAsync("Pay");
        await page.GetByLabel("มูลค่า (บาท)").FillAsync("2500");
        await page.GetByLabel("หลักเกณฑ์/เหตุผล").FillAsync("ราคาเปลี่ยนผ้าใบหลังคาตามใบเสนอราคาร้านค้า");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการพิจารณา" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("คิวอาร์โค้ดพร้อมเพย์") });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.Equal(AssetLoan.Domain.Payments.PromptPay.Payload("0994000165510", 2500m), QrImages.Decode((await qr.GetAttributeAsync("src"))!));
        await BrowserFixture.ScreenshotAsync(page, "journey-6-compensation-decided");

        // 5. The FinanceDirector confirms.
        var director = await browser.NewPageAsync();
        await browser.SignInAsync(director, Demo.Director);
        await director.GotoAsync($"{browser.BaseUrl}/approvals/compensation");
        var reference = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Reference).SingleAsync());
        await director.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(director, "journey-7-director-review");
        await director.GetByRole(AriaRole.Button, new() { Name = "ยืนยัน" }).ClickAsync();
        await Assertions.Expect(director.GetByRole(AriaRole.Status).First).ToContainTextAsync("ยืนยันการชดใช้");

        // 6. The officer records the payment.
        await page.ReloadAsync();
        await page.GetByLabel("จำนวนเงินที่รับ (บาท)").FillAsync("2500");
        await page.GetByLabel("เลขที่ใบเสร็จรับเงิน").FillAsync("บร 0123/2570");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการชดใช้" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("บันทึกการชดใช้แล้ว");
        await BrowserFixture.ScreenshotAsync(page, "journey-8-settled");
        Assert.Equal(LoanStatus.PartlyReturned, await StatusAsync(id));

        // 7. The rest comes back: the other tent scanned, 30 chairs in good condition; the loan closes.
        await page.GotoAsync($"{browser.BaseUrl}/supplies/return/{id}");
        var returnScan = page.GetByLabel("สแกนหรือพิมพ์หมายเลขครุภัณฑ์ที่ส่งคืน แล้วกด Enter");
        await returnScan.FillAsync(tents[1].AssetNumber);
        await returnScan.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tr", new() { HasText = tents[1].AssetNumber }).GetByLabel("สภาพดี")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "จำนวนที่รับคืน เก้าอี้พลาสติก" }).GetByLabel("สภาพดี").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการรับคืน" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("รับคืนครบถ้วนและปิดรายการยืมแล้ว");
        await BrowserFixture.ScreenshotAsync(page, "journey-9-closed");

        Assert.Equal(LoanStatus.Closed, await StatusAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Demands.CountAsync(d => d.LoanId == id)));

        // 8. The borrower sees the steps in her notifications; the auditor finds the trail intact.
        var borrower = await browser.NewPageAsync();
        await browser.SignInAsync(borrower, Demo.Employee);
        await borrower.GotoAsync($"{browser.BaseUrl}/notifications");
        await Assertions.Expect(borrower.GetByText("รับคืนพัสดุตามคำขอเลขที่", new() { Exact = false }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(borrower, "journey-10-borrower-notifications");
        var auditor = await browser.NewPageAsync();
        await browser.SignInAsync(auditor, Demo.Auditor);
        await auditor.GotoAsync($"{browser.BaseUrl}/audit/verify");
        await Assertions.Expect(auditor.GetByText("บันทึกการตรวจสอบครบถ้วนและไม่ถูกแก้ไข")).ToBeVisibleAsync();
        await auditor.GotoAsync($"{browser.BaseUrl}/audit?entity=Loan&id={id}");
        await BrowserFixture.ScreenshotAsync(auditor, "journey-11-audit");
    }

    private static async Task DrawSignatureAsync(IPage page)
    {
        var canvas = page.Locator("[data-signature-pad] canvas");
        // A person scrolls to the pad before signing; the mouse cannot draw outside the viewport.
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height * 0.7f);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 12; i++)
        {
            await page.Mouse.MoveAsync(box.X + 20 + i * 25, box.Y + box.Height * (i % 2 == 0 ? 0.3f : 0.7f));
        }

        await page.Mouse.UpAsync();
    }

    private Task<LoanStatus> StatusAsync(int id) =>
        browser.App.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());
}
