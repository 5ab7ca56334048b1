using System.Net;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Forms;

/// <summary>
/// Each render of a request form carries a submission key; posting the same render again (Back and submit, a double
/// tap) leads to the request it already filed instead of filing a second one.
/// </summary>
public sealed class SubmissionKeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Apply_SameFormPostedTwice_FilesOneRequest_SecondGoesToTheFirst()
    {
        var client = app.CreateAnonymousClient();
        var form = await PublicApplication.FilledAsync(client);
        Assert.Matches("^[0-9a-f]{32}$", form.Value("Input.SubmissionKey"));
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());

        var (reference, token) = await PublicApplication.SubmitAsync(client, form);
        var again = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/apply/done", again.Headers.Location!.OriginalString);
        var done = await HtmlForm.GetDocumentAsync(client, "/apply/done");
        Assert.Equal(reference, done.QuerySelector("#reference")!.TextContent.Trim());
        Assert.EndsWith(token, done.QuerySelector("#tracking-link")!.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task Apply_TwoRendersOfTheForm_FileTwoRequests()
    {
        var client = app.CreateAnonymousClient();
        var first = await PublicApplication.FilledAsync(client);
        var second = await PublicApplication.FilledAsync(client);
        Assert.NotEqual(first.Value("Input.SubmissionKey"), second.Value("Input.SubmissionKey"));
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());

        await PublicApplication.SubmitAsync(client, first);
        await PublicApplication.SubmitAsync(client, second);

        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task LoansNew_SameFormPostedTwice_FilesOneRequest()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, LoanSetup.Projector);
        var form = (await HtmlForm.LoadAsync(client, "/loans/new")).Set($"Input.Quantities[{projector}]", "1")
            .Set("Input.Purpose", "ประชุมประจำเดือน").Set("Input.Place", "ห้องประชุมเทศบาล");
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());

        var first = await form.SubmitAsync(client);
        var second = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));
        var key = form.Value("Input.SubmissionKey");
        Assert.Equal(1, await app.WithDbAsync(db => db.Loans.CountAsync(l => l.SubmissionKey == key)));
    }

    [Fact]
    public async Task Apply_BackAndSubmitAgain_FreshFormSameApplication_FilesOneAndSaysSo()
    {
        // Going Back re-fetches the form (no-store) with a fresh key; the villager submits the same application again.
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var phone = PublicApplication.NewPhone();
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());
        var (reference, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id, phone: phone));

        var again = await (await PublicApplication.FilledAsync(client, nationalId: id, phone: phone)).SubmitAsync(client);

        Assert.Equal("/apply/done", again.Headers.Location!.OriginalString);
        var done = await HtmlForm.GetDocumentAsync(client, "/apply/done");
        Assert.Equal(reference, done.QuerySelector("#reference")!.TextContent.Trim());
        Assert.EndsWith(token, done.QuerySelector("#tracking-link")!.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Contains("ไม่ได้ยื่นซ้ำ", done.QuerySelector("#filed-before")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task Apply_SameApplicantAnotherQuantity_IsASecondApplication()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (first, _) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id));

        var (second, _) = await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, nationalId: id)).Quantity(PublicApplication.Chairs, 51));

        Assert.NotEqual(first, second);
        var done = await HtmlForm.GetDocumentAsync(client, "/apply/done");
        Assert.Null(done.QuerySelector("#filed-before"));
    }

    [Fact]
    public async Task Apply_SameApplicationAfterTheWindow_IsASecondApplication()
    {
        await using var later = new AppFactory();
        var client = later.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (first, _) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id));
        later.Clock.Advance(AssetLoan.Domain.Loans.Loan.ResubmissionWindow + TimeSpan.FromMinutes(1));

        var (second, _) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task LoansNew_FreshFormSameRequest_FilesOneAndSaysSo()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var chairs = await LoanSetup.ItemIdAsync(app, "เก้าอี้พลาสติก");
        async Task<HttpResponseMessage> FileAsync() => await (await HtmlForm.LoadAsync(client, "/loans/new")).Set($"Input.Quantities[{chairs}]", "7")
            .Set("Input.Purpose", "อบรมครูผู้ดูแลเด็ก").Set("Input.Place", "ห้องประชุมเทศบาล").SubmitAsync(client);
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());

        var first = await FileAsync();
        await client.GetAsync(first.Headers.Location, TestContext.Current.CancellationToken); // shows (and clears) the first flash
        var second = await FileAsync();

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Loans.CountAsync()));
        var page = await HtmlForm.GetDocumentAsync(client, second.Headers.Location!.OriginalString);
        Assert.Contains("ไม่ได้ยื่นซ้ำ", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
