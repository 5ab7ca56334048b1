using System.Globalization;
using System.Net;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Issue 14 §9 through the pages: a paper approval waits for the approver named on it or a second officer; the officer
/// who keyed in a walk-in neither checks nor hands it over (setting <c>Security.SeparateDuties</c>, default on).
/// </summary>
public sealed class PaperConfirmationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, .. new byte[200]];

    private const string ConfirmForm = "form[action*='handler=ConfirmApproval']";

    [Fact]
    public async Task Paper_RecordedByTheOfficer_WaitsAndTheDirectorConfirmsFromTheApprovalsList()
    {
        var id = await PaperApprovedAsync("เต็นท์ทดสอบยืนยัน (ผอ.)");
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var details = await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}");
        Assert.NotNull(details.QuerySelector("#confirm-approval"));
        Assert.Null(details.QuerySelector(ConfirmForm));
        Assert.Null(details.QuerySelector($"a[href='/supplies/handover/{id}']"));
        Assert.Null((await HtmlForm.GetDocumentAsync(officer, $"/supplies/handover/{id}")).QuerySelector("form#handover-form"));
        Assert.DoesNotContain((await HtmlForm.GetDocumentAsync(officer, "/supplies")).QuerySelectorAll("#to-confirm a[href]"),
            a => a.GetAttribute("href")!.StartsWith($"/loans/{id}#", StringComparison.Ordinal));

        var director = await app.CreateClientAsAsync(Demo.Director);
        var list = await HtmlForm.GetDocumentAsync(director, "/approvals");
        Assert.Contains(list.QuerySelectorAll("#to-confirm a[href]"), a => a.GetAttribute("href") == $"/loans/{id}#confirm-approval");
        var response = await (await HtmlForm.LoadAsync(director, $"/loans/{id}", ConfirmForm)).SubmitAsync(director);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/loans/{id}", response.Headers.Location!.OriginalString);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Approved, loan.Status);
        var directorId = await UserIdAsync(Demo.Director);
        var entry = loan.History[^1];
        Assert.Equal(LoanAction.ConfirmApproval, entry.Action);
        Assert.Equal(directorId, entry.ActorUserId);
        var key = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "Loan" && e.EntityId == key && e.ActorUserId == directorId
            && e.After!.Contains("\"Status\""))));
        Assert.NotNull((await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}")).QuerySelector($"a[href='/supplies/handover/{id}']"));
    }

    [Fact]
    public async Task Paper_TheOfficerWhoRecordedIt_PostsConfirmAnyway_IsRefusedInThai()
    {
        var id = await PaperApprovedAsync("เต็นท์ทดสอบยืนยัน (ผู้บันทึก)");
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var cancel = await HtmlForm.LoadAsync(officer, $"/loans/{id}", "form[action*='handler=Cancel']");

        var response = await cancel.SubmitAsync(officer, $"/loans/{id}?handler=ConfirmApproval");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ผู้บันทึกการอนุมัติจากเอกสารยืนยันการอนุมัตินั้นเองไม่ได้", doc.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.PaperApproved, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Paper_ASecondOfficer_ConfirmsFromTheSuppliesDesk()
    {
        var id = await PaperApprovedAsync("เต็นท์ทดสอบยืนยัน (เจ้าหน้าที่คนที่สอง)");
        var second = await app.CreateClientAsAsync(await LoanSetup.NewStaffAsync(app, "นายสมชาย พัสดุดี", null, Roles.SuppliesOfficer));

        var desk = await HtmlForm.GetDocumentAsync(second, "/supplies");
        Assert.Contains(desk.QuerySelectorAll("#to-confirm a[href]"), a => a.GetAttribute("href") == $"/loans/{id}#confirm-approval");
        var response = await (await HtmlForm.LoadAsync(second, $"/loans/{id}", ConfirmForm)).SubmitAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Approved, loan.Status);
        Assert.Equal(nameof(AssetLoan.Domain.People.Role.SuppliesOfficer), loan.History[^1].ActingRole);
    }

    [Fact]
    public async Task Walkin_TheOfficerWhoKeyedItIn_MayNeitherCheckNorHandOver_AnotherOfficerMay()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var item = await LoanSetup.NewPoolAsync(app, "โต๊ะพับทดสอบแบ่งหน้าที่", 5);
        var id = await WalkinAsync(officer, item, "วัดทดสอบแบ่งแยกหน้าที่");

        var check = await HtmlForm.GetDocumentAsync(officer, $"/supplies/check/{id}");
        Assert.Null(check.QuerySelector("form[action*='handler=Reserve']"));
        Assert.Contains("ท่านเป็นผู้บันทึกคำขอนี้แทนผู้ยืม", check.QuerySelector("[data-duty-refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}")).QuerySelector($"a[href='/supplies/check/{id}']"));
        Assert.DoesNotContain((await HtmlForm.GetDocumentAsync(officer, "/supplies")).QuerySelectorAll("#to-check a[href]"),
            a => a.GetAttribute("href") == $"/supplies/check/{id}");

        // Posted anyway: refused beside the form, never a 500.
        var any = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        var refused = await any.SubmitAsync(officer, $"/supplies/check/{id}?handler=Reserve");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ท่านเป็นผู้บันทึกคำขอนี้แทนผู้ยืม", (await HtmlForm.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Submitted, (await LoanSetup.LoanAsync(app, id)).Status);

        var second = await app.CreateClientAsAsync(await LoanSetup.NewStaffAsync(app, "นางสาวสมศรี ตรวจพัสดุ", null, Roles.SuppliesOfficer));
        var reserve = await (await HtmlForm.LoadAsync(second, $"/supplies/check/{id}", "form[action*='handler=Reserve']")).SubmitAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, reserve.StatusCode);
        await LoanSetup.ApproveAsync(app, id);

        var handover = await HtmlForm.GetDocumentAsync(officer, $"/supplies/handover/{id}");
        Assert.Null(handover.QuerySelector("form#handover-form"));
        Assert.Contains("ท่านเป็นผู้บันทึกคำขอนี้แทนผู้ยืม", handover.QuerySelector("[data-duty-refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}")).QuerySelector($"a[href='/supplies/handover/{id}']"));
        Assert.NotNull((await HtmlForm.GetDocumentAsync(second, $"/supplies/handover/{id}")).QuerySelector("form#handover-form"));
    }

    [Fact]
    public async Task Settings_SeparateDutiesIsOnByDefault_TheAdminSwitchesItOff_AndTheOfficerMayCheckHerWalkin()
    {
        await using var own = new AppFactory();
        var admin = await own.CreateClientAsAsync(Demo.Admin);
        var settings = await HtmlForm.LoadAsync(admin, "/admin/settings");
        Assert.NotNull(settings.Document.QuerySelector("input[name='Input.SeparateDuties'][checked]"));

        Assert.Equal(HttpStatusCode.Redirect, (await settings.Set("Input.SeparateDuties", "false").SubmitAsync(admin)).StatusCode);

        Assert.False(await own.WithDbAsync(async db => (await Settings.LoadAsync(db, default)).SeparateDuties));
        Assert.True(await own.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId.Contains(Settings.Keys.SeparateDuties))));
        var officer = await own.CreateClientAsAsync(Demo.Officer);
        var item = await LoanSetup.NewPoolAsync(own, "โต๊ะพับทดสอบปิดการแบ่งหน้าที่", 5);
        var id = await WalkinAsync(officer, item, "วัดทดสอบปิดการแบ่งหน้าที่", own);
        var reserve = await (await HtmlForm.LoadAsync(officer, $"/supplies/check/{id}", "form[action*='handler=Reserve']")).SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, reserve.StatusCode);
        Assert.Equal(LoanStatus.Checked, (await LoanSetup.LoanAsync(own, id)).Status);
    }

    /// <summary>A citizen's request checked by the demo officer, who then records the director's signature on paper.</summary>
    private async Task<int> PaperApprovedAsync(string itemName)
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, itemName, 4);
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(pool, 2)], today.AddDays(1), today.AddDays(2));
        await LoanSetup.CheckAsync(app, id);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/paper/{id}");
        form.Set("ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("ApproverRole", "FinanceDirector").AttachFile("Scan", "approval.png", Png, "image/png");
        var response = await form.SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.PaperApproved, (await LoanSetup.LoanAsync(app, id)).Status);
        return id;
    }

    private async Task<int> WalkinAsync(HttpClient officer, int itemId, string temple, AppFactory? on = null)
    {
        var today = ThaiDate.InputText(LoanSetup.Today(on ?? app));
        var form = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        form.Set("Input.Kind", "Temple").Set("Input.Name", temple).Set("Input.Phone", "053111333").Set("Input.ContactPerson", "พระครูทดสอบ ใจดี")
            .Set("Input.StartOn", today).Set("Input.DueOn", today).Set($"Input.Quantities[{itemId}]", "1")
            .Set("Input.Purpose", "งานทำบุญประจำปี").Set("Input.Place", "ศาลาการเปรียญ");
        var response = await form.SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
