using System.Globalization;
using System.Net;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>/endorsements: the division head endorses or sends back their own division's staff requests.</summary>
public sealed class EndorsementPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateOnly Today => LoanSetup.Today(app);

    private static string Iso(DateOnly d) => ThaiDate.InputText(d);

    [Fact]
    public async Task Index_Head_SeesOwnDivisionsRequestsOnly()
    {
        var projector = await LoanSetup.ItemIdAsync(app, "เครื่องฉายภาพ (โปรเจกเตอร์)");
        var mine = await LoanSetup.SubmitAsync(app, Demo.Employee, [(projector, 1)], Today.AddDays(1), Today.AddDays(1));
        var other = await LoanSetup.SubmitAsync(app, Demo.Deputy, [(projector, 1)], Today.AddDays(1), Today.AddDays(1));
        var head = await app.CreateClientAsAsync(Demo.Head);

        var doc = await HtmlForm.GetDocumentAsync(head, "/endorsements");

        var links = doc.QuerySelectorAll("a[href^='/endorsements/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/endorsements/{mine}", links);
        Assert.DoesNotContain($"/endorsements/{other}", links);
        var denied = await head.GetAsync($"/endorsements/{other}");
        Assert.Contains("accessdenied", denied.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FinanceDirector_HeadsFinanceDivision_EndorsesTheSuppliesOfficersOwnRequest()
    {
        // The supplies officer works in กองคลัง; its head is the finance director, who endorses her request.
        var id = await LoanSetup.SubmitAsync(app, Demo.Officer, [(await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง"), 1)], Today.AddDays(4), Today.AddDays(4));
        var director = await app.CreateClientAsAsync(Demo.Director);
        var form = await HtmlForm.LoadAsync(director, $"/endorsements/{id}", "form[action*='handler=Endorse']");

        var response = await form.SubmitAsync(director);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.Endorsed, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Endorse_Head_MovesRequestToTheSuppliesQueue()
    {
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง"), 1)], Today.AddDays(2), Today.AddDays(2));
        var head = await app.CreateClientAsAsync(Demo.Head);
        var form = await HtmlForm.LoadAsync(head, $"/endorsements/{id}", "form[action*='handler=Endorse']");

        var response = await form.SubmitAsync(head);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/endorsements", response.Headers.Location!.OriginalString);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Endorsed, loan.Status);
        Assert.Equal("DivisionHead", loan.History[^1].ActingRole);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var queue = await HtmlForm.GetDocumentAsync(officer, "/supplies");
        Assert.Contains(queue.QuerySelectorAll("#to-check a[href]"), a => a.GetAttribute("href") == $"/supplies/check/{id}");
    }

    [Fact]
    public async Task HeadsOwnRequest_SkipsEndorsementAndTheSuppliesCheckReservesIt()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "โต๊ะพับ (ทดสอบคำขอของหัวหน้า)", 10);
        var head = await app.CreateClientAsAsync(Demo.Head);
        var form = await HtmlForm.LoadAsync(head, "/loans/new");
        form.Set($"Input.Quantities[{pool}]", "4").Set("Input.StartOn", Iso(Today.AddDays(3))).Set("Input.DueOn", Iso(Today.AddDays(3)))
            .Set("Input.Purpose", "ประชุมผู้บริหารสถานศึกษา").Set("Input.Place", "ห้องประชุมกองการศึกษา");

        var response = await form.SubmitAsync(head);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var details = await HtmlForm.GetDocumentAsync(head, $"/loans/{id}");
        Assert.Contains("รอเจ้าหน้าที่พัสดุตรวจสอบ", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(details.QuerySelector($"a[href='/endorsements/{id}']"));
        var endorsements = await HtmlForm.GetDocumentAsync(head, "/endorsements");
        Assert.DoesNotContain(endorsements.QuerySelectorAll("a[href^='/endorsements/']"), a => a.GetAttribute("href") == $"/endorsements/{id}");
        Assert.Contains("accessdenied", (await head.GetAsync($"/endorsements/{id}")).Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        // The supplies queue, the check page and the endorsement pages agree: it is waiting for the check.
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var queue = await HtmlForm.GetDocumentAsync(officer, "/supplies");
        Assert.Contains(queue.QuerySelectorAll("#to-check a[href]"), a => a.GetAttribute("href") == $"/supplies/check/{id}");
        var check = await HtmlForm.LoadAsync(officer, $"/supplies/check/{id}", "form[action*='handler=Reserve']");
        Assert.Equal(HttpStatusCode.Redirect, (await check.SubmitAsync(officer)).StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Checked, loan.Status);
        Assert.Equal("DivisionHead", loan.History[0].ActingRole);
    }

    [Fact]
    public async Task SendBack_WithoutReason_ShowsThaiErrorBesideReason()
    {
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง"), 1)], Today.AddDays(2), Today.AddDays(2));
        var head = await app.CreateClientAsAsync(Demo.Head);
        var form = await HtmlForm.LoadAsync(head, $"/endorsements/{id}", "form[action*='handler=SendBack']");

        var response = await form.SubmitAsync(head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal("กรุณาระบุเหตุผล", doc.QuerySelector("span[data-valmsg-for='Reason']")!.TextContent.Trim());
        Assert.Equal(LoanStatus.Submitted, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Review_TheHeadsOwnRequestKeyedInByTheOfficer_IsDeniedWithoutForms()
    {
        // Decision 0004: a request an officer keys in for the head needs an endorsement the head may not give
        // (Loan.EndorserIsRequester); the page used to offer both forms and the server refused them.
        var item = await LoanSetup.ItemIdAsync(app, "จอรับภาพแบบขาตั้ง");
        var id = await app.WithDbAsync(async db =>
        {
            var officer = await LoanSetup.ActorAsync(db, Demo.Officer);
            var headActor = await LoanSetup.ActorAsync(db, Demo.Head);
            var policy = (await Settings.LoadAsync(db, default)).Policy;
            var request = new LoanRequest("ใช้ในงานของหน่วยงาน", "ห้องประชุมเทศบาล", false, Today.AddDays(2), Today.AddDays(2), [new RequestedLine(item, 1)]);
            var loan = await db.SubmitLoanAsync(await db.StaffBorrowerAsync(headActor.UserId!, default), request, officer, policy, Today,
                app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
        var head = await app.CreateClientAsAsync(Demo.Head);

        var response = await head.GetAsync($"/endorsements/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LoanStatus.Submitted, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Endorsements_NotAHead_IsDenied()
    {
        foreach (var email in new[] { Demo.Employee, Demo.Officer, Demo.Mayor })
        {
            var client = await app.CreateClientAsAsync(email);
            var response = await client.GetAsync("/endorsements");
            Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Review_UnknownLoan_Is404()
    {
        var head = await app.CreateClientAsAsync(Demo.Head);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/endorsements/987654")).StatusCode);
    }
}
