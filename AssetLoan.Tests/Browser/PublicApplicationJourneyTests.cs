using System.Globalization;
using AssetLoan.Domain.Calendar;
using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// The public face in a real browser on a phone-sized window: a citizen with no account applies for two tents and 50
/// chairs for a funeral, trips over a wrong national ID and impossible dates without losing what they typed, gets a
/// reference number and a tracking link; the supplies officer checks, the executive approves (off premises), and the
/// citizen's tracking page shows "อนุมัติแล้ว" with pickup instructions. Screenshots: screenshots/apply-*.png.
/// </summary>
public sealed class PublicApplicationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Tent = "เต็นท์ ขนาด 4×8 ม.";
    private const string Chairs = "เก้าอี้พลาสติก";

    [Fact]
    public async Task Citizen_AppliesForTentsAndChairs_OnAPhone_FollowsItToApproval()
    {
        var today = DateOnly.FromDateTime(AppFactory.DefaultNow.UtcDateTime);
        string Iso(DateOnly d) => ThaiDate.InputText(d);
        var start = today.AddDays(20);

        // 1. A phone-sized window, no account.
        var citizen = await browser.NewPageAsync(width: 390, height: 844);
        await citizen.GotoAsync($"{browser.BaseUrl}/apply");
        await citizen.GetByLabel("ชื่อ–นามสกุล").FillAsync("นายทดสอบ ใจงาม");
        await citizen.GetByLabel("เลขประจำตัวประชาชน 13 หลัก").FillAsync("1101700203451"); // wrong check digit
        await citizen.GetByLabel("เบอร์โทรศัพท์").FillAsync("081-234-5678");
        await citizen.GetByLabel("บ้านเลขที่").FillAsync("99");
        await citizen.GetByLabel("หมู่ที่").FillAsync("4");
        await citizen.GetByLabel("ตำบล").FillAsync("แม่คือ");
        await citizen.GetByLabel("อำเภอ").FillAsync("ดอยสะเก็ด");
        await citizen.GetByLabel("จังหวัด").FillAsync("เชียงใหม่");
        await citizen.GetByLabel("วัตถุประสงค์การยืม (นำไปใช้ในงานใด)").FillAsync("งานฌาปนกิจศพ นางบุญศรี ใจงาม");
        await citizen.GetByLabel("สถานที่นำไปใช้").FillAsync("บ้านเลขที่ 99 หมู่ 4 ตำบลแม่คือ");
        await citizen.GetByLabel("วันที่เริ่มยืม").FillAsync(Iso(start));
        await citizen.GetByLabel("วันที่ส่งคืน").FillAsync(Iso(start.AddDays(-3))); // before the start: impossible
        await citizen.GetByLabel(Tent, new() { Exact = true }).FillAsync("2");
        await citizen.GetByLabel(Chairs, new() { Exact = true }).FillAsync("50");
        await citizen.GetByLabel("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัว", new() { Exact = false }).CheckAsync();

        // 2. A wrong check digit: the page says so beside the field and keeps everything typed.
        await citizen.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#national-id-message")).ToContainTextAsync("เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ");
        await BrowserFixture.ScreenshotAsync(citizen, "apply-1-wrong-id");
        Assert.EndsWith("/apply", citizen.Url, StringComparison.Ordinal);

        // 3. The ID corrected, the server refuses the impossible dates beside the due date, and nothing typed is lost.
        await citizen.GetByLabel("เลขประจำตัวประชาชน 13 หลัก").FillAsync("1101700203450");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Locator("[data-valmsg-for='Input.DueOn']")).ToContainTextAsync("วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม");
        await Assertions.Expect(citizen.GetByLabel("ชื่อ–นามสกุล")).ToHaveValueAsync("นายทดสอบ ใจงาม");
        await Assertions.Expect(citizen.GetByLabel("เลขประจำตัวประชาชน 13 หลัก")).ToHaveValueAsync("1101700203450");
        await Assertions.Expect(citizen.GetByLabel("วัตถุประสงค์การยืม (นำไปใช้ในงานใด)")).ToHaveValueAsync("งานฌาปนกิจศพ นางบุญศรี ใจงาม");
        await Assertions.Expect(citizen.GetByLabel(Tent, new() { Exact = true })).ToHaveValueAsync("2");
        await Assertions.Expect(citizen.GetByLabel(Chairs, new() { Exact = true })).ToHaveValueAsync("50");
        await BrowserFixture.ScreenshotAsync(citizen, "apply-2-impossible-dates");

        // 4. Dates fixed: a reference number and a private tracking link.
        await citizen.GetByLabel("วันที่ส่งคืน").FillAsync(Iso(start.AddDays(2)));
        var acknowledged = citizen.GetByLabel("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัว", new() { Exact = false });
        if (!await acknowledged.IsCheckedAsync())
        {
            await acknowledged.CheckAsync();
        }

        await citizen.GetByRole(AriaRole.Button, new() { Name = "ยื่นคำขอยืม", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync(u => u.EndsWith("/apply/done", StringComparison.Ordinal));
        var reference = (await citizen.Locator("#reference, [data-reference]").First.InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}/25\d\d$", reference);
        await BrowserFixture.ScreenshotAsync(citizen, "apply-3-done");
        var trackingUrl = await citizen.Locator("#tracking-link").GetAttributeAsync("href");
        Assert.Contains("/track/", trackingUrl, StringComparison.Ordinal);
        await citizen.Locator("#tracking-link").ClickAsync();
        await Assertions.Expect(citizen.Locator("#reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("ยื่นคำขอแล้ว รอตรวจสอบ");
        await BrowserFixture.ScreenshotAsync(citizen, "apply-4-tracking-submitted");

        // 5. The supplies officer finds it in the same queue, marked บุคคลภายนอก, and checks it.
        var officer = await SignedInAsync(Demo.Officer);
        await officer.GotoAsync($"{browser.BaseUrl}/supplies");
        var row = officer.Locator("#to-check tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("บุคคลภายนอก");
        await row.GetByRole(AriaRole.Link, new() { Name = "ตรวจสอบ", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("input[name='Units']:checked")).ToHaveCountAsync(2);
        await officer.GetByRole(AriaRole.Button, new() { Name = "ยืนยันและจองพัสดุ" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync(reference);

        // 6. Used off the municipality's premises: the executive approves.
        var mayor = await SignedInAsync(Demo.Mayor);
        await mayor.GotoAsync($"{browser.BaseUrl}/approvals");
        await mayor.GetByRole(AriaRole.Link, new() { Name = $"พิจารณา คำขอ {reference}" }).ClickAsync();
        await mayor.GetByRole(AriaRole.Button, new() { Name = "อนุมัติ", Exact = true }).ClickAsync();
        await Assertions.Expect(mayor.GetByRole(AriaRole.Status)).ToContainTextAsync($"อนุมัติคำขอเลขที่ {reference} แล้ว");

        // 7. The citizen's tracking link now says approved, with where and when to pick up.
        await citizen.ReloadAsync();
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("อนุมัติแล้ว");
        await Assertions.Expect(citizen.Locator("#pickup")).ToContainTextAsync("มารับพัสดุได้ที่ งานพัสดุ กองคลัง");
        await BrowserFixture.ScreenshotAsync(citizen, "apply-5-tracking-approved");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, email);
        return page;
    }
}
