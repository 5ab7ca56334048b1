using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.Payments;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Data.Seed;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>ข้อ ๒๐๙: the officer decides, the FinanceDirector confirms, the officer records the settlement.</summary>
public sealed class CompensationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TaxId = "0994000165510";

    [Fact]
    public async Task Decide_AnAmountOtherThanProposedWithoutABasis_ShowsThaiMessageAndKeepsTheAmount()
    {
        var (id, caseId) = await DamagedTentAsync();
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        form.Set("Decide.Method", "Pay").Set("Decide.Amount", "2500").Set("Decide.Basis", "");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("จำนวนเงินต่างจากมูลค่าที่เสนอ ต้องระบุหลักเกณฑ์เป็นลายลักษณ์อักษร", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2500.00", doc.QuerySelector($"#amount-{caseId}")!.GetAttribute("value"));
        Assert.Equal(CompensationStatus.Open, await app.WithDbAsync(db => db.CompensationCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decide_WithoutABasis_TheRuleBesideTheBasis_TheMethodAndAmountKept()
    {
        var (id, caseId) = await DamagedTentAsync();
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        form.Set("Decide.Method", "Pay").Set("Decide.Amount", "2500").Set("Decide.Basis", "");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        var posted = doc.QuerySelector($"form:has(input[name='Decide.CaseId'][value='{caseId}'])")!;
        Assert.Equal("จำนวนเงินต่างจากมูลค่าที่เสนอ ต้องระบุหลักเกณฑ์เป็นลายลักษณ์อักษร", posted.QuerySelector("[data-valmsg-for='Decide.Basis']")!.TextContent.Trim());
        Assert.Equal("2500.00", posted.QuerySelector("[name='Decide.Amount']")!.GetAttribute("value"));
        Assert.Equal("Pay", posted.QuerySelector("select[name='Decide.Method'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task DecideConfirmSettle_PaymentShowsThePromptPayQrAndTheLoanCloses()
    {
        await app.WithDbAsync(async db =>
        {
            await Settings.SetAsync(db, Settings.Keys.PromptPayTarget, TaxId, default);
            await db.SaveChangesAsync();
        });
        var (id, caseId) = await DamagedTentAsync();
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var decide = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        decide.Set("Decide.Method", "Pay").Set("Decide.Amount", "2500").Set("Decide.Basis", "ราคาซ่อมผ้าใบตามใบเสนอราคาร้านค้า");
        Assert.Equal(HttpStatusCode.Redirect, (await decide.SubmitAsync(officer)).StatusCode);

        var page = await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensation/{id}");
        var qr = page.QuerySelector("img[src^='data:image/png;base64,']")!.GetAttribute("src")!;
        Assert.Equal(PromptPay.Payload(TaxId, 2500m), QrImages.Decode(qr));
        Assert.Contains("2,500.00", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"input[name='Settle.CaseId'][value='{caseId}']"));

        var mayor = await app.CreateClientAsAsync(Demo.Mayor);
        var refused = await mayor.GetAsync($"/approvals/compensation/{id}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/accessdenied", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        var director = await app.CreateClientAsAsync(Demo.Director);
        var list = await HtmlForm.GetDocumentAsync(director, "/approvals/compensation");
        Assert.NotNull(list.QuerySelector($"a[href='/approvals/compensation/{id}']"));
        var confirm = await HtmlForm.LoadAsync(director, $"/approvals/compensation/{id}", $"form:has(input[name='caseId'][value='{caseId}'])");
        Assert.Equal(HttpStatusCode.Redirect, (await confirm.SubmitAsync(director)).StatusCode);
        var confirmed = await HtmlForm.GetDocumentAsync(director, $"/approvals/compensation/{id}");
        var noticeLink = confirmed.QuerySelector($"a[data-notice-link][href='/supplies/compensationnotice/{caseId}']");
        Assert.NotNull(noticeLink);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync(noticeLink!.GetAttribute("href"))).StatusCode);

        var settle = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Settle.CaseId'][value='{caseId}'])");
        settle.Set("Settle.ReceiptNumber", "บร 0123/2570");
        var withoutAmount = await settle.SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.OK, withoutAmount.StatusCode);
        var refusedDoc = await HtmlForm.ParseAsync(withoutAmount);
        Assert.Contains("การชดใช้เป็นเงินต้องระบุจำนวนเงินที่รับ", refusedDoc.QuerySelector("span[data-valmsg-for='Settle.ReceivedAmount']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("บร 0123/2570", refusedDoc.QuerySelector($"#receipt-{caseId}")!.GetAttribute("value"));
        settle.Set("Settle.ReceivedAmount", "2000");
        var otherAmount = await settle.SubmitAsync(officer);
        Assert.Contains("จำนวนเงินที่รับต้องเท่ากับจำนวนที่ผู้อำนวยการกองคลังยืนยัน", (await HtmlForm.ParseAsync(otherAmount)).QuerySelector("span[data-valmsg-for='Settle.ReceivedAmount']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CompensationStatus.Confirmed, await app.WithDbAsync(db => db.CompensationCases.Where(x => x.Id == caseId).Select(x => x.Status).SingleAsync()));
        settle.Set("Settle.ReceivedAmount", "2500");
        var settled = await settle.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var c = await db.CompensationCases.SingleAsync(x => x.Id == caseId);
            Assert.Equal((CompensationStatus.Settled, CompensationMethod.Pay, 2500m, "บร 0123/2570", "นายสมศักดิ์ รักษ์ทรัพย์"), (c.Status, c.Method, c.FinalAmount, c.ReceiptNumber, c.ConfirmedByName));
            Assert.Equal(LoanStatus.Closed, await db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());
        });
        var after = await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensation/{id}");
        Assert.Contains("ชดใช้แล้ว", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settle_WithoutReceiptForAPayment_ShowsThaiMessage()
    {
        var (id, caseId) = await DamagedTentAsync();
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            loan.DecideCompensation(caseId, await LoanSetup.ActorAsync(db, Demo.Officer), CompensationMethod.Pay, loan.Compensations.Single().ProposedAmount!.Value, null, now);
            loan.ConfirmCompensation(caseId, await LoanSetup.ActorAsync(db, Demo.Director), now);
            await db.SaveChangesAsync();
        });
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var settle = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Settle.CaseId'][value='{caseId}'])");
        settle.Set("Settle.ReceiptNumber", "").Set("Settle.Note", "จ่ายเงินสด");

        var response = await settle.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("การชดใช้เป็นเงินต้องระบุเลขที่ใบเสร็จรับเงิน", doc.QuerySelector("span[data-valmsg-for='Settle.ReceiptNumber']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("จ่ายเงินสด", doc.QuerySelector($"#settle-note-{caseId}")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Confirm_BySamePersonWhoDecided_ShowsThaiMessageAndStaysDecided()
    {
        var (id, caseId) = await DamagedTentAsync();
        var (email, userId) = await OfficerWhoIsAlsoDirectorAsync();
        var client = await app.CreateClientAsAsync(email);
        var decide = await HtmlForm.LoadAsync(client, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        decide.Set("Decide.Method", "Repair");
        Assert.Equal(HttpStatusCode.Redirect, (await decide.SubmitAsync(client)).StatusCode);

        var confirm = await HtmlForm.LoadAsync(client, $"/approvals/compensation/{id}", $"form:has(input[name='caseId'][value='{caseId}'])");
        var response = await confirm.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ผู้ที่เสนอวิธีชดใช้กรณีนี้ไม่สามารถเป็นผู้ยืนยันเองได้", doc.Body!.TextContent, StringComparison.Ordinal);
        var c = await app.WithDbAsync(db => db.CompensationCases.AsNoTracking().SingleAsync(x => x.Id == caseId));
        Assert.Equal((CompensationStatus.Decided, userId, null), (c.Status, c.DecidedByUserId, c.ConfirmedByUserId));

        var director = await app.CreateClientAsAsync(Demo.Director);
        var byDirector = await HtmlForm.LoadAsync(director, $"/approvals/compensation/{id}", $"form:has(input[name='caseId'][value='{caseId}'])");
        Assert.Equal(HttpStatusCode.Redirect, (await byDirector.SubmitAsync(director)).StatusCode);
        var directorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Director).Select(u => u.Id).SingleAsync());
        Assert.Equal(directorId, await app.WithDbAsync(db => db.CompensationCases.Where(x => x.Id == caseId).Select(x => x.ConfirmedByUserId).SingleAsync()));
    }

    [Fact]
    public async Task Outbox_DecisionTellsTheBorrowerAndAsksTheDirector()
    {
        var (id, caseId) = await DamagedTentAsync();
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var decide = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        decide.Set("Decide.Method", "Repair");
        await decide.SubmitAsync(officer);

        var messages = await app.WithDbAsync(db => db.Notifications.Where(n => n.LoanId == id).ToListAsync());
        var directorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Director).Select(u => u.Id).SingleAsync());
        Assert.Contains(messages, m => m.TemplateKey == "CompensationDecided" && m.ToAddress == Demo.Employee && m.Body.Contains("ซ่อมแซมให้คงสภาพเดิม", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.TemplateKey == "Act.ConfirmCompensation" && m.UserId == directorId);
    }

    [Fact]
    public async Task Settle_RepairTickedInService_PutsTheTentBackOnTheShelf()
    {
        var (id, caseId) = await DecidedAndConfirmedAsync(CompensationMethod.Repair);
        var assetId = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.Id == caseId).Select(c => c.AssetId!.Value).SingleAsync());
        Assert.Equal(AssetLoan.Domain.Assets.AssetStatus.UnderRepair, await app.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).Select(a => a.Status).SingleAsync()));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var settle = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Settle.CaseId'][value='{caseId}'])");
        Assert.Null(settle.Document.QuerySelector($"#replacement-{caseId}"));

        var response = await settle.Set("Settle.InService", "true").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AssetLoan.Domain.Assets.AssetStatus.Available, await app.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Settle_ReplacementOfATent_AsksTheNewNumberKeepsWhatWasTypedThenRegistersIt()
    {
        var (id, caseId) = await DecidedAndConfirmedAsync(CompensationMethod.Replace);
        var taken = await app.WithDbAsync(db => db.Assets.Select(a => a.AssetNumber).FirstAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var settle = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Settle.CaseId'][value='{caseId}'])");
        Assert.NotNull(settle.Document.QuerySelector($"#replacement-{caseId}"));

        var blank = await HtmlForm.ParseAsync(await settle.Set("Settle.ReplacementAssetNumber", "").Set("Settle.Note", "ผู้ยืมนำเต็นท์ใหม่มาให้").SubmitAsync(officer));
        Assert.Contains("กรุณากรอกหมายเลขครุภัณฑ์ของชิ้นที่ได้รับชดใช้", blank.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ผู้ยืมนำเต็นท์ใหม่มาให้", blank.QuerySelector($"#settle-note-{caseId}")!.GetAttribute("value"));
        var duplicate = await HtmlForm.ParseAsync(await settle.Set("Settle.ReplacementAssetNumber", taken).SubmitAsync(officer));
        Assert.Contains("หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว", duplicate.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(taken, duplicate.QuerySelector($"#replacement-{caseId}")!.GetAttribute("value"));
        Assert.Equal(CompensationStatus.Confirmed, await app.WithDbAsync(db => db.CompensationCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));

        var response = await settle.Set("Settle.ReplacementAssetNumber", "490-69-0777").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var c = await db.CompensationCases.SingleAsync(x => x.Id == caseId);
            var old = await db.Assets.SingleAsync(a => a.Id == c.AssetId);
            var replacement = await db.Assets.SingleAsync(a => a.AssetNumber == "490-69-0777");
            Assert.Equal((old.CatalogueItemId, old.Price, AssetLoan.Domain.Assets.AssetStatus.Available), (replacement.CatalogueItemId, replacement.Price, replacement.Status));
            Assert.True(old.IsRetired);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "Asset" && e.EntityId == replacement.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    private async Task<(int LoanId, int CaseId)> DecidedAndConfirmedAsync(CompensationMethod method)
    {
        var (id, caseId) = await DamagedTentAsync();
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            loan.DecideCompensation(caseId, await LoanSetup.ActorAsync(db, Demo.Officer), method, loan.Compensations.Single().ProposedAmount!.Value, null, now);
            loan.ConfirmCompensation(caseId, await LoanSetup.ActorAsync(db, Demo.Director), now);
            await db.SaveChangesAsync();
        });
        return (id, caseId);
    }

    /// <summary>A small office where one person is both supplies officer and acting FinanceDirector.</summary>
    private async Task<(string Email, string UserId)> OfficerWhoIsAlsoDirectorAsync()
    {
        const string email = "acting@maekhue.go.th";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return (email, existing.Id);
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "นางสาวรักษา ราชการแทน" };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Employee])).Succeeded);
        return (email, user.Id);
    }

    private async Task<(int LoanId, int CaseId)> DamagedTentAsync()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        await app.ReturnAllAsync(id, firstUnitDamaged: true);
        var caseId = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.LoanId == id).Select(c => c.Id).SingleAsync());
        return (id, caseId);
    }
}
