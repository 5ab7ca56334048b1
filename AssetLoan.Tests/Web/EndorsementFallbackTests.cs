using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.Organisation;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>Issue 10, point 5: a division without a head does not trap its staff's requests.</summary>
public sealed class EndorsementFallbackTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RequestOfDivisionWithoutHead_GoesToTheHeadOfFinance_WhoEndorsesIt()
    {
        await app.WithDbAsync(async db =>
        {
            db.Divisions.Add(new Division("SOC", "กองสวัสดิการสังคม"));
            await db.SaveChangesAsync();
        });
        var staff = await LoanSetup.NewStaffAsync(app, "นายสมพร ไร้หัวหน้า", "SOC");
        var chairs = await LoanSetup.ItemIdAsync(app, LoanSetup.Chairs);
        var today = LoanSetup.Today(app);
        var id = await LoanSetup.SubmitAsync(app, staff, [(chairs, 10)], today.AddDays(2), today.AddDays(3));

        var headOfEducation = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Head), "/endorsements");
        Assert.DoesNotContain($"/endorsements/{id}", headOfEducation.Body!.InnerHtml, StringComparison.Ordinal);
        var director = await app.CreateClientAsAsync(Demo.Director);
        var list = await HtmlForm.GetDocumentAsync(director, "/endorsements");
        var row = list.QuerySelector($"a[href='/endorsements/{id}']")!.Closest("tr")!;
        Assert.Contains("กองสวัสดิการสังคม", row.QuerySelector("[data-fallback-endorsement]")!.TextContent, StringComparison.Ordinal);
        var officerDesk = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Officer), "/supplies");
        Assert.NotNull(officerDesk.QuerySelector("[data-fallback-endorsement]"));
        var inbox = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.LoanId == id && n.TemplateKey == "Act.Endorse").Select(n => n.UserId).ToListAsync());
        var directorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Director).Select(u => u.Id).SingleAsync());
        Assert.Equal([directorId], inbox);

        var form = await HtmlForm.LoadAsync(director, $"/endorsements/{id}", "form[action*='handler=Endorse']");
        var response = await form.SubmitAsync(director);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.Endorsed, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Admin_IsWarnedOfDivisionsWithoutHead_OnTheListAndWhenCreatingAUser()
    {
        await app.WithDbAsync(async db =>
        {
            db.Divisions.Add(new Division("AGR", "กองส่งเสริมการเกษตร"));
            await db.SaveChangesAsync();
        });
        var admin = await app.CreateClientAsAsync(Demo.Admin);

        var divisions = await HtmlForm.GetDocumentAsync(admin, "/admin/divisions");
        Assert.Contains("กองส่งเสริมการเกษตร", divisions.QuerySelector("#headless-divisions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("กองการศึกษา", divisions.QuerySelector("#headless-divisions")!.TextContent, StringComparison.Ordinal);
        var create = await HtmlForm.GetDocumentAsync(admin, "/admin/users/create");
        Assert.Contains("กองส่งเสริมการเกษตร", create.QuerySelector("#headless-warning")!.TextContent, StringComparison.Ordinal);

        var agr = await app.WithDbAsync(db => db.Divisions.Where(d => d.Code == "AGR").Select(d => d.Id).SingleAsync());
        var form = await HtmlForm.LoadAsync(admin, "/admin/users/create");
        form.Set("Email", "farm@maekhue.go.th").Set("Password.NewPassword", "Farm#2569-kaset").Set("Input.FullName", "นายเกษตร ดีงาม")
            .Set("Input.DivisionId", agr.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var created = await form.SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var next = await HtmlForm.GetDocumentAsync(admin, created.Headers.Location!.OriginalString);
        Assert.Contains("ยังไม่มีหัวหน้าหน่วยงาน", next.Body!.TextContent, StringComparison.Ordinal);
    }
}
