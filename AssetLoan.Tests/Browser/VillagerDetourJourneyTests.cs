using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// A villager on a 390 px phone does what people do: types the dates by hand in พ.ศ., presses
/// "ตรวจสอบจำนวนว่าง" first, then submits, and gets a reference number; the loan is for 25 ธันวาคม 2569, not the year
/// 3112. Screenshots: screenshots/detour-*.png.
/// </summary>
public sealed class VillagerDetourJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Tent = "เต็นท์ ขนาด 4×8 ม.";

    [Fact]
    public async Task Villager_TypesBuddhistDates_ChecksAvailability_ThenSubmits_GetsAReference()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/apply");
        await page.GetByLabel("ชื่อ–นามสกุล").FillAsync("นางสมศรี ทดลองยืม");
        await page.GetByLabel("เลขประจำตัวประชาชน 13 หลัก").FillAsync("1101700203450");
        await page.GetByLabel("เบอร์โทรศัพท์").FillAsync("081-555-2569");
        await page.GetByLabel("บ้านเลขที่").FillAsync("7");
        await page.GetByLabel("ตำบล").FillAsync("แม่คือ");
        await page.GetByLabel("อำเภอ").FillAsync("ดอยสะเก็ด");
        await page.GetByLabel("จังหวัด").FillAsync("เชียงใหม่");
        await page.GetByLabel("วัตถุประสงค์การยืม (นำไปใช้ในงานใด)").FillAsync("งานทำบุญขึ้นบ้านใหม่");
        await page.GetByLabel("สถานที่นำไปใช้").FillAsync("บ้านเลขที่ 7 หมู่ 2");

        // Typed by hand, key by key, as on a phone keyboard.
        await page.GetByLabel("วันที่เริ่มยืม").PressSequentiallyAsync("25/12/2569");
        await page.GetByLabel("วันที่ส่งคืน").PressSequentiallyAsync("26/12/2569");
        await Assertions.Expect(page.GetByLabel("วันที่เริ่มยืม")).ToHaveValueAsync("25/12/2569");

        // The small calendar shows the typed month in พ.ศ. with its Thai name; picking a day writes it back. (The
        // availability for the typed dates loads first and may move the page; the villager taps once it has settled.)
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByLabel("วันที่ส่งคืน").Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "เลือกวันที่จากปฏิทิน" }).ClickAsync();
        var calendar = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(calendar).ToContainTextAsync("ธันวาคม 2569");
        await BrowserFixture.ScreenshotAsync(page, "detour-1-calendar-390");
        await calendar.GetByRole(AriaRole.Button, new() { Name = "27 ธันวาคม 2569" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("วันที่ส่งคืน")).ToHaveValueAsync("27/12/2569");
        await Assertions.Expect(calendar).ToHaveCountAsync(0);

        await page.GetByLabel(Tent, new() { Exact = true }).FillAsync("1");

        // The detour: check availability first. The page comes back at ?handler=Check with everything kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "ตรวจสอบจำนวนว่าง" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("handler=Check", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.Locator("#availability-period")).ToContainTextAsync("25 ธ.ค. 2569");
        await Assertions.Expect(page.GetByLabel("วันที่เริ่มยืม")).ToHaveValueAsync("25/12/2569");
        await Assertions.Expect(page.GetByLabel(Tent, new() { Exact = true })).ToHaveValueAsync("1");
        await BrowserFixture.ScreenshotAsync(page, "detour-2-after-check-390");

        // Then submit: the request is filed, not checked again.
        // The national ID is never restored by the browser (autocomplete off for personal data): the villager types it again.
        var nationalId = page.GetByLabel("เลขประจำตัวประชาชน 13 หลัก");
        if (string.IsNullOrEmpty(await nationalId.InputValueAsync()))
        {
            await nationalId.FillAsync("3100600012348");
        }

        var acknowledged = page.GetByLabel("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัว", new() { Exact = false });
        if (!await acknowledged.IsCheckedAsync())
        {
            await acknowledged.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/apply/done", StringComparison.Ordinal));
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}/2570$", reference);
        await BrowserFixture.ScreenshotAsync(page, "detour-3-done-390");

        await page.Locator("#tracking-link").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("25 ธ.ค. 2569");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("3112");
        await BrowserFixture.ScreenshotAsync(page, "detour-4-tracking-390");
    }

    [Fact]
    public async Task Villager_TypesAChristianEraYear_IsToldBesideTheField_KeepsTheText()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"{browser.BaseUrl}/apply");
        await page.GetByLabel("วันที่เริ่มยืม").PressSequentiallyAsync("25/12/2026");
        await page.GetByLabel("วันที่ส่งคืน").PressSequentiallyAsync("26/12/2569");

        // The check is a form post; the answer is the page the server sends back. This is the first post to a freshly
        // started app (CI of 2329cd2: no answer within the 20 s the message was waited for, with the suite's other
        // browser classes starting beside it), so the test waits for that answer, then for the message.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "ตรวจสอบจำนวนว่าง" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/apply", StringComparison.Ordinal),
            new() { Timeout = 90_000 });

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.StartOn']")).ToContainTextAsync("กรุณากรอกปีเป็น พ.ศ.");
        await Assertions.Expect(page.GetByLabel("วันที่เริ่มยืม")).ToHaveValueAsync("25/12/2026");
        await BrowserFixture.ScreenshotAsync(page, "detour-5-ce-year-refused-390");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
    }

    [Fact]
    public async Task Villager_SubmitsThenGoesBackAndSubmitsAgain_OneRequest()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        var nationalId = AssetLoan.Tests.Builders.PublicApplication.NewNationalId();
        (string Label, string Value)[] fields =
        [
            ("ชื่อ–นามสกุล", "นายกดซ้ำ ย้อนกลับ"), ("เลขประจำตัวประชาชน 13 หลัก", nationalId), ("เบอร์โทรศัพท์", "089-111-2570"),
            ("บ้านเลขที่", "15"), ("ตำบล", "แม่คือ"), ("อำเภอ", "ดอยสะเก็ด"), ("จังหวัด", "เชียงใหม่"),
            ("วัตถุประสงค์การยืม (นำไปใช้ในงานใด)", "งานบวชลูกชาย"), ("สถานที่นำไปใช้", "วัดแม่คือ"),
            ("วันที่เริ่มยืม", "12/12/2569"), ("วันที่ส่งคืน", "13/12/2569"),
        ];
        async Task FillWhatIsEmptyAsync()
        {
            // What the browser did not keep, the villager types again (it never keeps the national ID).
            foreach (var (label, value) in fields)
            {
                var field = page.GetByLabel(label, new() { Exact = true });
                if (string.IsNullOrEmpty(await field.InputValueAsync()))
                {
                    await field.PressSequentiallyAsync(value);
                }
            }

            var chairs = page.GetByLabel("เก้าอี้พลาสติก", new() { Exact = true });
            if (await chairs.InputValueAsync() is "" or "0")
            {
                await chairs.FillAsync("20");
            }

            var acknowledged = page.GetByLabel("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัว", new() { Exact = false });
            if (!await acknowledged.IsCheckedAsync())
            {
                await acknowledged.CheckAsync();
            }
        }

        await page.GotoAsync($"{browser.BaseUrl}/apply");
        await FillWhatIsEmptyAsync();
        var before = await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Loans));
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/apply/done", StringComparison.Ordinal));
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();

        // Back to the form (the browser fetches it again, with a fresh form key), and submit once more.
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(u => u.EndsWith("/apply", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByLabel("ชื่อ–นามสกุล")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "detour-6-back-390");
        await FillWhatIsEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/apply/done", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "detour-7-submitted-again-390");

        Assert.Equal(reference, (await page.Locator("#reference").InnerTextAsync()).Trim());
        await Assertions.Expect(page.Locator("#filed-before")).ToBeVisibleAsync();
        Assert.Equal(before + 1, await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Loans)));
    }
}
