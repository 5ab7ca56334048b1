using System.Net;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Issue 12: the officer's desk forms (handover, return, reduce, demand) are shown only when
/// <c>LoanActions.For</c> offers their action to the person looking; otherwise the page says why instead of offering a
/// form the server would refuse.
/// </summary>
public sealed class DeskFormActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string OwnRequest = "ไม่สามารถดำเนินการกับคำขอยืมของตนเองได้";

    [Fact]
    public async Task Handover_OfTheOfficersOwnLoan_NoForm_TheReasonShown()
    {
        var id = await app.ApprovedAsync(Demo.Officer, 1, (LoanSetup.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/handover/{id}");

        Assert.Null(doc.QuerySelector("#handover-form"));
        Assert.Contains(OwnRequest, doc.QuerySelector("[data-duty-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_OfTheOfficersOwnLoan_NoForm_TheReasonShown()
    {
        var id = await app.HandedOverAsync(Demo.Officer, 1, (LoanSetup.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/return/{id}");

        Assert.Null(doc.QuerySelector("#return-form"));
        Assert.Contains(OwnRequest, doc.QuerySelector("[data-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reduce_OfTheOfficersOwnLoan_NoForm_TheReasonShown()
    {
        var id = await app.ApprovedAsync(Demo.Officer, 1, (LoanSetup.Chairs, 2));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/reduce/{id}");

        Assert.Null(doc.QuerySelector("#reduce-form"));
        Assert.Contains(OwnRequest, doc.QuerySelector("[data-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demand_OnALoanNotYetOverdue_NoForm_TheReasonShown()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 5, (LoanSetup.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/demand/{id}");

        Assert.Null(doc.QuerySelector("#demand-form"));
        Assert.Contains("รายการยืมนี้ยังไม่เกินกำหนดส่งคืน", doc.QuerySelector("[data-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OfARequestTheOfficerKeyedIn_NoReservation_TheReasonAndTheSendBackForm()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var chairs = await LoanSetup.ItemIdAsync(app, LoanSetup.Chairs);
        var walkin = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        walkin.Set("Input.Kind", nameof(BorrowerKind.Person)).Set("Input.Name", "นางบัวผัน ส่งกลับ").Set("Input.Phone", "0812224444")
            .Set("Input.NationalId", "1103700012346").Set($"Input.Quantities[{chairs}]", "5")
            .Set("Input.Purpose", "งานบวช").Set("Input.Place", "บ้านเลขที่ 9 หมู่ 2");
        var keyedIn = await walkin.SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, keyedIn.StatusCode);
        var id = int.Parse(keyedIn.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var doc = await HtmlForm.GetDocumentAsync(officer, $"/supplies/check/{id}");

        Assert.Null(doc.QuerySelector("form[action*='handler=Reserve']"));
        Assert.NotNull(doc.QuerySelector("[data-duty-refusal]"));
        Assert.NotNull(doc.QuerySelector("form[data-action='SendBack']"));
        var form = HtmlForm.From(doc, "form[data-action='SendBack']", $"/supplies/check/{id}");
        var response = await form.Set("Reason", "กรุณาแนบสำเนาบัตรประชาชน").SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.SentBack, (await LoanSetup.LoanAsync(app, id)).Status);
    }
}
