using System.Net;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class AuditPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AuditList_FiltersByEntityAndActor_AndPages()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var all = await HtmlForm.GetDocumentAsync(client, "/audit");
        var loans = await HtmlForm.GetDocumentAsync(client, $"/audit?entity=Loan&id={id}");
        var nobody = await HtmlForm.GetDocumentAsync(client, "/audit?actor=ไม่มีผู้ใช้นี้");
        var page2 = await HtmlForm.GetDocumentAsync(client, "/audit?page=2");

        Assert.Equal(50, all.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(all.QuerySelector("a.page-link[href='/audit?page=2']"));
        Assert.All(loans.QuerySelectorAll("tbody tr"), r => Assert.Contains("รายการยืม", r.TextContent, StringComparison.Ordinal));
        Assert.Contains("→ ส่งมอบแล้ว (ระหว่างยืม)", loans.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(nobody.QuerySelectorAll("tbody tr"));
        Assert.NotEqual(all.QuerySelector("tbody tr td")!.TextContent, page2.QuerySelector("tbody tr td")!.TextContent);
    }

    [Fact]
    public async Task AuditList_NamesPeopleItemsAndDatesInThai_NotIdsOrTypeNames()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var create = await HtmlForm.LoadAsync(admin, "/admin/users/create");
        create.Set("Email", "auditnames@maekhue.go.th").Set("Password.NewPassword", "Maekhue-2569-audit").Set("Input.FullName", "นางสาวตรวจชื่อ ในบันทึก")
            .Remove("Input.Roles").Add("Input.Roles", AssetLoan.Web.Identity.Roles.SuppliesOfficer);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await create.SubmitAsync(admin)).StatusCode);
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var all = (await HtmlForm.GetDocumentAsync(client, "/audit")).QuerySelector("main")!.TextContent;
        var loan = (await HtmlForm.GetDocumentAsync(client, $"/audit?entity=Loan&id={id}")).QuerySelector("tbody")!.TextContent;

        Assert.Contains("นางสาวตรวจชื่อ ในบันทึก – เจ้าหน้าที่พัสดุ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("IdentityUserRole", all, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", all);
        Assert.DoesNotMatch(@"\b20\d\d-\d\d-\d\d", all);
        Assert.Contains("ผู้ยืม: – → นางสาวมาลี สุขใจ", loan, StringComparison.Ordinal);
        Assert.Contains("วันที่เริ่มยืม: – → 25 พ.ย. 2569", loan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_IntactChain_SaysSo()
    {
        await app.ApprovedAsync((LoanSetup.Chairs, 1));
        var client = await app.CreateClientAsAsync(Demo.Admin);

        var doc = await HtmlForm.GetDocumentAsync(client, "/audit/verify");

        Assert.NotNull(doc.QuerySelector("[data-chain='intact']"));
        Assert.Contains("บันทึกการตรวจสอบครบถ้วนและไม่ถูกแก้ไข", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ForOfficerOrEmployee_IsRefused()
    {
        foreach (var email in new[] { Demo.Officer, Demo.Employee })
        {
            var client = await app.CreateClientAsAsync(email);
            var response = await client.GetAsync("/audit/verify");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>Edits one audit row behind the application's back; its own database, since the chain stays broken.</summary>
public sealed class AuditTamperTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Verify_AfterRawSqlEditOfAnAuditRow_NamesThatRowInThai()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        var sequence = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Loan" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "Modified")
            .OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync());
        var total = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditEvents SET After = '{{\"Status\":\"Cancelled\"}}' WHERE Sequence = {sequence}"));
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var doc = await HtmlForm.GetDocumentAsync(client, "/audit/verify");

        var alert = doc.QuerySelector("[data-chain='broken']")!;
        Assert.Equal(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), alert.GetAttribute("data-sequence"));
        Assert.Contains($"รายการลำดับที่ {sequence}", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("เนื้อหาของบันทึกถูกแก้ไขหลังจากบันทึกแล้ว", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cancelled", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(total > sequence);
    }
}
