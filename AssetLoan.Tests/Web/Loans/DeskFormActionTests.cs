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
        var id = await app.ApprovedAsync(Demo.Officer, 1, (LoanStates.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/handover/{id}");

        Assert.Null(doc.QuerySelector("#handover-form"));
        Assert.Contains(OwnRequest, doc.QuerySelector("[data-duty-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_OfTheOfficersOwnLoan_NoForm_TheReasonShown()
    {
        var id = await app.HandedOverAsync(Demo.Officer, 1, (LoanStates.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/return/{id}");

        Assert.Null(doc.QuerySelector("#return-form"));
        Assert.Contains(OwnRequest, doc.QuerySelector("[data-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reduce_OfTheOfficersOwnLoan_NoForm_TheReasonShown()
    {
        var id = await app.ApprovedAsync(Demo.Officer, 1, (LoanStates.Chairs, 2));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/reduce/{id}");

        Assert.Null(doc.QuerySelector("#reduce-form"));
        Assert.Contains(OwnRequest, doc.QuerySelector("[data-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demand_OnALoanNotYetOverdue_NoForm_TheReasonShown()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 5, (LoanStates.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/demand/{id}");

        Assert.Null(doc.QuerySelector("#demand-form"));
        Assert.Contains("รายการยืมนี้ยังไม่เกินกำหนดส่งคืน", doc.QuerySelector("[data-refusal]")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
