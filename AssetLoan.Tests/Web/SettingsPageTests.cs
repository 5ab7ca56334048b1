using System.Net;
using System.Reflection;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.Payments;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>/admin/settings holds every setting the app reads (issue 10, point 6); each is validated and audited.</summary>
public sealed class SettingsPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TaxId = "0994000165510";

    [Fact]
    public async Task Save_EverySetting_IsStoredReadBackAndAuditedPerKey()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/settings");
        form.Set("Input.OnPremisesApprover", nameof(Role.Executive)).Set("Input.OffPremisesApprover", nameof(Role.FinanceDirector))
            .Set("Input.InterAgencyApprover", nameof(Role.FinanceDirector)).Set("Input.ConsumableApprover", nameof(Role.FinanceDirector))
            .Set("Input.DefaultMaxLoanDays", "10").Set("Input.BorrowerStandingRule", "false").Set("Input.ExpireAfterDays", "4")
            .Set("Input.OpenApplicationCap", "5").Set("Input.MunicipalityName", "เทศบาลตำบลทดสอบ")
            .Set("Input.MunicipalityAddress", "ถนนเชียงใหม่–ลำปาง อำเภอดอยสะเก็ด จังหวัดเชียงใหม่ 50220")
            .Set("Input.ThaiDigitsOnDocuments", "false").Set("Input.PromptPayTarget", "0-9940-00165-51-0")
            .Set("Input.AssetNumberTemplate", "ทต.{category}/{yyyy}/{000}").Set("Input.PublicBaseUrl", "https://loan.maekhue.go.th/")
            .Set("Input.RetentionDays", "1095");

        var response = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var s = await app.WithDbAsync(db => Settings.LoadAsync(db, default));
        Assert.Equal(new ApprovalPolicy(Role.Executive, Role.FinanceDirector, Role.FinanceDirector, Role.FinanceDirector, 10, false, 4), s.Policy);
        Assert.Equal((5, "เทศบาลตำบลทดสอบ", "ถนนเชียงใหม่–ลำปาง อำเภอดอยสะเก็ด จังหวัดเชียงใหม่ 50220", false, TaxId, "ทต.{category}/{yyyy}/{000}", "https://loan.maekhue.go.th", 1095),
            (s.OpenApplicationCap, s.MunicipalityName, s.MunicipalityAddress, s.ThaiDigitsOnDocuments, s.PromptPayTarget, s.AssetNumberTemplate, s.PublicBaseUrl, s.RetentionDays));

        // Every key the app reads is on the page (the regulation text has its own editor) and its change is audited.
        var keys = typeof(Settings.Keys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            .Where(k => k != Settings.Keys.RegulationMarkdown).ToList();
        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(AppSetting)).Select(e => e.EntityId).Distinct().ToListAsync());
        Assert.Empty(keys.Except(audited));

        var again = await HtmlForm.LoadAsync(admin, "/admin/settings");
        Assert.Equal(("10", TaxId, "1095"), (again.Value("Input.DefaultMaxLoanDays"), again.Value("Input.PromptPayTarget"), again.Value("Input.RetentionDays")));
        Assert.Equal("false", again.Value("Input.ThaiDigitsOnDocuments"));
        Assert.All(again.Document.QuerySelectorAll("main input:not([type=hidden]), main select"),
            field => Assert.False(string.IsNullOrWhiteSpace(field.GetAttribute("aria-describedby") is { } id
                ? again.Document.GetElementById(id.Split(' ')[0])?.TextContent
                : again.Document.QuerySelector($"label[for='{field.Id}']")?.TextContent)));
    }

    [Fact]
    public async Task Save_InvalidValues_ShowThaiMessagesBesideTheFieldsKeepWhatWasTypedAndStoreNothing()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/settings");
        var before = await app.WithDbAsync(db => db.Settings.CountAsync());
        form.Set("Input.PromptPayTarget", "12345").Set("Input.AssetNumberTemplate", "{category}-{yy}").Set("Input.PublicBaseUrl", "loan.maekhue")
            .Set("Input.RetentionDays", "5").Set("Input.MunicipalityAddress", "").Set("Input.OpenApplicationCap", "0");

        var response = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        string Message(string field) => doc.QuerySelector($"span[data-valmsg-for='Input.{field}']")!.TextContent.Trim();
        Assert.Equal("เลขพร้อมเพย์ต้องเป็นเลขประจำตัวผู้เสียภาษี 13 หลัก หรือหมายเลขโทรศัพท์มือถือ 10 หลัก", Message("PromptPayTarget"));
        Assert.Equal("รูปแบบต้องมีเลขลำดับ เช่น {0000}", Message("AssetNumberTemplate"));
        Assert.StartsWith("กรุณากรอกที่อยู่เว็บไซต์แบบเต็ม", Message("PublicBaseUrl"), StringComparison.Ordinal);
        Assert.Equal("ระยะเวลาเก็บข้อมูลต้องอยู่ระหว่าง 30–3,650 วัน", Message("RetentionDays"));
        Assert.Equal("กรุณากรอกที่อยู่เทศบาล", Message("MunicipalityAddress"));
        Assert.Equal("จำนวนคำขอต้องอยู่ระหว่าง 1–20 รายการ", Message("OpenApplicationCap"));
        Assert.Equal("12345", doc.QuerySelector("input[name='Input.PromptPayTarget']")!.GetAttribute("value"));
        Assert.Equal("{category}-{yy}", doc.QuerySelector("input[name='Input.AssetNumberTemplate']")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Settings.CountAsync()));
    }

    [Fact]
    public async Task PromptPay_SetOnThePage_CompensationPageShowsThePaymentQrForTheAmount()
    {
        await app.WithDbAsync(db => db.Settings.ExecuteDeleteAsync());
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        await app.ReturnAllAsync(id, firstUnitDamaged: true);
        var caseId = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.LoanId == id).Select(c => c.Id).SingleAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var decide = await HtmlForm.LoadAsync(officer, $"/supplies/compensation/{id}", $"form:has(input[name='Decide.CaseId'][value='{caseId}'])");
        decide.Set("Decide.Method", "Pay").Set("Decide.Amount", "1800").Set("Decide.Basis", "ราคาซ่อมตามใบเสนอราคา");
        Assert.Equal(HttpStatusCode.Redirect, (await decide.SubmitAsync(officer)).StatusCode);
        var unset = await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensation/{id}");
        Assert.Null(unset.QuerySelector("img[src^='data:image/png;base64,']"));
        Assert.Contains("ยังไม่ได้ตั้งค่าเลขพร้อมเพย์", unset.Body!.TextContent, StringComparison.Ordinal);

        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var settings = await HtmlForm.LoadAsync(admin, "/admin/settings");
        Assert.Equal(HttpStatusCode.Redirect, (await settings.Set("Input.PromptPayTarget", TaxId).SubmitAsync(admin)).StatusCode);

        var page = await HtmlForm.GetDocumentAsync(officer, $"/supplies/compensation/{id}");
        var qr = page.QuerySelector("img[src^='data:image/png;base64,']")!.GetAttribute("src")!;
        Assert.Equal(PromptPay.Payload(TaxId, 1800m), QrImages.Decode(qr));
    }

    [Fact]
    public async Task DefaultMaxLoanDays_PrefillsTheNewCatalogueItemForm()
    {
        await app.WithDbAsync(async db =>
        {
            await Settings.SetAsync(db, Settings.Keys.DefaultMaxLoanDays, "15", default);
            await db.SaveChangesAsync();
        });
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var form = await HtmlForm.LoadAsync(officer, "/catalogue/create");

        Assert.Equal("15", form.Value("Input.MaxLoanDays"));
    }
}
