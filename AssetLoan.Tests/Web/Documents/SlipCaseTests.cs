using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;

namespace AssetLoan.Tests.Web.Documents;

/// <summary>
/// The loan slip says which case of the regulation the loan is (issue 13 §9): an inter-agency loan ticks its own box and
/// prints the agency's letter and, for consumables, the urgency reason; every figure on it is in Thai digits when the
/// municipality prints Thai digits, item names and places included.
/// </summary>
public sealed class SlipCaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task InterAgencyLoan_TicksTheInterAgencyBox_AndPrintsTheAgencysLetter()
    {
        var today = LoanSetup.Today(app);
        var item = await LoanSetup.NewPoolAsync(app, "เต็นท์ขนาด 4×8 เมตร (หน่วยงาน)", 10);
        var id = await app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(BorrowerKind.Agency, "องค์การบริหารส่วนตำบลป่าเมี่ยง", new BorrowerContact("053111222", null, "1", "3", "ป่าเมี่ยง", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานประเพณีลอยกระทง 2569", "สนามหน้าที่ทำการ อบต.", true, today.AddDays(3), today.AddDays(5),
                [new RequestedLine(item, 4)], AgencyLetterNumber: "ชม 75101/123", AgencyLetterOn: new DateOnly(2026, 11, 20));
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), ApprovalPolicy.Default, today, app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/slip/{id}");
        var text = Normalise(doc.Body!.TextContent);

        Assert.Contains("☑ ยืมระหว่างหน่วยงานของรัฐ", text, StringComparison.Ordinal);
        Assert.Contains("☐ ยืมใช้ภายในสถานที่", text, StringComparison.Ordinal);
        Assert.Contains("☐ ยืมไปใช้นอกสถานที่", text, StringComparison.Ordinal);
        Assert.Contains("ตามหนังสือที่ ชม ๗๕๑๐๑/๑๒๓ ลงวันที่ ๒๐ พฤศจิกายน ๒๕๖๙", text, StringComparison.Ordinal);
        Assert.Contains("เต็นท์ขนาด ๔×๘ เมตร (หน่วยงาน)", text, StringComparison.Ordinal);
        Assert.Contains("งานประเพณีลอยกระทง ๒๕๖๙", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]", doc.QuerySelector(".slip")!.TextContent);
    }

    [Fact]
    public async Task ConsumableInterAgencyLoan_PrintsTheUrgencyReason()
    {
        var today = LoanSetup.Today(app);
        var item = await app.WithDbAsync(async db =>
        {
            var c = new AssetLoan.Domain.Assets.CatalogueItem(new AssetLoan.Domain.Assets.CatalogueItemDetails("น้ำดื่มบรรจุขวด 600 มล. (แพ็ก)", db.Categories.First().Id, "แพ็ก", null,
                AssetLoan.Domain.Assets.LendingNature.Consumable, AssetLoan.Domain.Assets.BudgetClass.Material, AssetLoan.Domain.Assets.BorrowerAudience.Agencies, 14, 0, 0m),
                AssetLoan.Domain.Assets.TrackingMode.Pooled, AssetLoan.Domain.Assets.Tags.NewTag());
            c.SetPool(100, 10m, new DateOnly(2026, 1, 1));
            db.CatalogueItems.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var id = await app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(BorrowerKind.Agency, "โรงพยาบาลส่งเสริมสุขภาพตำบลแม่คือ", new BorrowerContact("053111333", null, "4", "1", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("รับมือน้ำท่วมฉับพลัน", "หมู่ 4", true, today.AddDays(1), today.AddDays(2),
                [new RequestedLine(item, 20)], UrgencyReason: "น้ำท่วมฉับพลันเมื่อคืน 24 พ.ย.", AgencyLetterNumber: "ชม 0032/55", AgencyLetterOn: new DateOnly(2026, 11, 24));
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), ApprovalPolicy.Default, today, app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/supplies/slip/{id}");
        var text = Normalise(doc.Body!.TextContent);

        Assert.Contains("☑ ยืมพัสดุประเภทใช้สิ้นเปลืองระหว่างหน่วยงานของรัฐ", text, StringComparison.Ordinal);
        Assert.Contains("เหตุจำเป็นเร่งด่วน น้ำท่วมฉับพลันเมื่อคืน ๒๔ พ.ย.", text, StringComparison.Ordinal);
    }

    private static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
