using System.Globalization;
using System.Net;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// domain.md §5 borrower standing for outsiders (decision 0005): a repeat borrower keyed in at the counter or applying
/// online is recognised — a person by national ID, an organisation by exact name and phone — and refused while an
/// earlier loan is overdue or a damage case is unsettled.
/// </summary>
public sealed class OutsiderStandingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Refusal = "ผู้ยืมมีรายการยืมเกินกำหนดหรือค่าเสียหายค้างชำระ จึงยื่นคำขอใหม่ไม่ได้";

    [Fact]
    public async Task Walkin_PersonWithUnsettledDamage_IsRefusedBesideTheFormAndInputIsKept()
    {
        var nationalId = PublicApplication.NewNationalId();
        await WithOpenDamageCaseAsync(app, Walkin(BorrowerKind.Person, "นายทองใบ ใจซื่อ", "081-222-3333", nationalId));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var item = await LoanSetup.NewPoolAsync(app, "เก้าอี้ (ทดสอบผู้ยืมซ้ำ)", 50);

        // Same ID, another spelling of the name and another phone: still the same person.
        var response = await SubmitWalkinAsync(app, officer, Walkin(BorrowerKind.Person, "นายทองใบ ใจซื่อ (พ่อหลวง)", "0899990000", nationalId), item);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains(Refusal, doc.QuerySelector("form .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("นายทองใบ ใจซื่อ (พ่อหลวง)", doc.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("งานทำบุญบ้าน", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
        Assert.Equal(1, await app.WithDbAsync(db => db.Borrowers.CountAsync(b => b.Name.StartsWith("นายทองใบ ใจซื่อ"))));
    }

    [Fact]
    public async Task Apply_PersonWithUnsettledDamageFromTheCounter_IsRefused()
    {
        var nationalId = PublicApplication.NewNationalId();
        await WithOpenDamageCaseAsync(app, Walkin(BorrowerKind.Person, "นางคำปัน มาดี", "081-444-5555", nationalId));
        var client = app.CreateAnonymousClient();
        var form = await PublicApplication.FilledAsync(client, nationalId: nationalId, name: "นางคำปัน มาดี");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains(Refusal, doc.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("นางคำปัน มาดี", doc.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("งานบำเพ็ญกุศลศพ", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Walkin_OrganisationSameNameAndPhone_IsRefused_AnotherOrganisationOnThatPhoneIsNot()
    {
        await WithOpenDamageCaseAsync(app, Walkin(BorrowerKind.Temple, "วัดทดสอบสถานะผู้ยืม", "053-111-222"));
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var item = await LoanSetup.NewPoolAsync(app, "โต๊ะพับ (ทดสอบองค์กรซ้ำ)", 50);

        var same = await SubmitWalkinAsync(app, officer, Walkin(BorrowerKind.Temple, "วัดทดสอบสถานะผู้ยืม", "053111222"), item);
        var other = await SubmitWalkinAsync(app, officer, Walkin(BorrowerKind.CommunityGroup, "ชมรมผู้สูงอายุวัดทดสอบ", "053111222"), item);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains(Refusal, (await HtmlForm.ParseAsync(same)).QuerySelector("form .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Walkin_PersonWithOverdueLoan_IsRefused()
    {
        // Overdue needs the clock to move, so this test has a database of its own.
        await using var own = new AppFactory();
        var nationalId = PublicApplication.NewNationalId();
        var item = await LoanSetup.NewNumberedAsync(own, "เครื่องตัดหญ้า (ทดสอบเกินกำหนด)", 2, "OVD-");
        var officer = await own.CreateClientAsAsync(Demo.Officer);
        var first = await FiledLoanIdAsync(await SubmitWalkinAsync(own, officer, Walkin(BorrowerKind.Person, "นายเฉลิม ยืมนาน", "0815556666", nationalId), item));
        await LoanSetup.CheckAsync(own, first);
        await LoanSetup.ApproveAsync(own, first);
        await LoanSetup.HandOverAsync(own, first);
        own.Clock.Advance(TimeSpan.FromDays(3));
        officer = await own.CreateClientAsAsync(Demo.Officer); // the sign-in of three days ago has expired

        var response = await SubmitWalkinAsync(own, officer, Walkin(BorrowerKind.Person, "นายเฉลิม ยืมนาน", "0815556666", nationalId), item);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Refusal, (await HtmlForm.ParseAsync(response)).QuerySelector("form .alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    private static WalkinBorrower Walkin(BorrowerKind kind, string name, string phone, string? nationalId = null) => new(kind, name, phone, nationalId);

    /// <summary>The borrower's first loan, keyed in at the counter, handed over today and returned with a unit damaged.</summary>
    private static async Task WithOpenDamageCaseAsync(AppFactory app, WalkinBorrower borrower)
    {
        var item = await LoanSetup.NewNumberedAsync(app, $"เครื่องปั่นไฟ ({borrower.Name})", 2, $"D{Guid.NewGuid():N}"[..8] + "-");
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var id = await FiledLoanIdAsync(await SubmitWalkinAsync(app, officer, borrower, item));
        await LoanSetup.CheckAsync(app, id);
        await LoanSetup.ApproveAsync(app, id);
        await LoanSetup.HandOverAsync(app, id);
        await app.ReturnAllAsync(id, firstUnitDamaged: true);
    }

    private static async Task<HttpResponseMessage> SubmitWalkinAsync(AppFactory app, HttpClient officer, WalkinBorrower borrower, int itemId)
    {
        var today = ThaiDate.InputText(LoanSetup.Today(app));
        var form = await HtmlForm.LoadAsync(officer, "/supplies/walkin");
        form.Set("Input.Kind", borrower.Kind.ToString()).Set("Input.Name", borrower.Name).Set("Input.Phone", borrower.Phone)
            .Set("Input.StartOn", today).Set("Input.DueOn", today).Set($"Input.Quantities[{itemId}]", "1")
            .Set("Input.Purpose", "งานทำบุญบ้าน").Set("Input.Place", "บ้านเลขที่ 7 หมู่ 4");
        if (borrower.NationalId is not null)
        {
            form.Set("Input.NationalId", borrower.NationalId);
        }

        if (borrower.Kind.IsOrganisation())
        {
            form.Set("Input.ContactPerson", "นายผู้ประสานงาน ทดสอบ");
        }

        return await form.SubmitAsync(officer);
    }

    private static async Task<int> FiledLoanIdAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await HtmlForm.ParseAsync(response);
            throw new InvalidOperationException($"Walk-in not filed: {doc.QuerySelector(".alert-danger")?.TextContent.Trim()}");
        }

        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private sealed record WalkinBorrower(BorrowerKind Kind, string Name, string Phone, string? NationalId);
}
