using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web;

public sealed class FoundationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Home_IsThaiAndSaysWhatTheSystemIsFor()
    {
        var client = app.CreateAnonymousClient();
        var doc = await HtmlForm.GetDocumentAsync(client, "/");
        Assert.Equal("th", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ระบบยืม–คืนทรัพย์สินของราชการ", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_ReportsDatabaseHealthy()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityHeaders_ArePresent()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ShowsThai404()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsThaiMessageAndKeepsEmail()
    {
        var client = app.CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, "/account/login");
        form.Set("Input.Email", Demo.Auditor).Set("Input.Password", "wrong-password-1");
        var response = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Demo.Auditor, doc.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Login_DemoAccount_SignsInAndShowsName()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(client, "/");
        Assert.Contains("นางสาวพัชรี ใจดี", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureSwitch_ToEnglish_SetsCookieAndLang()
    {
        var client = app.CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, "/", "form[action='/culture']");
        var response = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await HtmlForm.GetDocumentAsync(client, "/");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Government Asset Lending System", doc.QuerySelector("h1")!.TextContent.Trim());
    }
}
