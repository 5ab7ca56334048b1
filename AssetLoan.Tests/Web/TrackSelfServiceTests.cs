using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 16 §1–2 through the real pipeline: an outside borrower, with only the private tracking link and the phone
/// number on file, corrects a sent-back application, asks for more days, and takes the pickup and return days home.
/// </summary>
public sealed partial class TrackSelfServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ResubmitForm = "form[action*='handler=Resubmit']";
    private const string ExtendForm = "form[action*='handler=Extend']";
    private const string CalendarForm = "form[action*='handler=Calendar']";

    [Fact]
    public async Task Resubmit_FewerChairs_KeepsTheNumberAndTheHistorySaysWhatChanged()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var (reference, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: phone));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await SendBackAsync(loanId, "กรุณาลดจำนวนเก้าอี้");

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ResubmitForm);
        form.Quantity(PublicApplication.Chairs, 30).Set("Fix.DueOn", "08/12/2569").Set("Fix.Phone", phone.Replace("-", " ", StringComparison.Ordinal));
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/track/{token}", response.Headers.Location!.ToString());
        var loan = await LoanSetup.LoanAsync(app, loanId);
        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Equal(reference, loan.Reference);
        Assert.Equal(30, loan.Lines.Single(l => l.ItemName == PublicApplication.Chairs).Quantity);
        Assert.Equal(new DateOnly(2026, 12, 8), loan.DueOn);
        Assert.Contains(loan.History, h => h.Action == LoanAction.Resubmit && h.ActorUserId == null);
        var id = loanId.ToString(CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Loan) && e.EntityId == id && e.After!.Contains("Submitted"))));

        var page = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        var changes = page.QuerySelector(".resubmit-changes")!.TextContent;
        Assert.Contains("เก้าอี้พลาสติก 50 → 30 ตัว", changes, StringComparison.Ordinal);
        Assert.Contains("วันที่ 5 ธ.ค. 2569 – 7 ธ.ค. 2569 → 5 ธ.ค. 2569 – 8 ธ.ค. 2569", changes, StringComparison.Ordinal);
        Assert.Equal("ยื่นคำขอแล้ว รอตรวจสอบ", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(ResubmitForm));
    }

    [Fact]
    public async Task Resubmit_WhatChanged_ReadsInEnglishOnAnEnglishScreen()
    {
        // The note is kept in Thai (the office's books, the audit trail) and said again in the reader's language.
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: phone));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await SendBackAsync(loanId, "กรุณาระบุวัตถุประสงค์ให้ชัด");
        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ResubmitForm);
        using var done = await form.Set("Fix.DueOn", "08/12/2569").Set("Fix.Purpose", "งานบวชลูกชาย ที่บ้าน").Set("Fix.Phone", phone).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var english = app.CreateAnonymousClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var changes = (await HtmlForm.GetDocumentAsync(english, $"/track/{token}")).QuerySelector(".resubmit-changes")!.TextContent.Trim();
        Assert.Equal("dates 5 Dec 2026 – 7 Dec 2026 → 5 Dec 2026 – 8 Dec 2026; purpose changed", changes);
        var thai = (await HtmlForm.GetDocumentAsync(client, $"/track/{token}")).QuerySelector(".resubmit-changes")!.TextContent.Trim();
        Assert.Equal("วันที่ 5 ธ.ค. 2569 – 7 ธ.ค. 2569 → 5 ธ.ค. 2569 – 8 ธ.ค. 2569; แก้ไขวัตถุประสงค์", thai);
    }

    [Fact]
    public async Task Resubmit_AddsAnItemAndDropsAnother_TheApplicationCarriesTheNewItems()
    {
        await LoanSetup.NewPoolAsync(app, "โต๊ะพับ (เพิ่มทางลิงก์ติดตาม)", 20);
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: phone));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await SendBackAsync(loanId, "ใช้โต๊ะแทนเต็นท์ได้");

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ResubmitForm);
        Assert.Equal("0", form.Value(PublicApplication.QuantityField(form, "โต๊ะพับ (เพิ่มทางลิงก์ติดตาม)")));
        form.Quantity("โต๊ะพับ (เพิ่มทางลิงก์ติดตาม)", 5).Quantity(PublicApplication.Tent, 0).Set("Fix.Phone", phone);
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, loanId);
        Assert.Equal(new[] { "เก้าอี้พลาสติก", "โต๊ะพับ (เพิ่มทางลิงก์ติดตาม)" }, loan.Lines.Select(l => l.ItemName).Order(StringComparer.Ordinal));
        Assert.Equal(5, loan.Lines.Single(l => l.ItemName.StartsWith("โต๊ะพับ", StringComparison.Ordinal)).Quantity);
        Assert.Contains("โต๊ะพับ (เพิ่มทางลิงก์ติดตาม) 0 → 5 ตัว", loan.History[^1].Note, StringComparison.Ordinal);
        Assert.Contains($"{PublicApplication.Tent} 2 → 0", loan.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resubmit_MoreThanIsFree_RefusedBesideTheQuantityKeepingWhatWasTyped()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: phone));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await SendBackAsync(loanId, "ตรวจสอบจำนวนอีกครั้ง");
        var chairs = await LoanSetup.ItemIdAsync(app, PublicApplication.Chairs);
        var free = await app.WithDbAsync(async db => (await db.AvailabilityAsync([chairs], new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 7),
            LoanSetup.Today(app), firmOnly: false, excludeLoanId: loanId, default))[chairs].FreeQuantity);

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ResubmitForm);
        var field = PublicApplication.QuantityField(form, PublicApplication.Chairs);
        form.Set(field, (free + 1).ToString(CultureInfo.InvariantCulture)).Set("Fix.Phone", phone);
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal($"ช่วงวันที่นี้ว่างเพียง {free} ตัว", doc.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());
        Assert.Equal((free + 1).ToString(CultureInfo.InvariantCulture), doc.QuerySelector($"input[name='{field}']")!.GetAttribute("value"));
        var loan = await LoanSetup.LoanAsync(app, loanId);
        Assert.Equal(LoanStatus.SentBack, loan.Status);
        Assert.Equal(50, loan.Lines.Single(l => l.CatalogueItemId == chairs).Quantity);
    }

    [Fact]
    public async Task WrongPhone_RefusedAuditedAndCountedUntilTheLinkLocks()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: phone));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await SendBackAsync(loanId, "แก้ไขสถานที่");

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ResubmitForm);
        Assert.Contains($"ลงท้ายด้วย {phone[^4..]}", form.Document.QuerySelector("label[for='Fix_Phone']")!.TextContent, StringComparison.Ordinal);
        var wrong = await form.Set("Fix.Place", "วัดบ้านแม่คือ").Set("Fix.Phone", "089-000-0000").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var doc = await HtmlForm.ParseAsync(wrong);
        Assert.Equal("เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ", doc.QuerySelector("[data-valmsg-for='Fix.Phone']")!.TextContent.Trim());
        Assert.Equal("วัดบ้านแม่คือ", doc.QuerySelector("input[name='Fix.Place']")!.GetAttribute("value"));
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        Assert.DoesNotContain(digits, doc.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, doc.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.SentBack, (await LoanSetup.LoanAsync(app, loanId)).Status);
        var id = loanId.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == id && e.Action == TrackingLinkAudit.WrongPhoneAction)));

        for (var i = 1; i < TrackingLinkAudit.WrongPhoneLimit; i++)
        {
            await form.Set("Fix.Phone", "089-000-0000").SubmitAsync(client);
        }

        var locked = await form.Set("Fix.Phone", phone).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("หลายครั้งเกินไป", (await HtmlForm.ParseAsync(locked)).QuerySelector("[data-valmsg-for='Fix.Phone']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.SentBack, (await LoanSetup.LoanAsync(app, loanId)).Status);
    }

    [Fact]
    public async Task Extension_ThroughTheLink_ReachesTheApproverAndIsDecided()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var today = LoanSetup.Today(app);
        var (reference, token) = await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, phone: phone))
            .Set("Input.StartOn", ThaiDate.InputText(today)).Set("Input.DueOn", ThaiDate.InputText(today.AddDays(2))));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.ApproveAsync(app, loanId);
        await LoanSetup.HandOverAsync(app, loanId);

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ExtendForm);
        var asked = await form.Set("Extend.NewDueOn", ThaiDate.InputText(today.AddDays(4))).Set("Extend.Reason", "งานบุญเลื่อนออกไปสองวัน")
            .Set("Extend.Phone", phone).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var waiting = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.NotNull(waiting.QuerySelector("#pending-extension"));
        Assert.Null(waiting.QuerySelector(ExtendForm));

        var mayor = await app.CreateClientAsAsync(Demo.Mayor);
        var queue = await HtmlForm.GetDocumentAsync(mayor, "/approvals");
        Assert.Contains(reference, queue.Body!.TextContent, StringComparison.Ordinal);
        var decision = await HtmlForm.LoadAsync(mayor, $"/approvals/review/{loanId}", "form[action*='handler=Extension']");
        Assert.Contains("งานบุญเลื่อนออกไปสองวัน", decision.Document.Body!.TextContent, StringComparison.Ordinal);
        var decided = await decision.Set("approve", "true").SubmitAsync(mayor);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, loanId);
        Assert.Equal(today.AddDays(4), loan.DueOn);
        Assert.Contains(loan.History, h => h.Action == LoanAction.RequestExtension && h.ActorUserId == null);
        var after = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Contains("อนุมัติขยายเวลายืม", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Display(today.AddDays(4)), after.QuerySelector("#due-on")!.TextContent.Trim());
    }

    [Fact]
    public async Task Extension_NotAfterTheDueDate_RefusedBesideTheDate_TheReasonKept()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var today = LoanSetup.Today(app);
        var (_, token) = await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, phone: phone))
            .Set("Input.StartOn", ThaiDate.InputText(today)).Set("Input.DueOn", ThaiDate.InputText(today.AddDays(2))));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.ApproveAsync(app, loanId);
        await LoanSetup.HandOverAsync(app, loanId);

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ExtendForm);
        var response = await form.Set("Extend.NewDueOn", ThaiDate.InputText(today.AddDays(2))).Set("Extend.Reason", "งานบุญเลื่อนออกไป")
            .Set("Extend.Phone", phone).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal("วันส่งคืนใหม่ต้องอยู่หลังวันครบกำหนดเดิม", doc.QuerySelector("[data-valmsg-for='Extend.NewDueOn']")!.TextContent.Trim());
        Assert.Equal("งานบุญเลื่อนออกไป", doc.QuerySelector("[name='Extend.Reason']")!.GetAttribute("value"));
        Assert.Empty((await LoanSetup.LoanAsync(app, loanId)).Extensions);
    }

    [Fact]
    public async Task Extension_WrongPhone_IsRefusedAndNothingWaits()
    {
        var client = app.CreateAnonymousClient();
        var today = LoanSetup.Today(app);
        var (_, token) = await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client))
            .Set("Input.StartOn", ThaiDate.InputText(today)).Set("Input.DueOn", ThaiDate.InputText(today.AddDays(2))));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.ApproveAsync(app, loanId);
        await LoanSetup.HandOverAsync(app, loanId);

        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", ExtendForm);
        var response = await form.Set("Extend.Reason", "ขอเพิ่ม").Set("Extend.Phone", "0800000000").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ", (await HtmlForm.ParseAsync(response)).QuerySelector("[data-valmsg-for='Extend.Phone']")!.TextContent.Trim());
        Assert.Empty((await LoanSetup.LoanAsync(app, loanId)).Extensions);
    }

    [Fact]
    public async Task Calendar_Approved_IcsHasPickupAndReturnInBangkokTime()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var (reference, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: phone));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.ApproveAsync(app, loanId);

        var page = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Contains("วันศุกร์ที่ 4 ธันวาคม 2569", page.QuerySelector("#pickup-on")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("7 ธ.ค. 2569", page.QuerySelector("#return-on")!.TextContent.Trim());
        var form = HtmlForm.From(page, CalendarForm, $"/track/{token}");
        var response = await form.Set("CalendarPhone", phone).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".ics", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", raw, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", raw.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(raw.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));
        var text = raw.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("TZID:Asia/Bangkok", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Bangkok:20261204T083000", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Bangkok:20261207T083000", text, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:รับพัสดุที่ยืม คำขอเลขที่ {reference}", text, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:ส่งคืนพัสดุที่ยืม คำขอเลขที่ {reference}", text, StringComparison.Ordinal);
        var id = loanId.ToString(CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == id && e.Action == TrackingLinkAudit.CalendarAction)));

        var wrong = await form.Set("CalendarPhone", "0899999999").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("text/html", wrong.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task StaffResubmit_ChangedQuantity_SameNumberAndRefusedWhenOver()
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, "โต๊ะพับ (ทดสอบแก้ไข)", 10);
        var loanId = await LoanSetup.SubmitAsync(app, Demo.Employee, [(pool, 4)], today.AddDays(7), today.AddDays(8));
        await LoanSetup.EndorseAsync(app, loanId);
        await SendBackAsync(loanId, "เพิ่มจำนวนได้");
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var form = await HtmlForm.LoadAsync(client, $"/loans/{loanId}", "form[action*='handler=Resubmit']");
        var over = await form.Set("Resubmit.Lines[0].Quantity", "11").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Equal("ช่วงวันที่นี้ว่างเพียง 10 ตัว", (await HtmlForm.ParseAsync(over)).QuerySelector("[data-valmsg-for='Resubmit.Lines[0].Quantity']")!.TextContent.Trim());

        var ok = await form.Set("Resubmit.Lines[0].Quantity", "8").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, loanId);
        Assert.Equal(8, Assert.Single(loan.Lines).Quantity);
        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Equal("โต๊ะพับ (ทดสอบแก้ไข) 4 → 8 ตัว", loan.History[^1].Note);
    }

    [Fact]
    public async Task StaffResubmit_AddsAnItem_SameNumberAndTheNewItemIsCheckedForWhatIsFree()
    {
        // Issue 16 §1: "we lend you chairs, not only tables" — the employee adds an item instead of filing anew.
        var today = LoanSetup.Today(app);
        var tables = await LoanSetup.NewPoolAsync(app, "โต๊ะพับ (ทดสอบเพิ่มรายการ)", 10);
        var stools = await LoanSetup.NewPoolAsync(app, "เก้าอี้สตูล (ทดสอบเพิ่มรายการ)", 6);
        var loanId = await LoanSetup.SubmitAsync(app, Demo.Employee, [(tables, 4)], today.AddDays(7), today.AddDays(8));
        await LoanSetup.EndorseAsync(app, loanId);
        await SendBackAsync(loanId, "ขอเก้าอี้สตูลเพิ่มด้วย");
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var form = await HtmlForm.LoadAsync(client, $"/loans/{loanId}", "form[action*='handler=Resubmit']");
        var added = form.Document.QuerySelectorAll("#resubmit-add label").Single(l => l.TextContent.Contains("เก้าอี้สตูล (ทดสอบเพิ่มรายการ)", StringComparison.Ordinal));
        Assert.Contains("ว่าง 6 ตัว", added.TextContent, StringComparison.Ordinal);
        var field = form.Document.GetElementById(added.GetAttribute("for")!)!.GetAttribute("name")!;

        var over = await form.Set(field, "7").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Equal("ช่วงวันที่นี้ว่างเพียง 6 ตัว", (await HtmlForm.ParseAsync(over)).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());

        var ok = await form.Set(field, "5").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, loanId);
        Assert.Equal([(tables, 4), (stools, 5)], loan.Lines.Select(l => (l.CatalogueItemId, l.Quantity)).OrderBy(x => x.Item1 == tables ? 0 : 1));
        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Equal("เก้าอี้สตูล (ทดสอบเพิ่มรายการ) 0 → 5 ตัว", loan.History[^1].Note);
    }

    [Fact]
    public void TrackingPage_EveryThaiText_HasItsEnglish()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "AssetLoan.sln")))
        {
            root = root.Parent!;
        }

        var view = File.ReadAllText(Path.Combine(root.FullName, "AssetLoan.Web", "Pages", "Track", "Application.cshtml"));
        var english = System.Xml.Linq.XDocument.Load(Path.Combine(root.FullName, "AssetLoan.Web", "Resources", "Pages", "Track", "Application.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var missing = ViewKey().Matches(view).Select(m => m.Groups[1].Value).Where(k => !english.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(missing.Count == 0, "no English for " + string.Join(" | ", missing));
    }

    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ViewKey();

    private static string Display(DateOnly day) => ThaiDate.Format(day);

    private Task SendBackAsync(int loanId, string reason) => app.WithDbAsync(async db =>
    {
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        loan.SendBack(await PublicApplication.ActorAsync(db, Demo.Officer), reason, app.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    });
}
