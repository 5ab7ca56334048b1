using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// The detours people take at the desks, in a real browser: a wrong scan before the right one at handover and return,
/// Back and submit again on a new request and on an approval (each at 1280 and 390 px), a division head who sends a
/// request back without a reason first (390 px), and an outside applicant who follows the request by its reference and
/// cancels it, or asks for more days once it is handed over (390 px). Each test has its own items, so the order
/// the class runs in does not matter. Screenshots: screenshots/desk-detour-*.png.
/// </summary>
public sealed class DeskDetourJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HandoverScan = "สแกนหรือพิมพ์หมายเลขครุภัณฑ์ แล้วกด Enter";
    private const string ReturnScan = "สแกนหรือพิมพ์หมายเลขครุภัณฑ์ที่ส่งคืน แล้วกด Enter";
    private const string OutsiderPhone = "0811111111";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Handover_WrongScansFirst_RefusedBesideTheField_FormKept_ThenTheRightUnit_HandedOver(int width)
    {
        var app = browser.App;
        var tent = $"เต็นท์โดม (ทดสอบสแกนผิด {width})";
        var chairs = $"เก้าอี้พับ (ทดสอบสแกนผิด {width})";
        var prefix = $"DDH{width}-";
        await app.NewNumberedAsync(tent, 3, prefix + "T-");
        var chairsId = await app.NewPoolAsync(chairs, 50);
        await app.NewNumberedAsync($"ลำโพง (ทดสอบสแกนผิด {width})", 1, prefix + "S-");
        var id = await app.ApprovedAsync(Demo.Employee, 2, (tent, 1), (chairs, 30));
        var reserved = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == id))
            .Join(db.Assets, u => u.AssetId, a => a.Id, (u, a) => new { a.AssetNumber, a.Tag }).SingleAsync());
        var otherTent = await app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber.StartsWith(prefix + "T-") && a.AssetNumber != reserved.AssetNumber)
            .OrderBy(a => a.AssetNumber).Select(a => a.AssetNumber).FirstAsync());
        var poolTag = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Id == chairsId).Select(c => c.Tag).SingleAsync());

        var page = await browser.NewPageAsync(width: width, height: width < 500 ? 844 : 900);
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}/supplies/handover/{id}");

        // The officer has already counted 20 chairs (not the 30 approved), noted the tent's state and the receiver.
        await page.GetByLabel("จำนวนที่ส่งมอบ (ตัว)").FillAsync("20");
        await page.Locator("#note-0").FillAsync("ผ้าใบมีรอยเปื้อนเล็กน้อย");
        await page.GetByLabel("ชื่อผู้รับพัสดุ").FillAsync("นายสมหมาย รับของ");
        await page.GetByLabel("ผู้รับได้ตรวจนับพัสดุตามรายการข้างต้นครบถ้วนและรับไว้แล้ว").CheckAsync();

        var scan = page.GetByLabel(HandoverScan);
        var message = page.Locator("[data-valmsg-for='Input.Lines[0].Scan']");
        async Task WrongScanAsync(string scanned, string refusal, string shot)
        {
            await scan.FillAsync(scanned);
            await page.RunAndWaitForResponseAsync(() => scan.PressAsync("Enter"), r => r.Request.Method == "POST");
            await Assertions.Expect(message).ToContainTextAsync(refusal);
            await Assertions.Expect(scan).ToHaveValueAsync(scanned);
            await Assertions.Expect(page.GetByLabel(reserved.AssetNumber)).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("จำนวนที่ส่งมอบ (ตัว)")).ToHaveValueAsync("20");
            await Assertions.Expect(page.Locator("#note-0")).ToHaveValueAsync("ผ้าใบมีรอยเปื้อนเล็กน้อย");
            await Assertions.Expect(page.GetByLabel("ชื่อผู้รับพัสดุ")).ToHaveValueAsync("นายสมหมาย รับของ");
            await Assertions.Expect(page.GetByLabel("ผู้รับได้ตรวจนับพัสดุตามรายการข้างต้นครบถ้วนและรับไว้แล้ว")).ToBeCheckedAsync();
            await BrowserFixture.ScreenshotAsync(page, shot);
            await FitsAsync(page, width);
        }

        // An unknown tag, a unit of another item, another tent that is not reserved for this loan, the chairs' pool tag.
        await WrongScanAsync("ZZ-0000-9999", "ไม่พบครุภัณฑ์นี้ในทะเบียน", $"desk-detour-1-unknown-tag-{width}");
        await WrongScanAsync(prefix + "S-0001", "ครุภัณฑ์นี้ไม่ใช่รายการที่ขอยืม", $"desk-detour-2-other-item-{width}");
        await WrongScanAsync(otherTent, "ครุภัณฑ์นี้ไม่ได้จองไว้สำหรับรายการยืมนี้", $"desk-detour-3-not-reserved-{width}");
        await WrongScanAsync(poolTag, "ป้ายของพัสดุแบบนับจำนวน", $"desk-detour-4-pool-tag-{width}");

        // Then the right tent, by its tag: ticked at once, and the refusal of the wrong scan is gone.
        await scan.FillAsync(reserved.Tag);
        await scan.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel(reserved.AssetNumber)).ToBeCheckedAsync();
        await Assertions.Expect(scan).ToHaveValueAsync("");
        await Assertions.Expect(message).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการส่งมอบ" }).ClickAsync();
        await page.WaitForURLAsync($"**/supplies/slip/{id}");

        await page.GotoAsync($"{browser.BaseUrl}/loans/{id}");
        await Assertions.Expect(page.Locator("[data-status]").First).ToHaveTextAsync("ส่งมอบแล้ว (ระหว่างยืม)");
        await BrowserFixture.ScreenshotAsync(page, $"desk-detour-5-handed-over-{width}");
        var loan = await app.LoanAsync(id);
        Assert.Equal(LoanStatus.HandedOver, loan.Status);
        Assert.Equal(20, loan.Lines.Single(l => l.IsPooled).IssuedQuantity);
        Assert.Equal([reserved.AssetNumber], loan.Lines.Single(l => !l.IsPooled).Units.Where(u => u.IsOut).Select(u => u.AssetNumber));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Return_WrongScansFirst_RefusedBesideTheField_TickedUnitKept_ThenTheRest_Closed(int width)
    {
        var app = browser.App;
        var tent = $"เต็นท์โดม (ทดสอบรับคืนผิด {width})";
        var prefix = $"DDR{width}-T-";
        await app.NewNumberedAsync(tent, 3, prefix);
        var poolId = await app.NewPoolAsync($"เก้าอี้พับ (ทดสอบรับคืนผิด {width})", 10);
        var poolTag = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Id == poolId).Select(c => c.Tag).SingleAsync());
        var id = await app.HandedOverAsync(Demo.Employee, 3, (tent, 2));
        var outUnits = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == id))
            .Join(db.Assets, u => u.AssetId, a => a.Id, (u, a) => a.AssetNumber).OrderBy(n => n).ToListAsync());
        var stayedHome = await app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber.StartsWith(prefix) && !outUnits.Contains(a.AssetNumber))
            .Select(a => a.AssetNumber).SingleAsync());

        var page = await browser.NewPageAsync(width: width, height: width < 500 ? 844 : 900);
        await browser.SignInAsync(page, Demo.Officer);
        await page.GotoAsync($"{browser.BaseUrl}/supplies/return/{id}");
        var scan = page.GetByLabel(ReturnScan);
        var message = page.Locator("[data-valmsg-for='Input.Lines[0].Scan']");
        Task<bool> GoodAsync(string number) => page.Locator("tr", new() { HasText = number }).GetByLabel("สภาพดี").IsCheckedAsync();

        // The first tent comes back and is ticked; then the officer scans a tent that never left, an unknown tag, and a pool's label.
        await scan.FillAsync(outUnits[0]);
        await scan.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tr", new() { HasText = outUnits[0] }).GetByLabel("สภาพดี")).ToBeCheckedAsync();
        foreach (var (scanned, refusal) in new[] { (stayedHome, "ครุภัณฑ์นี้ไม่ได้อยู่ระหว่างการยืมในรายการนี้"), ("ZZ-0000-9998", "ไม่พบครุภัณฑ์นี้ในทะเบียน"), (poolTag, "ป้ายของพัสดุแบบนับจำนวน") })
        {
            await scan.FillAsync(scanned);
            await page.RunAndWaitForResponseAsync(() => scan.PressAsync("Enter"), r => r.Request.Method == "POST");
            await Assertions.Expect(message).ToContainTextAsync(refusal);
            await Assertions.Expect(scan).ToHaveValueAsync(scanned);
            Assert.True(await GoodAsync(outUnits[0]), "the tent ticked before the wrong scan is still ticked");
            Assert.False(await GoodAsync(outUnits[1]));
        }

        await BrowserFixture.ScreenshotAsync(page, $"desk-detour-6-return-wrong-scan-{width}");
        await FitsAsync(page, width);

        // The second tent, by its number: ticked, the refusal gone; the loan closes.
        await scan.FillAsync(outUnits[1]);
        await scan.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tr", new() { HasText = outUnits[1] }).GetByLabel("สภาพดี")).ToBeCheckedAsync();
        await Assertions.Expect(message).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกการรับคืน" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("รับคืนครบถ้วนและปิดรายการยืมแล้ว");
        await BrowserFixture.ScreenshotAsync(page, $"desk-detour-7-returned-{width}");
        Assert.Equal(LoanStatus.Closed, (await app.LoanAsync(id)).Status);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task NewRequest_SubmitBackSubmitAgain_OneRequest_ToldItWasFiled(int width)
    {
        var app = browser.App;
        var chairs = $"เก้าอี้พับ (ทดสอบกดย้อนกลับ {width})";
        await app.NewPoolAsync(chairs, 40);
        var page = await browser.NewPageAsync(width: width, height: width < 500 ? 844 : 900);
        await browser.SignInAsync(page, Demo.Employee);
        await page.GotoAsync($"{browser.BaseUrl}/loans/new");
        async Task FillWhatIsEmptyAsync()
        {
            foreach (var (field, value) in new[] { (page.GetByLabel(chairs, new() { Exact = true }), "12"), (page.GetByLabel("วัตถุประสงค์การยืม"), "ประชุมผู้ปกครองนักเรียน"), (page.GetByLabel("สถานที่นำไปใช้"), "ศูนย์พัฒนาเด็กเล็ก") })
            {
                if (await field.InputValueAsync() is "" or "0")
                {
                    await field.FillAsync(value);
                }
            }
        }

        await FillWhatIsEmptyAsync();
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/loans/\d+$"));
        var first = page.Url;
        var reference = await app.WithDbAsync(db => db.Loans.OrderByDescending(l => l.Id).Select(l => l.Reference).FirstAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"ยื่นคำขอยืมเลขที่ {reference} แล้ว");

        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(u => u.EndsWith("/loans/new", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByLabel("สถานที่นำไปใช้")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"desk-detour-8-new-request-back-{width}");
        await FillWhatIsEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/loans/\d+$"));

        Assert.Equal(first, page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"คำขอนี้ยื่นไว้แล้ว เลขที่ {reference} ไม่ได้ยื่นซ้ำ");
        await BrowserFixture.ScreenshotAsync(page, $"desk-detour-9-new-request-again-{width}");
        await FitsAsync(page, width);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Loans.CountAsync(l => l.Reference == reference)));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Approval_ApproveThenBack_NoSecondApproval_OldTabRefusedInThai_ApprovedOnce(int width)
    {
        var app = browser.App;
        var chairs = $"เก้าอี้พับ (ทดสอบอนุมัติซ้ำ {width})";
        await app.NewPoolAsync(chairs, 40);
        var today = app.Today();
        var id = await app.CheckedBetweenAsync(Demo.Employee, today.AddDays(1), today.AddDays(2), (chairs, 10));
        var reference = (await app.LoanAsync(id)).Reference;

        // The director has the request open in a second tab too, from before the decision.
        var page = await browser.NewPageAsync(width: width, height: width < 500 ? 844 : 900);
        await browser.SignInAsync(page, Demo.Director);
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync($"{browser.BaseUrl}/approvals/review/{id}");
        await page.GotoAsync($"{browser.BaseUrl}/approvals/review/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "อนุมัติ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"อนุมัติคำขอเลขที่ {reference} แล้ว");

        // Back: the browser fetches the review again; it says the request is decided and offers no second approval.
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(u => u.EndsWith($"/approvals/review/{id}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByText("คำขอนี้ไม่อยู่ในขั้นรออนุมัติ")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-status]").First).ToHaveTextAsync("อนุมัติแล้ว");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "อนุมัติ", Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"desk-detour-10-approval-back-{width}");

        // The old tab still shows the form; approving there again is refused in Thai, no 500.
        var again = await stale.RunAndWaitForResponseAsync(
            () => stale.GetByRole(AriaRole.Button, new() { Name = "อนุมัติ", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.True(again.Status < 500, $"approving again answered {again.Status}");
        await Assertions.Expect(stale.Locator(".validation-summary-errors")).ToContainTextAsync("ทำรายการนี้ไม่ได้ในสถานะปัจจุบันของคำขอ");
        await Assertions.Expect(stale.Locator("[data-status]").First).ToHaveTextAsync("อนุมัติแล้ว");
        await BrowserFixture.ScreenshotAsync(stale, $"desk-detour-11-approval-again-old-tab-{width}");
        await FitsAsync(stale, width);

        var loan = await app.LoanAsync(id);
        Assert.Equal(LoanStatus.Approved, loan.Status);
        Assert.Single(loan.History, h => h.Action == LoanAction.Approve);
    }

    [Fact]
    public async Task Endorsement_OnAPhone_EndorseOne_SendAnotherBackWithoutAReasonFirst()
    {
        var app = browser.App;
        const string chairs = "เก้าอี้พับ (ทดสอบเห็นชอบ)";
        var chairsId = await app.NewPoolAsync(chairs, 40);
        var today = app.Today();
        var endorse = await app.SubmitAsync(Demo.Employee, [(chairsId, 5)], today.AddDays(2), today.AddDays(3));
        var sendBack = await app.SubmitAsync(Demo.Employee, [(chairsId, 6)], today.AddDays(4), today.AddDays(5));

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(page, Demo.Head);
        await page.GotoAsync($"{browser.BaseUrl}/endorsements/{endorse}");
        await BrowserFixture.ScreenshotAsync(page, "desk-detour-12-endorse-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "เห็นชอบ", Exact = true }).ClickAsync();
        var endorsedReference = (await app.LoanAsync(endorse)).Reference;
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"เห็นชอบคำขอเลขที่ {endorsedReference} แล้ว");
        Assert.Equal(LoanStatus.Endorsed, (await app.LoanAsync(endorse)).Status);

        await page.GotoAsync($"{browser.BaseUrl}/endorsements/{sendBack}");
        await page.GetByRole(AriaRole.Button, new() { Name = "ส่งกลับให้แก้ไข" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Reason']")).ToContainTextAsync("กรุณาระบุเหตุผล");
        await BrowserFixture.ScreenshotAsync(page, "desk-detour-13-send-back-no-reason-390");
        await FitsAsync(page, 390);
        Assert.Equal(LoanStatus.Submitted, (await app.LoanAsync(sendBack)).Status);

        await page.GetByLabel("เหตุผลที่ส่งกลับให้แก้ไข").FillAsync("ขอให้ระบุจำนวนผู้เข้าร่วมงานในวัตถุประสงค์");
        await page.GetByRole(AriaRole.Button, new() { Name = "ส่งกลับให้แก้ไข" }).ClickAsync();
        var sentBackReference = (await app.LoanAsync(sendBack)).Reference;
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"ส่งคำขอเลขที่ {sentBackReference} กลับให้ผู้ยืมแก้ไขแล้ว");
        var loan = await app.LoanAsync(sendBack);
        Assert.Equal(LoanStatus.SentBack, loan.Status);
        Assert.Equal("ขอให้ระบุจำนวนผู้เข้าร่วมงานในวัตถุประสงค์", loan.DecisionReason);
    }

    [Fact]
    public async Task Outsider_OnAPhone_FollowsByReference_CancelsAfterAWrongPhone_SeesItCancelled()
    {
        var app = browser.App;
        var chairsId = await app.NewPoolAsync("เก้าอี้พับ (ทดสอบยกเลิกทางลิงก์)", 40);
        var today = app.Today();
        var id = await app.SubmitOutsiderAsync([(chairsId, 15)], today.AddDays(3), today.AddDays(4));
        var (reference, token) = await WithTokenAsync(id);

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/track");
        await page.GetByLabel("เลขที่คำขอ").FillAsync(reference.TrimStart('0'));
        await page.GetByLabel("เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ").FillAsync("081-111-1111");
        await page.GetByRole(AriaRole.Button, new() { Name = "ดูความคืบหน้า" }).ClickAsync();
        await page.WaitForURLAsync($"**/track/{token}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("ยื่นคำขอแล้ว รอตรวจสอบ");

        // A wrong phone first: refused beside the field, the reason kept; then the right one.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByLabel("เหตุผลที่ยกเลิก (ถ้ามี)").FillAsync("งานเลื่อนออกไป");
        await page.Locator("#CancelPhone").FillAsync("0899999999");
        await page.GetByRole(AriaRole.Button, new() { Name = "ยกเลิกคำขอ" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='CancelPhone']")).ToContainTextAsync("เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ");
        await Assertions.Expect(page.GetByLabel("เหตุผลที่ยกเลิก (ถ้ามี)")).ToHaveValueAsync("งานเลื่อนออกไป");
        await BrowserFixture.ScreenshotAsync(page, "desk-detour-14-track-wrong-phone-390");
        await page.Locator("#CancelPhone").FillAsync(OutsiderPhone);
        await page.GetByRole(AriaRole.Button, new() { Name = "ยกเลิกคำขอ" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ยกเลิกคำขอเรียบร้อยแล้ว");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("ยกเลิกแล้ว");
        await Assertions.Expect(page.Locator("#decision-reason")).ToHaveTextAsync("งานเลื่อนออกไป");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "ยกเลิกคำขอ" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "desk-detour-15-track-cancelled-390");
        await FitsAsync(page, 390);
        Assert.Equal(LoanStatus.Cancelled, (await app.LoanAsync(id)).Status);
    }

    [Fact]
    public async Task Outsider_OnAPhone_HandedOver_AsksForMoreDays_SeesTheRequestPending()
    {
        var app = browser.App;
        var chairsId = await app.NewPoolAsync("เก้าอี้พับ (ทดสอบขอขยายเวลา)", 40);
        var today = app.Today();
        var id = await app.SubmitOutsiderAsync([(chairsId, 15)], today, today.AddDays(2));
        await app.CheckAsync(id);
        await app.ApproveAsync(id);
        await app.HandOverAsync(id);
        var (_, token) = await WithTokenAsync(id);
        var newDue = today.AddDays(4);

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/track/{token}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("รับพัสดุแล้ว (ระหว่างยืม)");
        await page.GetByLabel("วันส่งคืนใหม่").FillAsync(AssetLoan.Domain.Calendar.ThaiDate.InputText(newDue));
        await page.GetByLabel("เหตุผลที่ขอขยายเวลา").FillAsync("งานศพยังไม่เสร็จ ขอใช้ต่ออีกสองวัน");
        await page.Locator("#Extend_Phone").FillAsync(OutsiderPhone);
        await BrowserFixture.ScreenshotAsync(page, "desk-detour-16-track-extend-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "ส่งคำขอขยายเวลา" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ส่งคำขอขยายเวลาแล้ว รอผู้มีอำนาจพิจารณา");
        await Assertions.Expect(page.Locator("#pending-extension")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "desk-detour-17-track-extension-pending-390");
        await FitsAsync(page, 390);
        Assert.Equal(newDue, (await app.LoanAsync(id)).PendingExtension?.RequestedDueOn);
    }

    /// <summary>Nothing on the page is wider than the screen (no sideways scrolling on a phone).</summary>
    private static async Task FitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide on a {width} px screen");
    }

    /// <summary>The private link the public application would have given (the setup helper files without one).</summary>
    private Task<(string Reference, string Token)> WithTokenAsync(int id) =>
        browser.App.WithDbAsync(async db =>
        {
            var token = "desk" + Guid.NewGuid().ToString("N");
            await db.Database.ExecuteSqlAsync($"UPDATE Loans SET TrackingToken = {token} WHERE Id = {id}");
            return (await db.Loans.Where(l => l.Id == id).Select(l => l.Reference).SingleAsync(), token);
        });
}
