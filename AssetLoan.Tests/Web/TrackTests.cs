using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class TrackTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TokenPage_NewApplication_ShowsStepsAtTheCheckAndNoPersonalData()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (reference, token) = await PublicApplication.SubmitAsync(client,
            await PublicApplication.FilledAsync(client, nationalId: id, phone: "086-111-2233", name: "นายติดตาม ความคืบหน้า"));

        var page = await client.GetAsync($"/track/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var doc = await HtmlForm.ParseAsync(page);
        Assert.Equal(reference, doc.QuerySelector("#reference")!.TextContent.Trim());
        Assert.Equal("ยื่นคำขอแล้ว รอตรวจสอบ", doc.QuerySelector("#status")!.TextContent.Trim());
        var steps = doc.QuerySelectorAll("ol.steps li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(5, steps.Count);
        Assert.StartsWith("ยื่นคำขอ", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("คืนพัสดุ", steps[4], StringComparison.Ordinal);
        Assert.Equal("step", doc.QuerySelectorAll("ol.steps li")[1].GetAttribute("aria-current"));
        var html = doc.Body!.InnerHtml;
        foreach (var personal in new[] { "นายติดตาม", "0861112233", "086-111-2233", id, id[..5] })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lookup_ReferenceAndPhone_RedirectsToTheTokenPage()
    {
        var client = app.CreateAnonymousClient();
        var (reference, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: "087-222-3344"));
        var other = app.CreateAnonymousClient();

        var form = await HtmlForm.LoadAsync(other, "/track");
        form.Set("Input.Reference", reference.TrimStart('0')).Set("Input.Phone", "+66 87 222 3344");
        var response = await form.SubmitAsync(other);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/track/{token}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Lookup_WrongPhone_SaysNothingMatchesAndKeepsTheReference()
    {
        var client = app.CreateAnonymousClient();
        var (reference, _) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: "087-999-0000"));

        var form = await HtmlForm.LoadAsync(client, "/track");
        form.Set("Input.Reference", reference).Set("Input.Phone", "087-999-0001");
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ไม่พบคำขอที่ตรงกับเลขที่คำขอและเบอร์โทรศัพท์นี้", doc.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(reference, doc.QuerySelector("input[name='Input.Reference']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TokenPage_UnknownToken_IsNotFound()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_BeforeHandover_CancelsAndRecordsIt()
    {
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var response = await PublicApplication.CancelAsync(app, client, token, "เลื่อนงานออกไป");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/track/{token}", response.Headers.Location!.ToString());
        var loan = await app.WithDbAsync(db => db.Loans.AsNoTracking().Whole().SingleAsync(l => l.TrackingToken == token));
        Assert.Equal(LoanStatus.Cancelled, loan.Status);
        Assert.Equal("เลื่อนงานออกไป", loan.DecisionReason);
        Assert.Contains(loan.History, h => h.Action == LoanAction.Cancel && h.ActorUserId == null);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Equal("ยกเลิกแล้ว", doc.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains("ยกเลิกคำขอเรียบร้อยแล้ว", doc.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form[action*='handler=Cancel']"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0890000000")]
    public async Task Cancel_WithoutThePhoneOnFile_IsRefusedBesideTheFieldAndNothingChanges(string typed)
    {
        // Issue 16 §2: whoever holds the link (a forwarded message, a shared phone) cannot cancel without the number.
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", "form[action*='handler=Cancel']");
        var response = await form.Set("CancelReason", "ลองกดดู").Set("CancelPhone", typed).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Equal(typed.Length == 0 ? "กรุณากรอกเบอร์โทรศัพท์ที่ให้ไว้ในคำขอ" : "เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ",
            doc.QuerySelector("[data-valmsg-for='CancelPhone']")!.TextContent.Trim());
        Assert.Equal("ลองกดดู", doc.QuerySelector("input[name='CancelReason']")!.GetAttribute("value"));
        Assert.Equal(LoanStatus.Submitted, await app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Cancel_AfterHandoverOrTwice_IsRefusedWithAThaiMessage()
    {
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", "form[action*='handler=Cancel']");
        form.Set("CancelPhone", await PublicApplication.PhoneOnFileAsync(app, token));
        await form.SubmitAsync(client);

        var again = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("ทำรายการนี้ไม่ได้ในสถานะปัจจุบันของคำขอ", (await HtmlForm.ParseAsync(again)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenPage_Approved_ShowsPickupInstructionsAndDueDate()
    {
        var client = app.CreateAnonymousClient();
        var (reference, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);

        var checkedPage = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Equal("ตรวจสอบแล้ว รออนุมัติ", checkedPage.QuerySelector("#status")!.TextContent.Trim());

        await PublicApplication.ApproveAsync(app, loanId);
        var doc = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Equal("อนุมัติแล้ว", doc.QuerySelector("#status")!.TextContent.Trim());
        var pickup = doc.QuerySelector("#pickup")!.TextContent;
        Assert.Contains("มารับพัสดุได้ที่ งานพัสดุ กองคลัง", pickup, StringComparison.Ordinal);
        // The event starts on Saturday 5 Dec (วันพ่อแห่งชาติ): pickup opens on the working day before it.
        Assert.Contains("ตั้งแต่วันศุกร์ที่ 4 ธันวาคม 2569", pickup, StringComparison.Ordinal);
        Assert.Contains(reference, pickup, StringComparison.Ordinal);
        Assert.Equal("7 ธ.ค. 2569", doc.QuerySelector("#due-on")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("form[action*='handler=Cancel']"));
    }

    [Fact]
    public async Task TokenPage_Rejected_ShowsTheReason()
    {
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.RejectAsync(app, loanId, "ช่วงวันดังกล่าวเทศบาลต้องใช้เต็นท์ในงานประเพณี");

        var doc = await HtmlForm.GetDocumentAsync(client, $"/track/{token}");
        Assert.Equal("ไม่อนุมัติ", doc.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("ช่วงวันดังกล่าวเทศบาลต้องใช้เต็นท์ในงานประเพณี", doc.QuerySelector("#decision-reason")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("ol.steps li.stopped"));
    }
}
