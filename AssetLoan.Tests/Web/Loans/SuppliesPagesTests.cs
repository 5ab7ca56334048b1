using System.Net;
using System.Text;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>/supplies: the officer's queue, the check with unit reservation, walk-in requests, paper approvals.</summary>
public sealed class SuppliesPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private DateOnly Today => LoanSetup.Today(app);

    [Fact]
    public async Task Index_ShowsEachQueueWithCountsAndMarksOutsiders()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, "/supplies");

        // Demo data: the agency's sandbags and the endorsed notebooks to check, the villager's chairs waiting for the
        // director, the temple's tents to hand over today.
        Assert.Equal(doc.QuerySelectorAll("#to-check tbody tr").Length.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector("[data-count-for='to-check']")!.TextContent.Trim());
        Assert.Contains("บุคคลภายนอก", doc.QuerySelector("#handover-today")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll("#handover-today a[href]"), a => a.GetAttribute("href")!.StartsWith("/supplies/handover/", StringComparison.Ordinal));
        Assert.Contains("วัดแม่คือ", doc.QuerySelector("#handover-today")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("a[href='/supplies/overdue']"));
    }

    [Fact]
    public async Task Check_PreselectsFreeUnits_ReservesThemAndConfirmsTheCase()
    {
        var item = await LoanSetup.NewNumberedAsync(app, "กล้องถ่ายภาพ (ทดสอบจอง)", 3, "CAM-");
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(item, 2)], Today.AddDays(3), Today.AddDays(4));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/check/{id}", "form[action*='handler=Reserve']");
        Assert.Equal(["CAM-0001", "CAM-0002"], form.Document.QuerySelectorAll("input[name='Units']:checked").Select(i => i.NextElementSibling!.TextContent.Trim()[..8]));

        var response = await form.Set("Case", nameof(LoanCase.OffPremises)).SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Checked, loan.Status);
        Assert.Equal(LoanCase.OffPremises, loan.Case);
        Assert.Equal(["CAM-0001", "CAM-0002"], loan.Lines.Single().Units.Select(u => u.AssetNumber).Order());
    }

    [Fact]
    public async Task Check_UnitHeldByAnotherLoan_ShowsThaiMessageAndConflict()
    {
        var item = await LoanSetup.NewNumberedAsync(app, "เครื่องปั่นไฟ (ทดสอบชน)", 2, "GEN-");
        var first = await LoanSetup.SubmitOutsiderAsync(app, [(item, 1)], Today.AddDays(3), Today.AddDays(4));
        var second = await LoanSetup.SubmitOutsiderAsync(app, [(item, 1)], Today.AddDays(4), Today.AddDays(5));
        await LoanSetup.CheckAsync(app, first); // takes GEN-0001
        var held = await app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber == "GEN-0001").Select(a => a.Id).SingleAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/check/{second}", "form[action*='handler=Reserve']");
        Assert.Contains("GEN-0001", form.Document.Body!.TextContent, StringComparison.Ordinal); // listed as a conflict

        var doc = await HtmlForm.ParseAsync(await form.Remove("Units").Add("Units", held.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(officer));

        Assert.Contains("จำนวนพัสดุที่ว่างไม่พอสำหรับช่วงวันที่ขอยืม", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Submitted, (await LoanSetup.LoanAsync(app, second)).Status);
    }

    [Fact]
    public async Task Check_AnotherRequestsReservedUnitBrokeOnTheShelf_TheLastGoodUnitIsNotOfferedAgain()
    {
        // Three amplifiers. The first request reserves BRK-0001 and BRK-0002; then BRK-0001 breaks on the shelf. That
        // request still needs two and only two work, so nothing is free on its days for anyone else, though BRK-0003 is
        // held by nobody (found by the model test in CI, seed dlEougZT2WR5).
        var item = await LoanSetup.NewNumberedAsync(app, "เครื่องขยายเสียง (ทดสอบชำรุด)", 3, "BRK-");
        var first = await LoanSetup.SubmitOutsiderAsync(app, [(item, 2)], Today.AddDays(3), Today.AddDays(4));
        var second = await LoanSetup.SubmitOutsiderAsync(app, [(item, 1)], Today.AddDays(3), Today.AddDays(4));
        await LoanSetup.CheckAsync(app, first);
        await app.WithDbAsync(async db =>
        {
            (await db.Assets.SingleAsync(a => a.AssetNumber == "BRK-0001")).SetStatus(AssetStatus.UnderRepair);
            await db.SaveChangesAsync();
        });
        var lastGood = await app.WithDbAsync(db => db.Assets.Where(a => a.AssetNumber == "BRK-0003").Select(a => a.Id).SingleAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var form = await HtmlForm.LoadAsync(officer, $"/supplies/check/{second}", "form[action*='handler=Reserve']");
        Assert.Contains("ว่างไม่พอ (ว่าง 0)", form.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.Document.QuerySelector("[data-substitutes-owed]"));
        var doc = await HtmlForm.ParseAsync(await form.Remove("Units").Add("Units", lastGood.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(officer));

        Assert.Contains("จำนวนพัสดุที่ว่างไม่พอสำหรับช่วงวันที่ขอยืม", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Submitted, (await LoanSetup.LoanAsync(app, second)).Status);
        var days = $"start={Today.AddDays(3):yyyy-MM-dd}&due={Today.AddDays(4):yyyy-MM-dd}&ids={item}";
        var json = System.Text.Json.JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/apply?handler=Availability&{days}")).RootElement;
        Assert.Equal(0, json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == item).GetProperty("free").GetInt32());
    }

    [Fact]
    public async Task Check_StaffRequestNotYetEndorsed_OffersNoReservation()
    {
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง"), 1)], Today.AddDays(2), Today.AddDays(2));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, $"/supplies/check/{id}");
        Assert.Null(doc.QuerySelector("form[action*='handler=Reserve']"));
        Assert.Contains("คำขอนี้ยังรอหัวหน้าหน่วยงานของผู้ยืมเห็นชอบ", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SendBackWithReason_ReturnsToBorrower()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "เต็นท์โดม (ทดสอบส่งกลับ)", 5);
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], Today.AddDays(2), Today.AddDays(2));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/check/{id}", "form[action*='handler=SendBack']");
        Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(officer)).StatusCode);
        var response = await form.Set("Reason", "กรุณาแนบหนังสือขอยืมจากหน่วยงาน").SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.SentBack, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Walkin_PersonWithInvalidNationalId_ShowsThaiErrorAndKeepsInput()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var chairs = await LoanSetup.ItemIdAsync(app, "เก้าอี้พลาสติก");
        var form = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        form.Set("Input.Kind", nameof(BorrowerKind.Person)).Set("Input.Name", "นายทองใบ ใจซื่อ").Set("Input.Phone", "0812223333")
            .Set("Input.NationalId", "1-1037-00012-34-5").Set($"Input.Quantities[{chairs}]", "20")
            .Set("Input.Purpose", "งานขึ้นบ้านใหม่").Set("Input.Place", "บ้านเลขที่ 7 หมู่ 4");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal("เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง)", doc.QuerySelector("span[data-valmsg-for='Input.NationalId']")!.TextContent.Trim());
        Assert.Equal("นายทองใบ ใจซื่อ", doc.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Walkin_PersonAtTheCounter_FilesRequestThatNeedsNoEndorsement()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var chairs = await LoanSetup.ItemIdAsync(app, "เก้าอี้พลาสติก");
        var form = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        form.Set("Input.Kind", nameof(BorrowerKind.Person)).Set("Input.Name", "นายทองใบ ใจซื่อ").Set("Input.Phone", "0812223333")
            .Set("Input.NationalId", "1103700012346").Set($"Input.Quantities[{chairs}]", "20")
            .Set("Input.Purpose", "งานขึ้นบ้านใหม่").Set("Input.Place", "บ้านเลขที่ 7 หมู่ 4").Set("Input.OffPremises", "true");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(BorrowerKind.Person, loan.BorrowerKind);
        Assert.Equal(LoanCase.OffPremises, loan.Case);
        Assert.True(loan.KeyedInByOfficer);
        Assert.Equal("KeyedIn", loan.History.Single().Summary);
        Assert.Equal("นายทองใบ ใจซื่อ", loan.History.Single().OnAuthorityOf);
        var borrower = await app.WithDbAsync(db => db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == loan.BorrowerId));
        Assert.Equal("346", borrower.NationalIdTail);
        Assert.NotNull(borrower.NationalIdLookup);
        Assert.DoesNotContain("1103700012346", borrower.NationalIdCipher, StringComparison.Ordinal);
        var queue = await HtmlForm.GetDocumentAsync(officer, "/supplies");

        // Separation of duties (issue 14 §9): she keyed it in, so the desk lists it for another officer to check.
        var row = queue.QuerySelectorAll("#to-check tbody tr").Single(tr => tr.TextContent.Contains(loan.Reference, StringComparison.Ordinal));
        Assert.NotNull(row.QuerySelector("[data-duty-refusal]"));
        Assert.Null(row.QuerySelector($"a[href='/supplies/check/{id}']"));
    }

    [Fact]
    public async Task Walkin_StaffMemberWhoPhoned_HistorySaysWhoKeyedItInAndForWhom()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var employeeId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).SingleAsync());
        var screen = await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง");
        var form = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        form.Set("Input.Kind", nameof(BorrowerKind.Staff)).Set("Input.StaffUserId", employeeId).Set($"Input.Quantities[{screen}]", "1")
            .Set("Input.Purpose", "ประชุมผู้ปกครอง").Set("Input.Place", "ศูนย์พัฒนาเด็กเล็ก");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(employeeId, loan.BorrowerUserId);
        Assert.True(loan.NeedsEndorsement);
        var details = await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}");
        var step = details.QuerySelector("[data-history-step='KeyedIn']")!.TextContent;
        Assert.Contains("นางสาวพัชรี ใจดี", step, StringComparison.Ordinal);
        Assert.Contains("แทน นางสาวมาลี สุขใจ", step, StringComparison.Ordinal);
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        Assert.Contains((await HtmlForm.GetDocumentAsync(employee, "/loans")).QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == $"/loans/{id}");
    }

    [Fact]
    public async Task Walkin_StaffMemberWithoutDivision_ShowsThaiMessageBesideThePerson()
    {
        var email = await LoanSetup.NewStaffAsync(app, "นางสาวใหม่ ยังไม่มีสังกัด", divisionCode: null);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var screen = await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง");
        var form = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        form.Set("Input.Kind", nameof(BorrowerKind.Staff)).Set("Input.StaffUserId", userId).Set($"Input.Quantities[{screen}]", "1")
            .Set("Input.Purpose", "ประชุมประจำเดือน").Set("Input.Place", "ห้องประชุมเทศบาล");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal("บุคลากรผู้นี้ยังไม่ได้กำหนดสังกัด จึงไม่มีหัวหน้าหน่วยงานให้ความเห็นชอบ โปรดติดต่อผู้ดูแลระบบ",
            doc.QuerySelector("span[data-valmsg-for='Input.StaffUserId']")!.TextContent.Trim());
        Assert.Equal("ประชุมประจำเดือน", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
        Assert.Equal(userId, doc.QuerySelector("select[name='Input.StaffUserId'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Paper_SignedScanAttached_AwaitsConfirmationAndOnlyStaffAndTheAuditorOpenTheScan()
    {
        var id = await CheckedStaffLoanAsync("ไมโครโฟนไร้สาย (ทดสอบเอกสาร)");
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/paper/{id}");
        form.Set("ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("ApproverRole", "FinanceDirector")
            .AttachFile("Scan", "approval.png", [.. PngHeader, .. new byte[500]], "image/png");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.PaperApproved, loan.Status);
        Assert.Equal("นายสมศักดิ์ รักษ์ทรัพย์", loan.ApprovedByName);
        Assert.Null(loan.ApprovedByUserId);
        Assert.EndsWith(".png", loan.PaperApprovalPath, StringComparison.Ordinal);
        Assert.Equal("Approved.Paper", loan.History[^1].Summary);

        var details = await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}");
        Assert.NotNull(details.QuerySelector($"a[href='/loans/{id}?handler=attachment']"));
        var file = await officer.GetAsync($"/loans/{id}?handler=attachment");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PngHeader, (await file.Content.ReadAsByteArrayAsync())[..PngHeader.Length]);

        // The auditor reads every document (issue 13 §5), the signed scan included.
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);
        Assert.NotNull((await HtmlForm.GetDocumentAsync(auditor, $"/loans/{id}")).QuerySelector($"a[href='/loans/{id}?handler=attachment']"));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/loans/{id}?handler=attachment")).StatusCode);

        var employee = await app.CreateClientAsAsync(Demo.Employee);
        Assert.Null((await HtmlForm.GetDocumentAsync(employee, $"/loans/{id}")).QuerySelector($"a[href='/loans/{id}?handler=attachment']"));
        Assert.Contains("accessdenied", (await employee.GetAsync($"/loans/{id}?handler=attachment")).Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("approval.pdf", "text", "ไฟล์ต้องเป็น PDF, JPEG หรือ PNG เท่านั้น")]
    [InlineData("approval.pdf", "big", "ไฟล์ต้องมีขนาดไม่เกิน 5 MB")]
    [InlineData("", "none", "กรุณาแนบไฟล์ใบยืมที่ลงนามอนุมัติแล้ว")]
    public async Task Paper_BadScan_ShowsThaiErrorBesideFile(string name, string kind, string message)
    {
        var id = await CheckedStaffLoanAsync($"ลำโพงพกพา ({kind})");
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/paper/{id}");
        form.Set("ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์");
        if (kind == "text")
        {
            form.AttachFile("Scan", name, Encoding.UTF8.GetBytes("not really a pdf"), "application/pdf");
        }
        else if (kind == "big")
        {
            form.AttachFile("Scan", name, [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[5 * 1024 * 1024]], "application/pdf");
        }

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector("span[data-valmsg-for='Scan']")!.TextContent.Trim());
        Assert.Equal("นายสมศักดิ์ รักษ์ทรัพย์", doc.QuerySelector("input[name='ApproverName']")!.GetAttribute("value"));
        Assert.Equal(LoanStatus.Checked, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Paper_WrongAuthorityForTheCase_ShowsThaiErrorAndKeepsNoFile()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "เวทีเคลื่อนที่ (ทดสอบอำนาจ)", 2);
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 1)], Today.AddDays(3), Today.AddDays(3), offPremises: true);
        await LoanSetup.CheckAsync(app, id);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/paper/{id}");
        form.Set("ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("ApproverRole", "FinanceDirector")
            .AttachFile("Scan", "a.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg");
        var before = Directory.Exists(Path.Combine(app.UploadsPath, "paper-approvals")) ? Directory.GetFiles(Path.Combine(app.UploadsPath, "paper-approvals")).Length : 0;

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(officer));

        Assert.Equal("คำขอกรณีนี้ต้องอนุมัติโดยผู้มีอำนาจตามระเบียบ ไม่ใช่บทบาทของท่าน", doc.QuerySelector("span[data-valmsg-for='ApproverRole']")!.TextContent.Trim());
        Assert.Equal(before, Directory.GetFiles(Path.Combine(app.UploadsPath, "paper-approvals")).Length);
    }

    [Fact]
    public async Task Supplies_NotAnOfficer_IsDenied()
    {
        foreach (var email in new[] { Demo.Employee, Demo.Director, Demo.Head })
        {
            var client = await app.CreateClientAsAsync(email);
            foreach (var url in new[] { "/supplies", "/supplies/walkin", "/supplies/check/1", "/supplies/paper/1" })
            {
                var response = await client.GetAsync(url);
                Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private async Task<int> CheckedStaffLoanAsync(string itemName)
    {
        var pool = await LoanSetup.NewPoolAsync(app, itemName, 4);
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(pool, 2)], Today.AddDays(3), Today.AddDays(3));
        await LoanSetup.EndorseAsync(app, id);
        await LoanSetup.CheckAsync(app, id);
        return id;
    }
}
