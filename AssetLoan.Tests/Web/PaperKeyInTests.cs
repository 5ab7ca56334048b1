using System.Globalization;
using System.Net;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 13 §10 through HTTP: the supplies officer keys in a past loan from the paper register at /supplies/keyin. The
/// test clock starts on 25 Nov 2026 (25/11/2569); the paper loan was asked on 3 Sep 2569, in fiscal year 2569.
/// </summary>
public sealed class PaperKeyInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Tables = "โต๊ะพับอเนกประสงค์";

    [Fact]
    public async Task KeyIn_OutOnLoan_IsSavedWithThePapersDates_NumberedInItsFiscalYear_AuditedAndMarkedOnTheLoanAndInTheRegister()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await FilledAsync(officer, tables: 4, reference: "กค 0406/123 ลว. 5 ก.ย. 2569");

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
            Assert.Equal((true, LoanStatus.HandedOver, 2569, "กค 0406/123 ลว. 5 ก.ย. 2569"), (loan.FromPaper, loan.Status, loan.FiscalYear, loan.PaperApprovalReference));
            Assert.Equal((new DateOnly(2026, 9, 3), (DateOnly?)new DateOnly(2026, 9, 10)), (DateOnly.FromDateTime(loan.SubmittedAtUtc), loan.HandedOverOn));
            Assert.Equal(4, loan.Lines.Single().Outstanding);
            var audit = await db.AuditEvents.Where(e => e.EntityType == "Loan" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "Added").SingleAsync();
            Assert.Equal("นางสาวพัชรี ใจดี", audit.ActorName);
        });

        var page = await HtmlForm.GetDocumentAsync(officer, $"/loans/{id}");
        Assert.Contains("บันทึกจากทะเบียนกระดาษ", page.QuerySelector("#from-paper")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("บันทึกการยืมจากทะเบียนกระดาษ", page.QuerySelector("[data-history-step='KeyedInFromPaper'] strong")!.TextContent, StringComparison.Ordinal);
        // The signer on paper has no role in the system: the approver is named without an empty "()" (seen in a walk).
        Assert.DoesNotContain("()", page.QuerySelector("#approved-by")!.TextContent, StringComparison.Ordinal);

        var auditor = await app.CreateClientAsAsync(Demo.Auditor);
        var register = await HtmlForm.GetDocumentAsync(auditor, "/reports/register?fy=2569");
        var reference = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Reference).SingleAsync());
        var row = register.QuerySelectorAll("tr").First(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("บันทึกจากทะเบียนกระดาษ (หนังสืออนุมัติ กค 0406/123 ลว. 5 ก.ย. 2569)", row.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/supplies/keyin")).StatusCode);
    }

    [Fact]
    public async Task KeyIn_PostedTwice_IsOneLoan_AndTheSamePaperLaterIsRefusedBesideItsReference()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var reference = $"กค 0406/{Guid.NewGuid():N}"[..20];
        var form = await FilledAsync(officer, tables: 1, reference: reference);
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());

        // A double tap, or Back and submit: the same form twice is one loan, and both answers lead to it.
        var first = await form.SubmitAsync(officer);
        var second = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));

        // The same signed approval keyed in again later: the book would count it twice; refused beside the reference.
        app.Clock.Advance(AssetLoan.Domain.Loans.Loan.ResubmissionWindow + TimeSpan.FromMinutes(1));
        var again = await (await FilledAsync(officer, tables: 1, reference: reference)).SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var doc = await HtmlForm.ParseAsync(again);
        Assert.Contains("ใบอนุมัตินี้บันทึกเข้าระบบแล้ว", doc.QuerySelector("span[data-valmsg-for='Input.ApprovalReference']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(reference, doc.QuerySelector("input[name='Input.ApprovalReference']")!.GetAttribute("value"));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task KeyIn_APrivatePerson_WithTheNationalIdOnThePaper_IsSavedEncrypted_AndABadIdIsRefusedBesideIt()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var reference = $"กค 0406/{Guid.NewGuid():N}"[..20];
        var form = (await FilledAsync(officer, tables: 1, reference: reference))
            .Set("Input.Kind", "Person").Set("Input.StaffUserId", "").Set("Input.Name", "นายบุญมี ใจกว้าง").Set("Input.Phone", "0812345678")
            .Set("Input.NationalId", "1-1017-00203-46-9");

        var refused = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = await HtmlForm.ParseAsync(refused);
        Assert.Contains("เลขประจำตัวประชาชน", doc.QuerySelector("span[data-valmsg-for='Input.NationalId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1-1017-00203-46-9", doc.QuerySelector("input[name='Input.NationalId']")!.GetAttribute("value"));
        Assert.Equal("นายบุญมี ใจกว้าง", doc.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));

        var saved = await form.Set("Input.NationalId", "1101700203468").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        await app.WithDbAsync(async db =>
        {
            var borrower = await db.Loans.Where(l => l.Id == id).Join(db.Borrowers, l => l.BorrowerId, b => b.Id, (l, b) => b).SingleAsync();
            Assert.Equal((BorrowerKind.Person, "นายบุญมี ใจกว้าง"), (borrower.Kind, borrower.Name));
            Assert.NotNull(borrower.NationalIdLookup);
            Assert.DoesNotContain("1101700203468", borrower.NationalIdCipher ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task KeyIn_MoreThanIsFree_IsRefusedBesideTheItemsKeepingWhatWasTyped()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());

        var response = await (await FilledAsync(officer, tables: 51, reference: "กค 0406/999")).SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("พัสดุว่างไม่พอ", doc.QuerySelector("span[data-valmsg-for='Input.Items']")!.TextContent, StringComparison.Ordinal);
        var kept = HtmlForm.From(doc, "main form", "/supplies/keyin");
        Assert.Equal("กค 0406/999", kept.Value("Input.ApprovalReference"));
        Assert.Equal("03/09/2569", kept.Value("Input.RequestedOn"));
        Assert.Equal("51", doc.QuerySelectorAll("main form input").First(i => i.GetAttribute("name")!.StartsWith("Input.Quantities", StringComparison.Ordinal) && i.GetAttribute("value") == "51").GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "Input.RequestedOn", "31/02/2569", "ไม่มีวันที่นี้ในปฏิทิน" },
        { "Input.HandedOverOn", "25/12/3112", "" },
        { "Input.ApprovedOn", "02/09/2569", "วันที่อนุมัติต้องไม่ก่อนวันที่ยื่นคำขอ" },
        { "Input.HandedOverOn", "04/09/2569", "วันที่ส่งมอบต้องไม่ก่อนวันที่อนุมัติ" },
        { "Input.HandedOverOn", "26/11/2569", "วันที่ส่งมอบต้องไม่เกินวันนี้" },
        { "Input.ReturnedOn", "20/09/2569", "มีวันที่รับคืนได้เฉพาะรายการที่คืนแล้ว" },
        { "Input.ApprovalReference", "", "กรุณาระบุเลขที่และวันที่ของหนังสืออนุมัติ" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task KeyIn_ABadDateOrMissingReference_IsRefusedBesideTheFieldKeepingWhatWasTyped_NeverA500(string field, string value, string message)
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());
        var form = (await FilledAsync(officer, tables: 2, reference: "กค 0406/555")).Set(field, value);

        var response = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        var beside = doc.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent.Trim();
        Assert.NotEqual("", beside);
        Assert.Contains(message, beside, StringComparison.Ordinal);
        Assert.Equal(value, HtmlForm.From(doc, "main form", "/supplies/keyin").Value(field));
        Assert.Equal(before, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task TheSuppliesDeskLinksToTheKeyInPage()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var desk = await HtmlForm.GetDocumentAsync(officer, "/supplies");
        Assert.NotNull(desk.QuerySelector("a[href='/supplies/keyin']"));
    }

    private async Task<HtmlForm> FilledAsync(HttpClient client, int tables, string reference)
    {
        var tableId = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == Tables).Select(c => c.Id).SingleAsync());
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).SingleAsync());
        var form = await HtmlForm.LoadAsync(client, "/supplies/keyin");
        return form.Set("Input.Kind", "Staff").Set("Input.StaffUserId", staffId).Set("Input.State", "OnLoan")
            .Set("Input.RequestedOn", "03/09/2569").Set("Input.ApprovedOn", "05/09/2569").Set("Input.ApprovalReference", reference)
            .Set("Input.ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("Input.StartOn", "10/09/2569").Set("Input.DueOn", "10/12/2569")
            .Set("Input.HandedOverOn", "10/09/2569").Set("Input.ReturnedOn", "")
            .Set($"Input.Quantities[{tableId}]", tables.ToString(CultureInfo.InvariantCulture))
            .Set("Input.Purpose", "ประชุมประจำเดือน").Set("Input.Place", "ห้องประชุมเทศบาล");
    }
}
