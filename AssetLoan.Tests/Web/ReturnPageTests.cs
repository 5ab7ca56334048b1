using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class ReturnPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Issue 11 §5: sandbags lent to another agency come back in kind. Before, the page offered good / damaged / lost
    /// and kept no record of what came back; now each receipt is written down (quantity and what exactly) and the
    /// quantity counts back into the pool.
    /// </summary>
    [Fact]
    public async Task Post_ConsumablesReturnedInKind_AreRecordedLineByLineAndCountBack()
    {
        var today = LoanSetup.Today(app);
        var sandbags = await LoanSetup.ItemIdAsync(app, PublicApplication.Sandbags);
        var freeBefore = await FreeSandbagsAsync();
        var id = await LoanSetup.SubmitOutsiderAsync(app, [(sandbags, 200)], today, today.AddDays(14), offPremises: true, kind: BorrowerKind.Agency, urgencyReason: "น้ำป่าไหลหลาก");
        await LoanSetup.CheckAsync(app, id, LoanCase.ConsumableInterAgency);
        await LoanSetup.ApproveAsync(app, id, Demo.Mayor);
        await LoanSetup.HandOverAsync(app, id);
        var lendableBefore = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Id == sandbags).Select(c => c.PoolQuantity).SingleAsync());
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var form = await HtmlForm.LoadAsync(client, $"/supplies/return/{id}", "#return-form");
        Assert.Null(form.Document.QuerySelector("input[name='Input.Lines[0].PoolDamaged']"));
        var missing = await HtmlForm.ParseAsync(await form.Set("Input.Lines[0].PoolGood", "150").SubmitAsync(client));
        Assert.Contains("กรุณาระบุสิ่งของที่รับคืน", missing.QuerySelector("[data-valmsg-for='Input.Lines[0].InKind']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("150", missing.QuerySelector("input[name='Input.Lines[0].PoolGood']")!.GetAttribute("value"));

        var first = HtmlForm.From(missing, "#return-form", $"/supplies/return/{id}").Set("Input.Lines[0].InKind", "กระสอบทรายใหม่ 45×75 ซม.");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(client)).StatusCode);
        var rest = await HtmlForm.LoadAsync(client, $"/supplies/return/{id}", "#return-form");
        var over = await HtmlForm.ParseAsync(await rest.Set("Input.Lines[0].PoolGood", "60").Set("Input.Lines[0].InKind", "กระสอบป่าน").SubmitAsync(client));
        Assert.Contains("จำนวนที่รับคืนเกินจำนวนที่ยังค้างอยู่", over.QuerySelector("[data-valmsg-for='Input.Lines[0].PoolGood']")!.TextContent, StringComparison.Ordinal);
        var second = HtmlForm.From(over, "#return-form", $"/supplies/return/{id}").Set("Input.Lines[0].PoolGood", "50");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(client)).StatusCode);

        var loan = await LoanSetup.LoanAsync(app, id);
        Assert.Equal(LoanStatus.Closed, loan.Status);
        var page = await HtmlForm.GetDocumentAsync(client, $"/loans/{id}");
        var rows = page.QuerySelectorAll("tr[data-in-kind]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("150 ใบ", rows[0], StringComparison.Ordinal);
        Assert.Contains("กระสอบทรายใหม่ 45×75 ซม.", rows[0], StringComparison.Ordinal);
        Assert.Contains("กระสอบป่าน", rows[1], StringComparison.Ordinal);
        var receipts = await app.WithDbAsync(db => db.LoanLines.AsNoTracking().Where(l => l.LoanId == id).SelectMany(l => l.InKindReceipts).ToListAsync());
        Assert.Equal([150, 50], receipts.Select(r => r.Quantity));
        Assert.Equal(lendableBefore, await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Id == sandbags).Select(c => c.PoolQuantity).SingleAsync()));
        Assert.Equal(freeBefore, await FreeSandbagsAsync());

        Task<int> FreeSandbagsAsync() =>
            app.WithDbAsync(async db => (await db.AvailabilityAsync([sandbags], today, today.AddDays(14), today, firmOnly: false, null, default))[sandbags].FreeQuantity);
    }

    [Fact]
    public async Task Post_OneDamagedTent_KeepsTheLoanOpenAndOpensACase()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 2), (LoanSetup.Chairs, 30));
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/return/{id}", "#return-form");
        form.Set("Input.Lines[0].Units[0].Condition", "Damaged")
            .Set("Input.Lines[0].Units[0].Note", "ผ้าใบขาด")
            .Set("Input.Lines[1].PoolGood", "10");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/supplies/compensation/{id}", response.Headers.Location!.OriginalString);
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.AsNoTracking().Whole().SingleAsync(l => l.Id == id);
            Assert.Equal(LoanStatus.PartlyReturned, loan.Status);
            var damaged = loan.Lines.Single(l => !l.IsPooled).Units.OrderBy(u => u.AssetNumber).First();
            Assert.Equal(ReturnCondition.Damaged, damaged.ReturnCondition);
            Assert.Equal(AssetStatus.UnderRepair, await db.Assets.Where(a => a.Id == damaged.AssetId).Select(a => a.Status).SingleAsync());
            var c = Assert.Single(loan.Compensations);
            Assert.Equal((CompensationKind.Damaged, damaged.AssetNumber, damaged.ValueAtBorrowing), (c.Kind, c.AssetNumber, c.ProposedAmount));
            Assert.Equal(20, loan.Lines.Single(l => l.IsPooled).Outstanding);
        });
    }

    [Fact]
    public async Task Post_EverythingBackByScanning_ClosesTheLoan()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 2), (LoanSetup.Chairs, 5));
        var numbers = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == id)).OrderBy(u => u.AssetNumber).Select(u => u.AssetNumber).ToListAsync());
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/return/{id}", "#return-form");
        form.Set("Input.Lines[0].Scan", numbers[0]);
        var scanned = await HtmlForm.ParseAsync(await form.SubmitAsync(client, $"/supplies/return/{id}?handler=Scan"));
        Assert.True(scanned.QuerySelector("input[name='Input.Lines[0].Units[0].Condition'][value='Good']")!.HasAttribute("checked"));
        var final = HtmlForm.From(scanned, "#return-form", $"/supplies/return/{id}")
            .Set("Input.Lines[0].Scan", numbers[1])
            .Set("Input.Lines[1].PoolGood", "5");

        var response = await final.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoanStatus.Closed, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
        var page = await HtmlForm.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("รับคืนครบถ้วนและปิดรายการยืมแล้ว", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingChecklistParts_OpensAMissingPartsCase()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/return/{id}", "#return-form");
        form.Set("Input.Lines[0].Units[0].Condition", "Good").Add("Input.Lines[0].MissingParts", "สมอบก 16 ตัว");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await app.WithDbAsync(db => db.CompensationCases.SingleAsync(x => x.LoanId == id));
        Assert.Equal(CompensationKind.MissingParts, c.Kind);
        Assert.Equal("สมอบก 16 ตัว", c.Description);
        Assert.Equal(LoanStatus.Returned, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_MoreThanIsOut_ShowsThaiMessageAndKeepsTheNumbers()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 5));
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/return/{id}", "#return-form");
        form.Set("Input.Lines[0].PoolGood", "4").Set("Input.Lines[0].PoolLost", "2");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("จำนวนที่รับคืนเกินจำนวนที่ยังค้างอยู่", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", doc.QuerySelector("input[name='Input.Lines[0].PoolLost']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task OfficerWhoBorrowed_IsToldInThaiAndCannotReceiveItBack()
    {
        var id = await app.HandedOverAsync(Demo.Officer, 3, (LoanSetup.Chairs, 5));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        // Issue 12: the form is offered only when LoanActions.For offers Return to this officer; the reason is shown instead.
        var get = await HtmlForm.GetDocumentAsync(client, $"/supplies/return/{id}");
        Assert.Contains("ไม่สามารถดำเนินการกับคำขอยืมของตนเองได้", get.QuerySelector("[data-refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(get.QuerySelector("#return-form"));

        // Posted anyway (another form's token): refused with the message, never a 500.
        var any = await HtmlForm.LoadAsync(client, "/supplies/walkin");
        var response = await any.Set("Input.Lines[0].LineId", (await LoanSetup.LoanAsync(app, id)).Lines.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("Input.Lines[0].PoolGood", "5").SubmitAsync(client, $"/supplies/return/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ไม่สามารถดำเนินการกับคำขอยืมของตนเองได้", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LoanStatus.HandedOver, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Get_ShowsTheLoansAuditTimeline()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/return/{id}");

        var timeline = doc.QuerySelector("#audit-timeline-heading")!.ParentElement!.TextContent;
        Assert.Contains("รายการยืม", timeline, StringComparison.Ordinal);
        Assert.Contains("สถานะ: อนุมัติแล้ว → ส่งมอบแล้ว (ระหว่างยืม)", timeline, StringComparison.Ordinal);
        Assert.Contains("ครุภัณฑ์ในรายการยืม", timeline, StringComparison.Ordinal);
    }
}
