using System.Globalization;
using System.Net;
using System.Text.Json;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>/loans, /loans/new and /loans/{id} through the real pipeline, as the employee and others.</summary>
public sealed class LoanRequestPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Projector = "เครื่องฉายภาพ (โปรเจกเตอร์)";

    private DateOnly Today => LoanSetup.Today(app);

    private static string Iso(DateOnly d) => ThaiDate.InputText(d);

    [Fact]
    public async Task New_Employee_ListsItemsStaffMayBorrowButNotAgencyOnlyOnes()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var doc = await HtmlForm.GetDocumentAsync(client, "/loans/new");
        var text = doc.Body!.TextContent;
        Assert.Contains(Projector, text, StringComparison.Ordinal);
        Assert.DoesNotContain("กระสอบทราย", text, StringComparison.Ordinal);
        Assert.Contains("ตรวจสอบจำนวนว่าง", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_DueBeforeStart_ShowsThaiErrorBesideDueDateAndKeepsWhatWasTyped()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, Projector);
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        form.Set($"Input.Quantities[{projector}]", "2")
            .Set("Input.StartOn", Iso(Today.AddDays(5))).Set("Input.DueOn", Iso(Today.AddDays(4)))
            .Set("Input.Purpose", "อบรมการใช้งานระบบสารบรรณอิเล็กทรอนิกส์").Set("Input.Place", "ห้องประชุมกองการศึกษา");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal("วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม", doc.QuerySelector("span[data-valmsg-for='Input.DueOn']")!.TextContent.Trim());
        Assert.Equal("อบรมการใช้งานระบบสารบรรณอิเล็กทรอนิกส์", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
        Assert.Equal("2", doc.QuerySelector($"input[name='Input.Quantities[{projector}]']")!.GetAttribute("value"));
        Assert.Equal(Iso(Today.AddDays(4)), doc.QuerySelector("input[name='Input.DueOn']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task New_StaffWithoutDivision_ShowsThaiMessageAndKeepsWhatWasTyped()
    {
        var email = await LoanSetup.NewStaffAsync(app, "นายใหม่ ยังไม่มีสังกัด", divisionCode: null);
        var client = await app.CreateClientAsAsync(email);
        var projector = await LoanSetup.ItemIdAsync(app, Projector);
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        form.Set($"Input.Quantities[{projector}]", "1").Set("Input.StartOn", Iso(Today.AddDays(2))).Set("Input.DueOn", Iso(Today.AddDays(2)))
            .Set("Input.Purpose", "ปฐมนิเทศพนักงานใหม่").Set("Input.Place", "ห้องประชุมเทศบาล");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("บัญชีของท่านยังไม่ได้กำหนดสังกัด โปรดติดต่อผู้ดูแลระบบ", doc.QuerySelector("form .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ปฐมนิเทศพนักงานใหม่", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
        Assert.Equal("1", doc.QuerySelector($"input[name='Input.Quantities[{projector}]']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Loans.AnyAsync(l => l.Purpose == "ปฐมนิเทศพนักงานใหม่")));
    }

    [Fact]
    public async Task New_MissingPurposeAndNoItems_ShowsThaiMessages()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        var doc = await HtmlForm.ParseAsync(await form.Set("Input.Place", "ห้องประชุม").SubmitAsync(client));
        Assert.Equal("กรุณาระบุวัตถุประสงค์การยืม", doc.QuerySelector("span[data-valmsg-for='Input.Purpose']")!.TextContent.Trim());

        form = HtmlForm.From(doc, "main form", "/loans/new");
        doc = await HtmlForm.ParseAsync(await form.Set("Input.Purpose", "ประชุม").SubmitAsync(client));
        Assert.Contains("กรุณาเลือกพัสดุอย่างน้อย 1 รายการ", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_LongerThanItemAllows_ShowsThaiErrorBesideDueDate()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, Projector); // at most 5 days
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        form.Set($"Input.Quantities[{projector}]", "1").Set("Input.StartOn", Iso(Today.AddDays(1))).Set("Input.DueOn", Iso(Today.AddDays(6)))
            .Set("Input.Purpose", "ประชุม").Set("Input.Place", "ห้องประชุม");
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Equal("ระยะเวลายืมเกินจำนวนวันสูงสุดที่กำหนดสำหรับรายการนี้", doc.QuerySelector("span[data-valmsg-for='Input.DueOn']")!.TextContent.Trim());
    }

    [Fact]
    public async Task New_MoreThanTheMunicipalityHas_ShowsThaiError()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, Projector); // 6 units
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        form.Set($"Input.Quantities[{projector}]", "7").Set("Input.Purpose", "ประชุม").Set("Input.Place", "ห้องประชุม");
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Contains("จำนวนที่ขอเกินจำนวนที่เทศบาลมี", doc.QuerySelector("[data-valmsg-for='Input.Quantities']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_CheckAvailability_ShowsWhatIsFreeForTheTypedDates()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "ชุดโต๊ะหมู่บูชา (ทดสอบว่าง)", 20);
        var start = Today.AddDays(20);
        var held = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 15)], start, start.AddDays(1));
        await LoanSetup.CheckAsync(app, held);

        var client = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        form.Set("Input.StartOn", Iso(start.AddDays(1))).Set("Input.DueOn", Iso(start.AddDays(3))).Set($"Input.Quantities[{pool}]", "6");
        var response = await form.SubmitAsync(client, "/loans/new?handler=Check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal("5", doc.QuerySelector($"[data-free-for='{pool}']")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector($"[data-short-for='{pool}']"));
        Assert.Empty(doc.QuerySelectorAll(".field-validation-error"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Loans.CountAsync(l => l.Lines.Any(x => x.CatalogueItemId == pool) && l.Id != held)));

        var outside = await HtmlForm.ParseAsync(await HtmlForm.From(doc, "main form", "/loans/new")
            .Set("Input.StartOn", Iso(start.AddDays(2))).Set("Input.DueOn", Iso(start.AddDays(3))).SubmitAsync(client, "/loans/new?handler=Check"));
        Assert.Equal("20", outside.QuerySelector($"[data-free-for='{pool}']")!.TextContent.Trim());
    }

    [Fact]
    public async Task AvailabilityEndpoint_ReturnsFreeQuantityPerItem()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "ฉากกั้นห้อง (ทดสอบ JSON)", 12);
        var start = Today.AddDays(30);
        await LoanSetup.CheckAsync(app, await LoanSetup.SubmitOutsiderAsync(app, [(pool, 4)], start, start));
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var response = await client.GetAsync($"/loans/new?handler=availability&from={Iso(start)}&to={Iso(start)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, json.RootElement.GetProperty("free").GetProperty(pool.ToString(CultureInfo.InvariantCulture)).GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/loans/new?handler=availability&from={Iso(start)}&to={Iso(start.AddDays(-1))}")).StatusCode);
    }

    [Fact]
    public async Task New_Valid_FilesNumberedRequestAndShowsItInMyRequests()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, Projector);
        var form = await HtmlForm.LoadAsync(client, "/loans/new");
        form.Set($"Input.Quantities[{projector}]", "2").Set("Input.StartOn", Iso(Today.AddDays(2))).Set("Input.DueOn", Iso(Today.AddDays(3)))
            .Set("Input.Purpose", "นำเสนอแผนพัฒนาการศึกษา").Set("Input.Place", "ห้องประชุมสภาเทศบาล");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Matches(@"^\d{4}/2570$", loan.Reference);
        Assert.Equal(2, loan.Lines.Single().Quantity);
        Assert.Equal("Submitted", loan.History.Single().Summary);

        var details = await HtmlForm.GetDocumentAsync(client, $"/loans/{id}");
        Assert.Contains(loan.Reference, details.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"ยื่นคำขอยืมเลขที่ {loan.Reference} แล้ว", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ยื่นคำขอแล้ว", details.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);

        var mine = await HtmlForm.GetDocumentAsync(client, "/loans");
        var row = mine.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(loan.Reference, StringComparison.Ordinal));
        Assert.Contains("เครื่องฉายภาพ (โปรเจกเตอร์) × 2 เครื่อง", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2569", row.TextContent, StringComparison.Ordinal); // dates in พ.ศ.
        Assert.Contains("ยื่นคำขอแล้ว", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_SomeoneElsesLoan_IsDenied_AndUnknownIs404()
    {
        var loan = await LoanSetup.SubmitAsync(app, Demo.Deputy, [(await LoanSetup.ItemIdAsync(app, Projector), 1)], Today.AddDays(1), Today.AddDays(1));
        var client = await app.CreateClientAsAsync(Demo.Employee);

        var denied = await client.GetAsync($"/loans/{loan}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("accessdenied", denied.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/loans/999999")).StatusCode);

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/loans/{loan}")).StatusCode);
    }

    [Fact]
    public async Task Details_BorrowerCancelsOwnRequest_WithoutReason()
    {
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(await LoanSetup.ItemIdAsync(app, Projector), 1)], Today.AddDays(1), Today.AddDays(1));
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(client, $"/loans/{id}", "form[action*='handler=Cancel']");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.Cancelled, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Details_BackLink_LeadsTheBorrowerToTheirRequestsAndTheOfficerToTheDesk()
    {
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(await LoanSetup.ItemIdAsync(app, Projector), 1)], Today.AddDays(1), Today.AddDays(1));

        var mine = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Employee), $"/loans/{id}");
        var desk = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Officer), $"/loans/{id}");

        Assert.Equal("/loans", mine.QuerySelector("main p.no-print a")!.GetAttribute("href"));
        Assert.Equal("/supplies", desk.QuerySelector("main p.no-print a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Details_OfficerCancelsWithoutReason_ShowsThaiErrorBesideReason()
    {
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(await LoanSetup.ItemIdAsync(app, Projector), 1)], Today.AddDays(1), Today.AddDays(1));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/loans/{id}", "form[action*='handler=Cancel']");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(officer));

        Assert.Equal("กรุณาระบุเหตุผล", doc.QuerySelector("span[data-valmsg-for='Cancel.Reason']")!.TextContent.Trim());
        Assert.Equal(LoanStatus.Submitted, (await LoanSetup.LoanAsync(app, id)).Status);

        var withReason = HtmlForm.From(doc, "form[action*='handler=Cancel']", $"/loans/{id}").Set("Cancel.Reason", "ผู้ยืมแจ้งยกเลิกทางโทรศัพท์");
        Assert.Equal(HttpStatusCode.Redirect, (await withReason.SubmitAsync(officer)).StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Cancelled, loan.Status);
        Assert.Equal("ผู้ยืมแจ้งยกเลิกทางโทรศัพท์", loan.History[^1].Note);
    }

    [Fact]
    public async Task Details_SentBackRequest_BorrowerCorrectsAndResubmits()
    {
        var projector = await LoanSetup.ItemIdAsync(app, Projector);
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(projector, 1)], Today.AddDays(1), Today.AddDays(1));
        var head = await app.CreateClientAsAsync(Demo.Head);
        var back = await HtmlForm.LoadAsync(head, $"/endorsements/{id}", "form[action*='handler=SendBack']");
        Assert.Equal(HttpStatusCode.Redirect, (await back.Set("Reason", "กรุณาเลื่อนวันยืมเป็นสัปดาห์หน้า").SubmitAsync(head)).StatusCode);

        var client = await app.CreateClientAsAsync(Demo.Employee);
        var page = await HtmlForm.GetDocumentAsync(client, $"/loans/{id}");
        Assert.Equal("กรุณาเลื่อนวันยืมเป็นสัปดาห์หน้า", page.QuerySelector("[data-decision-reason]")!.TextContent.Trim());
        var form = HtmlForm.From(page, "form[action*='handler=Resubmit']", $"/loans/{id}")
            .Set("Resubmit.StartOn", Iso(Today.AddDays(7))).Set("Resubmit.DueOn", Iso(Today.AddDays(6)));
        var error = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Equal("วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม", error.QuerySelector("span[data-valmsg-for='Resubmit.DueOn']")!.TextContent.Trim());

        form = HtmlForm.From(error, "form[action*='handler=Resubmit']", $"/loans/{id}").Set("Resubmit.DueOn", Iso(Today.AddDays(8)));
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(client)).StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Equal(Today.AddDays(7), loan.StartOn);
        Assert.False(loan.IsEndorsed);
    }

    [Fact]
    public async Task Details_HandedOverLoan_BorrowerAsksForMoreDays_ApproverDecides()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "พัดลมตั้งพื้น (ทดสอบขยายเวลา)", 10);
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(pool, 2)], Today, Today.AddDays(2));
        await LoanSetup.EndorseAsync(app, id);
        await LoanSetup.CheckAsync(app, id);
        await LoanSetup.ApproveAsync(app, id);
        await LoanSetup.HandOverAsync(app, id);

        var client = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(client, $"/loans/{id}", "form[action*='handler=Extend']");
        var missing = await HtmlForm.ParseAsync(await form.Set("Extend.NewDueOn", Iso(Today.AddDays(4))).SubmitAsync(client));
        Assert.Equal("กรุณาระบุเหตุผล", missing.QuerySelector("span[data-valmsg-for='Extend.Reason']")!.TextContent.Trim());
        form = HtmlForm.From(missing, "form[action*='handler=Extend']", $"/loans/{id}").Set("Extend.Reason", "กิจกรรมเลื่อนออกไปสองวัน");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(client)).StatusCode);
        Assert.NotNull((await LoanSetup.LoanAsync(app, id)).PendingExtension);

        var director = await app.CreateClientAsAsync(Demo.Director);
        Assert.Contains((await HtmlForm.GetDocumentAsync(director, "/approvals")).QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == $"/approvals/review/{id}");
        var decide = await HtmlForm.LoadAsync(director, $"/approvals/review/{id}", "form[action*='handler=Extension']");
        Assert.Equal(HttpStatusCode.Redirect, (await decide.Set("approve", "true").SubmitAsync(director)).StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(Today.AddDays(4), loan.DueOn);
        Assert.Equal(ExtensionStatus.Approved, loan.Extensions.Single().Status);
    }

    [Fact]
    public async Task Index_OtherRoles_AuditorIsDenied()
    {
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);
        var response = await auditor.GetAsync("/loans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
