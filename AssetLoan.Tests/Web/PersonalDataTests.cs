using System.Net;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class PersonalDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int BorrowerId, string NationalId)> ApplyAsync()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id, phone: "081-444-5566"));
        return (await app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).Select(l => l.BorrowerId).SingleAsync()), id);
    }

    private Task<int> ViewEventsAsync(int borrowerId) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == PersonalDataAccess.ViewNationalIdAction && e.EntityId == borrowerId.ToString()));

    [Fact]
    public async Task BorrowerPage_Employee_IsDenied()
    {
        var employee = await app.CreateClientAsAsync(Demo.Employee);

        // Refused before any look-up: the same for every id.
        var response = await employee.GetAsync("/supplies/borrower/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/accessdenied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BorrowerPage_Executive_SeesTheIdAndPhoneMaskedAndCannotReveal()
    {
        var (borrowerId, id) = await ApplyAsync();
        var employee = await app.CreateClientAsAsync(Demo.Mayor);

        var doc = await HtmlForm.GetDocumentAsync(employee, $"/supplies/borrower/{borrowerId}");
        Assert.Equal(ThaiNationalId.Mask(id), doc.QuerySelector("#national-id")!.TextContent.Trim());
        Assert.Equal("081x-xxx-5566", doc.QuerySelector("#borrower-phone")!.TextContent.Trim());
        Assert.DoesNotContain(id, doc.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(ThaiNationalId.Format(id), doc.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form[action*='handler=Reveal']"));

        // Posting the reveal by hand (with a valid antiforgery token from another form) is refused and not logged.
        var anyForm = HtmlForm.From(doc, "form[action='/culture']", "/");
        var response = await anyForm.SubmitAsync(employee, $"/supplies/borrower/{borrowerId}?handler=Reveal");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ViewEventsAsync(borrowerId));
    }

    [Fact]
    public async Task Reveal_SuppliesOfficer_ShowsTheFullIdAndAuditsTheView()
    {
        var (borrowerId, id) = await ApplyAsync();
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var page = await HtmlForm.GetDocumentAsync(officer, $"/supplies/borrower/{borrowerId}");
        Assert.Equal(ThaiNationalId.Mask(id), page.QuerySelector("#national-id")!.TextContent.Trim());
        Assert.Equal("0814445566", page.QuerySelector("#borrower-phone")!.TextContent.Trim());
        var reveal = HtmlForm.From(page, "form[action*='handler=Reveal']", $"/supplies/borrower/{borrowerId}");
        var response = await reveal.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ThaiNationalId.Format(id), (await HtmlForm.ParseAsync(response)).QuerySelector("#national-id")!.TextContent.Trim());
        var (events, chain, officerId) = await app.WithDbAsync(async db => (
            await db.AuditEvents.AsNoTracking().Where(e => e.Action == PersonalDataAccess.ViewNationalIdAction).ToListAsync(),
            AuditChain.Verify(await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(), app.ChainKey),
            await db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.Id).SingleAsync()));
        var view = Assert.Single(events, e => e.EntityId == borrowerId.ToString());
        Assert.Equal(("Borrower", officerId), (view.EntityType, view.ActorUserId));
        Assert.Contains("SuppliesOfficer", view.ActorRole, StringComparison.Ordinal);
        Assert.Null(chain);
    }

    [Fact]
    public async Task BorrowerPage_Anonymous_IsSentToSignIn()
    {
        var (borrowerId, _) = await ApplyAsync();
        var response = await app.CreateAnonymousClient().GetAsync($"/supplies/borrower/{borrowerId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BorrowerPage_Unknown_IsNotFound()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/supplies/borrower/999999")).StatusCode);
    }
}
