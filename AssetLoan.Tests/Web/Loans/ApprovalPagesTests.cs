using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>/approvals: who may approve which case, separation of duties, delegates, rejection.</summary>
public sealed class ApprovalPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateOnly Today => LoanSetup.Today(app);

    [Fact]
    public async Task Index_DirectorSeesOnPremises_MayorAlsoSeesOffPremises()
    {
        var (onSite, offSite) = (await CheckedAsync("โต๊ะหมู่บูชา (ทดสอบรายการ)", offPremises: false), await CheckedAsync("ซุ้มประตู (ทดสอบรายการ)", offPremises: true));
        var director = await app.CreateClientAsAsync(Demo.Director);
        var mayor = await app.CreateClientAsAsync(Demo.Mayor);

        var forDirector = await ReviewLinksAsync(director);
        var forMayor = await ReviewLinksAsync(mayor);

        Assert.Contains($"/approvals/review/{onSite}", forDirector);
        Assert.DoesNotContain($"/approvals/review/{offSite}", forDirector);
        Assert.Contains($"/approvals/review/{onSite}", forMayor);
        Assert.Contains($"/approvals/review/{offSite}", forMayor);
    }

    [Fact]
    public async Task Approve_DirectorOnPremises_ApprovesAndRecordsWhoInWhichRole()
    {
        var id = await CheckedAsync("เครื่องทำน้ำเย็น (ทดสอบอนุมัติ)", offPremises: false);
        var director = await app.CreateClientAsAsync(Demo.Director);
        var form = await HtmlForm.LoadAsync(director, $"/approvals/review/{id}", "form[action*='handler=Approve']");

        var response = await form.SubmitAsync(director);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/approvals", response.Headers.Location!.OriginalString);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Approved, loan.Status);
        Assert.Equal("นายสมศักดิ์ รักษ์ทรัพย์", loan.ApprovedByName);
        Assert.Equal("FinanceDirector", loan.ApprovedRole);
        Assert.Null(loan.DelegationOrder);
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var page = await HtmlForm.GetDocumentAsync(employee, $"/loans/{id}");
        Assert.Contains("อนุมัติแล้ว", page.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("นายสมศักดิ์ รักษ์ทรัพย์ (ผู้อำนวยการกองคลัง)", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_OwnRequest_ShowsThaiMessageAndLeavesItChecked()
    {
        var pool = await LoanSetup.NewPoolAsync(app, "ตู้เอกสาร (ทดสอบของตนเอง)", 3);
        // The director heads กองคลัง, so his own request needs no endorsement (decision 0004) but still someone else's approval.
        var id = await LoanSetup.SubmitAsync(app, Demo.Director, [(pool, 1)], Today.AddDays(2), Today.AddDays(2));
        await LoanSetup.CheckAsync(app, id);
        var director = await app.CreateClientAsAsync(Demo.Director);
        Assert.DoesNotContain($"/approvals/review/{id}", await ReviewLinksAsync(director));

        var response = await PostApproveWithoutAButtonAsync(director, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ผู้ขอยืมไม่สามารถอนุมัติคำขอของตนเองได้", doc.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Checked, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Approve_DirectorOffPremises_ShowsThaiAuthorityMessage()
    {
        var id = await CheckedAsync("เครื่องปั่นไฟ (ทดสอบอำนาจ)", offPremises: true);
        var director = await app.CreateClientAsAsync(Demo.Director);

        var doc = await HtmlForm.ParseAsync(await PostApproveWithoutAButtonAsync(director, id));

        Assert.Contains("คำขอกรณีนี้ต้องอนุมัติโดยผู้มีอำนาจตามระเบียบ", doc.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Checked, (await LoanSetup.LoanAsync(app, id)).Status);
    }

    [Fact]
    public async Task Approve_Delegate_RecordsTheDelegationOrderFromTheAccount()
    {
        var id = await CheckedAsync("ชุดไฟประดับ (ทดสอบมอบอำนาจ)", offPremises: true);
        var deputy = await app.CreateClientAsAsync(Demo.Deputy);
        var form = await HtmlForm.LoadAsync(deputy, $"/approvals/review/{id}", "form[action*='handler=Approve']");
        Assert.Equal("คำสั่งเทศบาลตำบลแม่คือ ที่ 123/2569", form.Value("DelegationOrder"));

        var cleared = await HtmlForm.ParseAsync(await form.Set("DelegationOrder", "").SubmitAsync(deputy));
        Assert.Equal("ผู้รับมอบอำนาจต้องระบุเลขที่คำสั่งมอบอำนาจ", cleared.QuerySelector("span[data-valmsg-for='DelegationOrder']")!.TextContent.Trim());

        var response = await form.Set("DelegationOrder", "คำสั่งเทศบาลตำบลแม่คือ ที่ 123/2569").SubmitAsync(deputy);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal("Executive", loan.ApprovedRole);
        Assert.Equal("คำสั่งเทศบาลตำบลแม่คือ ที่ 123/2569", loan.DelegationOrder);
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenRejects()
    {
        var id = await CheckedAsync("เต็นท์ผ้าใบ (ทดสอบไม่อนุมัติ)", offPremises: false);
        var director = await app.CreateClientAsAsync(Demo.Director);
        var form = await HtmlForm.LoadAsync(director, $"/approvals/review/{id}", "form[action*='handler=Reject']");

        var missing = await HtmlForm.ParseAsync(await form.SubmitAsync(director));
        Assert.Equal("กรุณาระบุเหตุผล", missing.QuerySelector("span[data-valmsg-for='Reason']")!.TextContent.Trim());

        var response = await form.Set("Reason", "เทศบาลใช้พัสดุในงานประเพณีวันเดียวกัน").SubmitAsync(director);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Rejected, loan.Status);
        Assert.Equal("เทศบาลใช้พัสดุในงานประเพณีวันเดียวกัน", loan.DecisionReason);
    }

    [Fact]
    public async Task Review_UnknownLoan_Is404_AndOtherRolesAreDenied()
    {
        var director = await app.CreateClientAsAsync(Demo.Director);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync("/approvals/review/424242")).StatusCode);
        foreach (var email in new[] { Demo.Employee, Demo.Officer, Demo.Head, Demo.Auditor })
        {
            var client = await app.CreateClientAsAsync(email);
            var response = await client.GetAsync("/approvals");
            Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<List<string?>> ReviewLinksAsync(HttpClient client) =>
        (await HtmlForm.GetDocumentAsync(client, "/approvals")).QuerySelectorAll("a[href^='/approvals/review/']").Select(a => a.GetAttribute("href")).ToList();

    private async Task<int> CheckedAsync(string itemName, bool offPremises)
    {
        var pool = await LoanSetup.NewPoolAsync(app, itemName, 5);
        var id = await LoanSetup.SubmitAsync(app, Demo.Employee, [(pool, 2)], Today.AddDays(3), Today.AddDays(4), offPremises);
        await LoanSetup.EndorseAsync(app, id);
        await LoanSetup.CheckAsync(app, id);
        return id;
    }

    /// <summary>
    /// The page shows no อนุมัติ button to someone the rule refuses; a hand-made post (the page's own antiforgery token)
    /// must still be refused by the server.
    /// </summary>
    private static async Task<HttpResponseMessage> PostApproveWithoutAButtonAsync(HttpClient client, int id)
    {
        var page = await HtmlForm.GetDocumentAsync(client, $"/approvals/review/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Approve']"));
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri($"/approvals/review/{id}?handler=Approve", UriKind.Relative), body);
    }
}
