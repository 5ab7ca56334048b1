using System.Net;
using AngleSharp.Dom;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.Payments;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 13 §6: the demand letter and the compensation notice in the municipality's own form — an external letter for
/// outside borrowers, a memo for staff — with the letter code and signer from the settings; issuing a demand letter
/// records the demand once; the receipt record settles a compensation; the approvers and the auditor only read.
/// </summary>
public sealed class LetterPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Honey = LetterSetup.Honey;
    private const string TaxId = LetterSetup.TaxId;

    [Fact]
    public async Task DemandLetter_OutsideBorrower_IsAnExternalLetterWithTheCodeTheAddressAndTheSigner()
    {
        await UseLetterSettingsAsync();
        var id = await OverdueOutsiderLoanAsync();
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(officer, $"/supplies/demandletter/{id}");

        var letter = doc.QuerySelector("[data-letter]")!;
        Assert.Equal("external", letter.GetAttribute("data-letter"));
        var text = Normalized(letter);
        Assert.Contains("ที่ ชม ๕๒๓๐๑/", text, StringComparison.Ordinal);
        Assert.Contains("เทศบาลตำบลแม่คือ", text, StringComparison.Ordinal);
        Assert.Contains("อำเภอดอยสะเก็ด จังหวัดเชียงใหม่", text, StringComparison.Ordinal);
        Assert.Contains(ThaiDate.ThaiDigits(ThaiDate.FormatLong(Today())), text, StringComparison.Ordinal);
        Assert.Contains("เรื่อง ขอให้ส่งคืนพัสดุที่ยืม", text, StringComparison.Ordinal);
        Assert.Contains($"เรียน {Honey}", text, StringComparison.Ordinal);
        Assert.Contains("อ้างถึง ใบยืมพัสดุ เลขที่", text, StringComparison.Ordinal);
        Assert.Contains("ขอแสดงความนับถือ", text, StringComparison.Ordinal);
        Assert.Contains("(นายสมบูรณ์ ใจงาม)", text, StringComparison.Ordinal);
        Assert.Contains("ปลัดเทศบาลตำบลแม่คือ", text, StringComparison.Ordinal);
        Assert.Contains("ปฏิบัติราชการแทนนายกเทศมนตรีตำบลแม่คือ", text, StringComparison.Ordinal);
        Assert.Contains("กองคลัง งานพัสดุ", text, StringComparison.Ordinal);
        Assert.Contains("โทร. ๐ ๕๓๐๐ ๑๒๓๔", text, StringComparison.Ordinal);
        Assert.Equal(0, await DemandsAsync(id));
    }

    [Theory]
    [InlineData(Demo.Officer)]
    [InlineData(Demo.Auditor)]
    [InlineData(Demo.Director)]
    public async Task LoanPageAndOverdueQueue_LeadToTheDemandLetter(string email)
    {
        var id = await OverdueOutsiderLoanAsync();
        var client = await app.CreateClientAsAsync(email);

        var loanPage = await HtmlForm.GetDocumentAsync(client, $"/loans/{id}");
        var queue = await HtmlForm.GetDocumentAsync(client, "/supplies/overdue");

        Assert.NotNull(loanPage.QuerySelector($"a[href='/supplies/demandletter/{id}']"));
        Assert.NotNull(queue.QuerySelector($"a[href='/supplies/demandletter/{id}']"));
    }

    [Fact]
    public async Task DemandLetter_StaffBorrower_IsAMemo()
    {
        await UseLetterSettingsAsync();
        var id = await app.HandedOverAsync(Demo.Employee, 1, (await NewTentAsync(), 1));
        await AdvanceUntilOverdueAsync(id);
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(officer, $"/supplies/demandletter/{id}");

        var letter = doc.QuerySelector("[data-letter]")!;
        Assert.Equal("memo", letter.GetAttribute("data-letter"));
        var text = Normalized(letter);
        Assert.Contains("บันทึกข้อความ", text, StringComparison.Ordinal);
        Assert.Contains("ส่วนราชการ กองคลัง งานพัสดุ เทศบาลตำบลแม่คือ", text, StringComparison.Ordinal);
        Assert.Contains("ที่ ชม ๕๒๓๐๑/", text, StringComparison.Ordinal);
        Assert.Contains("วันที่ " + ThaiDate.ThaiDigits(ThaiDate.FormatLong(Today())), text, StringComparison.Ordinal);
        Assert.Contains("เรียน นางสาวมาลี สุขใจ", text, StringComparison.Ordinal);
        Assert.Contains("(นายสมบูรณ์ ใจงาม)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ขอแสดงความนับถือ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueDemandLetter_RecordsTheDemandOnce_AndThePrintedLetterCarriesTheNumber()
    {
        var id = await OverdueOutsiderLoanAsync();
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/demandletter/{id}", "#issue-form");
        form.Set("Issue.Number", "412");

        var issued = await form.SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var location = issued.Headers.Location!.OriginalString;
        Assert.StartsWith($"/supplies/demandletter/{id}?demand=", location, StringComparison.Ordinal);
        var printed = await HtmlForm.GetDocumentAsync(officer, location);
        await HtmlForm.GetDocumentAsync(officer, location);
        Assert.Contains("ที่ ชม ๕๒๓๐๑/๔๑๒", Normalized(printed.QuerySelector("[data-letter]")!), StringComparison.Ordinal);
        Assert.Null(printed.QuerySelector("#issue-form"));
        var demand = await app.WithDbAsync(db => db.Demands.SingleAsync(d => d.LoanId == id));
        Assert.Equal((DemandChannel.Letter, "412", Today(), "นางสาวพัชรี ใจดี"), (demand.Channel, demand.LetterNumber, demand.IssuedOn, demand.ByName));

        // A double tap, or Back and submit: the same form posted again is the same letter, recorded once.
        var tappedAgain = await form.SubmitAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, tappedAgain.StatusCode);
        Assert.Equal(location, tappedAgain.Headers.Location!.OriginalString);
        Assert.Equal(1, await DemandsAsync(id));

        // The same number for another letter later is refused beside the field.
        app.Clock.Advance(AssetLoan.Domain.Loans.Loan.ResubmissionWindow + TimeSpan.FromMinutes(1));
        var again = await HtmlForm.LoadAsync(officer, $"/supplies/demandletter/{id}", "#issue-form");
        var refused = await again.Set("Issue.Number", "412").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("เลขที่หนังสือนี้ออกให้รายการยืมนี้แล้ว", (await HtmlForm.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DemandsAsync(id));
    }

    [Theory]
    [InlineData(Demo.Auditor)]
    [InlineData(Demo.Director)]
    [InlineData(Demo.Mayor)]
    public async Task Readers_ReadTheLettersWithoutActions_AndCannotPost(string email)
    {
        var id = await OverdueOutsiderLoanAsync();
        var (loanId, caseId) = await ConfirmedPaymentAsync(2_500m);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var issueForm = await HtmlForm.LoadAsync(officer, $"/supplies/demandletter/{id}", "#issue-form");
        var receiptForm = await HtmlForm.LoadAsync(officer, $"/supplies/compensationnotice/{caseId}", "#receipt-form");
        var reader = await app.CreateClientAsAsync(email);

        var letter = await HtmlForm.GetDocumentAsync(reader, $"/supplies/demandletter/{id}");
        var notice = await HtmlForm.GetDocumentAsync(reader, $"/supplies/compensationnotice/{caseId}");

        Assert.NotNull(letter.QuerySelector("[data-letter]"));
        Assert.NotNull(notice.QuerySelector("[data-letter]"));
        Assert.Empty(letter.QuerySelectorAll("form[method=post]"));
        Assert.Empty(notice.QuerySelectorAll("form[method=post]"));
        foreach (var post in new[] { await issueForm.Set("Issue.Number", "9").SubmitAsync(reader), await receiptForm.Set("Receipt.Amount", "2500").Set("Receipt.ReceiptNumber", "R1").SubmitAsync(reader) })
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("accessdenied", post.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, await DemandsAsync(id));
        Assert.Equal(CompensationStatus.Confirmed, await app.WithDbAsync(db => db.CompensationCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        Assert.True(loanId > 0);
    }

    /// <summary>
    /// Issue 13 §9: with Thai digits on (the default), every figure in a letter is in Thai digits — the borrower's own
    /// words too (a place written "บ้านเลขที่ 12 หมู่ 3", a basis "ตามใบเสนอราคา 2 ร้าน") — as the slip does.
    /// </summary>
    [Fact]
    public async Task DemandLetterAndNotice_WithThaiDigits_HaveNoArabicDigitAnywhere()
    {
        await UseLetterSettingsAsync();
        var id = await OverdueOutsiderLoanAsync();
        var (loanId, caseId) = await ConfirmedPaymentAsync(1234.5m);
        await app.WithDbAsync(async db =>
        {
            foreach (var loan in await db.Loans.Where(l => l.Id == id || l.Id == loanId).ToListAsync())
            {
                db.Entry(loan).Property(l => l.Place).CurrentValue = "บ้านเลขที่ 12 หมู่ 3";
                db.Entry(loan).Property(l => l.Purpose).CurrentValue = "งานบวช 2 วัน";
            }

            await db.SaveChangesAsync();
        });
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        foreach (var url in new[] { $"/supplies/demandletter/{id}", $"/supplies/compensationnotice/{caseId}" })
        {
            var text = Normalized((await HtmlForm.GetDocumentAsync(officer, url)).QuerySelector("[data-letter]")!);
            Assert.Contains("งานบวช ๒ วัน", text, StringComparison.Ordinal);
            var arabic = System.Text.RegularExpressions.Regex.Matches(text, "[0-9]+").Select(m => m.Value).ToList();
            Assert.True(arabic.Count == 0, $"{url}: Arabic digits {string.Join(", ", arabic)} in: {text}");
        }
    }

    [Fact]
    public async Task CompensationNotice_StatesMethodAmountInFiguresAndWordsBasisDeadlineAndQr()
    {
        await UseLetterSettingsAsync();
        var (_, caseId) = await ConfirmedPaymentAsync(2_534.50m);
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensationnotice/{caseId}");

        var letter = doc.QuerySelector("[data-letter]")!;
        Assert.Equal("external", letter.GetAttribute("data-letter"));
        var text = Normalized(letter);
        Assert.Contains($"เรียน {Honey}", text, StringComparison.Ordinal);
        Assert.Contains("ชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม", text, StringComparison.Ordinal);
        Assert.Contains("เป็นเงิน ๒,๕๓๔.๕๐ บาท (สองพันห้าร้อยสามสิบสี่บาทห้าสิบสตางค์)", text, StringComparison.Ordinal);
        Assert.Contains("ราคาซ่อมผ้าใบตามใบเสนอราคา", text, StringComparison.Ordinal);
        Assert.Contains("ภายในวันที่ " + ThaiDate.ThaiDigits(ThaiDate.FormatLong(Today().AddDays(30))), text, StringComparison.Ordinal);
        Assert.Contains("(นางสาวใจดี รักเทศบาล)", text, StringComparison.Ordinal);
        Assert.Contains("ผู้อำนวยการกองคลัง", text, StringComparison.Ordinal);
        var qr = letter.QuerySelector("img[src^='data:image/png;base64,']:not(.emblem)")!.GetAttribute("src")!;
        Assert.Equal(PromptPay.Payload(TaxId, 2_534.50m), QrImages.Decode(qr));
    }

    [Fact]
    public async Task CompensationNotice_BeforeTheDirectorConfirmed_IsNotFound()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (await NewTentAsync(), 1));
        await app.ReturnAllAsync(id, firstUnitDamaged: true);
        var caseId = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.LoanId == id).Select(c => c.Id).SingleAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/supplies/compensationnotice/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/supplies/compensationnotice/999999")).StatusCode);
    }

    [Fact]
    public async Task ReceiptRecord_OtherAmount_IsRefused_TheConfirmedAmount_SettlesAndShowsTheRecord()
    {
        var (loanId, caseId) = await ConfirmedPaymentAsync(2_500m);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, $"/supplies/compensationnotice/{caseId}", "#receipt-form");

        var wrong = await form.Set("Receipt.Amount", "2000").Set("Receipt.ReceiptNumber", "บร 0007/2570").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("จำนวนเงินที่รับต้องเท่ากับจำนวนที่ผู้อำนวยการกองคลังยืนยัน", (await HtmlForm.ParseAsync(wrong)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CompensationStatus.Confirmed, await app.WithDbAsync(db => db.CompensationCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));

        var right = await form.Set("Receipt.Amount", "2500.00").SubmitAsync(officer);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var c = await app.WithDbAsync(db => db.CompensationCases.SingleAsync(x => x.Id == caseId));
        Assert.Equal((CompensationStatus.Settled, 2_500m, "บร 0007/2570", "นางสาวพัชรี ใจดี", Today()), (c.Status, c.ReceivedAmount, c.ReceiptNumber, c.SettledByName, c.SettledOn));
        Assert.Equal(LoanStatus.Closed, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loanId).Select(l => l.Status).SingleAsync()));
        var record = Normalized((await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensationnotice/{caseId}")).QuerySelector(".receipt-record")!);
        Assert.Contains("บร 0007/2570", record, StringComparison.Ordinal);
        Assert.Contains("2,500.00", record, StringComparison.Ordinal);
        Assert.Contains("นางสาวพัชรี ใจดี", record, StringComparison.Ordinal);
    }

    private static string Normalized(IElement element) =>
        string.Join(' ', element.TextContent.Replace('\u00a0', ' ').Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private Task UseLetterSettingsAsync() => LetterSetup.UseLetterSettingsAsync(app);

    private Task<int> OverdueOutsiderLoanAsync() => LetterSetup.OverdueOutsiderLoanAsync(app);

    private Task<string> NewTentAsync() => LetterSetup.NewTentAsync(app);

    private Task<(int LoanId, int CaseId)> ConfirmedPaymentAsync(decimal amount) => LetterSetup.ConfirmedPaymentAsync(app, amount);

    private Task AdvanceUntilOverdueAsync(int id) => LetterSetup.AdvanceUntilOverdueAsync(app, id);

    private Task<int> DemandsAsync(int loanId) => app.WithDbAsync(db => db.Demands.CountAsync(d => d.LoanId == loanId));

    private DateOnly Today() => BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
}
