using System.Net;
using System.Text;
using System.Text.Json;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class TransparencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Page_ShowsRegulationProcedureFormsCatalogueAndStatistics()
    {
        var client = app.CreateAnonymousClient();
        await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var doc = await HtmlForm.GetDocumentAsync(client, "/transparency");

        Assert.Contains("ระเบียบการยืมพัสดุของเทศบาล", doc.QuerySelector("#regulation .regulation h2")!.TextContent, StringComparison.Ordinal);
        var flow = doc.QuerySelector("svg.flowchart")!.TextContent;
        foreach (var step in new[] { "ยื่นคำขอ", "หัวหน้าหน่วยงานเห็นชอบ (บุคลากร)", "เจ้าหน้าที่พัสดุตรวจสอบ", "ผู้มีอำนาจอนุมัติ", "ส่งมอบ", "คืน/ตรวจสภาพ", "ติดตามทวงถามภายใน ๗ วัน" })
        {
            Assert.Contains(step, flow, StringComparison.Ordinal);
        }

        Assert.NotNull(doc.QuerySelector("a[href='/transparency/forms/request']"));
        Assert.NotNull(doc.QuerySelector("a[href='/transparency/forms/slip']"));

        var (tentTag, projectorTag) = await app.WithDbAsync(async db => (
            await db.CatalogueItems.Where(c => c.Name == PublicApplication.Tent).Select(c => c.Tag).SingleAsync(),
            await db.CatalogueItems.Where(c => c.Name.StartsWith("เครื่องฉายภาพ")).Select(c => c.Tag).SingleAsync()));
        var tentRow = doc.QuerySelector($"#catalogue a[href='/a/{tentTag}']")!.Closest("tr")!;
        Assert.Contains("10 หลัง", tentRow.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector($"#catalogue a[href='/a/{projectorTag}']"));

        var rows = doc.QuerySelectorAll("#stats-table tbody tr");
        Assert.Equal(12, rows.Length);
        Assert.StartsWith("ตุลาคม 2569", rows[0].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        var november = await app.WithDbAsync(db => db.Loans.CountAsync(l => l.FiscalYear == 2570));
        Assert.Equal(november.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1].QuerySelectorAll("td")[0].TextContent.Trim());

        var chart = JsonDocument.Parse(doc.QuerySelector("#stats-chart")!.GetAttribute("data-stats")!).RootElement;
        Assert.Equal(12, chart.GetProperty("labels").GetArrayLength());
        Assert.Equal(november, chart.GetProperty("series")[0].GetProperty("data")[1].GetDouble());
        Assert.NotNull(doc.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.js']"));
        Assert.NotNull(doc.QuerySelector("#register-table tbody tr"));
    }

    [Fact]
    public async Task StatsCsv_IsUtf8WithBomAndThaiHeaders()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/transparency/stats.csv?year=2570");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(14, lines.Length);
        Assert.StartsWith("\"ปีงบประมาณ\",\"เดือน\",\"คำขอยืม\",\"อนุมัติ\",\"ไม่อนุมัติ\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2570,\"ตุลาคม 2569\",", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2570,\"รวมทั้งปี", lines[13], StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearChoice_EarlierFiscalYear_ShowsItsMonthsAndCsv()
    {
        // A school's application filed in September 2026 (fiscal year 2569), through the shared submit path.
        await app.WithDbAsync(async db =>
        {
            var chairs = await db.CatalogueItems.Where(c => c.Name == PublicApplication.Chairs).Select(c => c.Id).SingleAsync();
            var school = new Borrower(BorrowerKind.School, "โรงเรียนบ้านทดสอบ", new BorrowerContact("053111222", null, "1", "2", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("กีฬาสี", "สนามโรงเรียน", true, new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 6), [new RequestedLine(chairs, 20)]);
            await db.SubmitLoanAsync(school, request, Actor.Applicant("ผู้ยื่นคำขอทางออนไลน์"), AssetLoan.Domain.Loans.ApprovalPolicy.Default,
                new DateOnly(2026, 9, 1), new DateTime(2026, 9, 1, 3, 0, 0, DateTimeKind.Utc), default);
        });
        var client = app.CreateAnonymousClient();

        var doc = await HtmlForm.GetDocumentAsync(client, "/transparency?year=2569");
        Assert.Equal(["2570", "2569"], doc.QuerySelectorAll("#year option").Select(o => o.GetAttribute("value")!).ToArray());
        Assert.Contains("ปีงบประมาณ 2569", doc.QuerySelector("#statistics-heading")!.TextContent, StringComparison.Ordinal);
        var september = doc.QuerySelectorAll("#stats-table tbody tr")[11];
        Assert.StartsWith("กันยายน 2569", september.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", september.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Contains("โรงเรียน/สถานศึกษา", doc.QuerySelector("#register-table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("โรงเรียนบ้านทดสอบ", doc.Body!.InnerHtml, StringComparison.Ordinal);

        var csv = await client.GetStringAsync("/transparency/stats.csv?year=2569");
        Assert.Contains("2569,\"กันยายน 2569\",1,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulation_EditedByAdmin_IsPublishedSanitised()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/regulation");
        Assert.Contains("ระเบียบการยืมพัสดุของเทศบาล", form.Value("Markdown"), StringComparison.Ordinal);
        form.Set("Markdown", "## ระเบียบฉบับปรับปรุง ๒๕๗๐\n\n1. ยื่นคำขอล่วงหน้า **๓ วันทำการ**\n\n<script>alert('x')</script>\n\n[คลิก](javascript:alert(1))\n\n<img src=x onerror=alert(1)>");
        var saved = await form.SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/transparency");
            var regulation = doc.QuerySelector("#regulation .regulation")!;
            Assert.Equal("ระเบียบฉบับปรับปรุง ๒๕๗๐", regulation.QuerySelector("h2")!.TextContent.Trim());
            Assert.Equal("๓ วันทำการ", regulation.QuerySelector("li strong")!.TextContent.Trim());
            Assert.Null(regulation.QuerySelector("script, img, [onerror]"));
            Assert.DoesNotContain("javascript:", regulation.InnerHtml, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await Settings.SetAsync(db, Settings.Keys.RegulationMarkdown, Settings.DefaultRegulation, default);
                await db.SaveChangesAsync();
            });
        }

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var denied = await officer.GetAsync("/admin/regulation");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/accessdenied", denied.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BlankForms_ArePrintableThaiDocuments()
    {
        var client = app.CreateAnonymousClient();
        var request = await HtmlForm.GetDocumentAsync(client, "/transparency/forms/request");
        Assert.Equal("แบบคำขอยืมพัสดุ", request.QuerySelector("article.paper-form h1")!.TextContent.Trim());
        Assert.Contains("ข้อ ๒๐๙", request.QuerySelector("article.paper-form")!.TextContent, StringComparison.Ordinal);
        var slip = await HtmlForm.GetDocumentAsync(client, "/transparency/forms/slip");
        var text = slip.QuerySelector("article.paper-form")!.TextContent;
        Assert.Contains("หมายเลขครุภัณฑ์", text, StringComparison.Ordinal);
        Assert.Contains("ภายใน ๗ วัน", text, StringComparison.Ordinal);
        Assert.Contains("หัวหน้าหน่วยงานของผู้ยืม", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPages_ContainNoNameIdOrPhoneOfAnyBorrower()
    {
        var client = app.CreateAnonymousClient();
        var people = new[]
        {
            (Name: "นายเปิดเผย ไม่ได้", Id: PublicApplication.NewNationalId(), Phone: "081-919-2837"),
            (Name: "นางลับเฉพาะ ส่วนตัว", Id: PublicApplication.NewNationalId(), Phone: "062-555-7788"),
        };
        var tokens = new List<string>();
        foreach (var p in people)
        {
            var form = (await PublicApplication.FilledAsync(client, nationalId: p.Id, phone: p.Phone, name: p.Name))
                .Set("Input.Purpose", $"งานศพ {p.Name}").Set("Input.Place", $"บ้าน{p.Name} โทร {p.Phone}").Set("Input.Email", "private.person@example.com");
            tokens.Add((await PublicApplication.SubmitAsync(client, form)).Token);
        }

        // One moves on (checked and approved), so the register and the statistics have something to show.
        var loanId = await PublicApplication.LoanIdAsync(app, tokens[0]);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.ApproveAsync(app, loanId);

        var borrowers = await app.WithDbAsync(db => db.Borrowers.AsNoTracking().Where(b => b.Kind != BorrowerKind.Staff).ToListAsync());
        Assert.True(borrowers.Count >= 2);
        var secrets = borrowers.SelectMany(b => new[] { b.Name, b.Phone, b.Email, b.ContactPerson })
            .Concat(people.SelectMany(p => new[] { p.Id, ThaiNationalId.Format(p.Id), p.Phone, p.Phone.Replace("-", "", StringComparison.Ordinal), p.Name.Split(' ')[0] }))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct()
            .ToList();

        foreach (var url in new[] { "/", "/transparency", "/transparency?year=2570", "/transparency/stats.csv", "/transparency/forms/request", "/transparency/forms/slip", "/apply", "/track" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in secrets)
            {
                Assert.False(body.Contains(secret!, StringComparison.Ordinal), $"{url} shows personal data: {secret}");
            }
        }

        var register = (await HtmlForm.GetDocumentAsync(client, "/transparency")).QuerySelector("#register-table")!.TextContent;
        Assert.Contains("บุคคลทั่วไป", register, StringComparison.Ordinal);
        Assert.Contains("อนุมัติแล้ว", register, StringComparison.Ordinal);
    }
}
