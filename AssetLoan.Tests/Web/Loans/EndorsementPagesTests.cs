using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>/endorsements: the division head endorses or sends back their own division's staff requests.</summary>
public sealed class EndorsementPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateOnly Today => LoanSetup.Today(app);

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
    public async Task Endorsements_NotAHead_IsDenied()
    {
        foreach (var email in new[] { Demo.Employee, Demo.Officer, Demo.Director })
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
