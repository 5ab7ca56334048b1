using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Data.Seed;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Security;

/// <summary>
/// Issue 14 §4: two-factor sign-in with an authenticator app (TOTP), recovery codes, and the admin's setting that makes
/// it compulsory for the admin, the approvers and the supplies officers. Codes are computed here from the shared key
/// the setup page shows, as a phone would.
/// </summary>
public sealed partial class TwoFactorTests
{
    private const string WrongCodeMessage = "รหัสไม่ถูกต้อง";

    [Fact]
    public async Task Setup_WithTheRightCode_EnablesTwoFactor_ShowsTenRecoveryCodesOnce_AndIsAudited()
    {
        await using var app = new AppFactory();
        var client = await app.CreateClientAsAsync(Demo.Head);
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#enable-form");
        var key = SharedKey(form.Document);
        Assert.NotNull(form.Document.QuerySelector("img#authenticator-qr[src^='data:image/png;base64,']"));

        var response = await form.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await HtmlForm.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        var codes = shown.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Head).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // Shown once: the next visit says how many are left, not the codes.
        var again = await HtmlForm.GetDocumentAsync(client, "/account/two-factor");
        Assert.Empty(again.QuerySelectorAll("#recovery-codes li"));
        Assert.NotNull(again.QuerySelector("form#disable-form"));

        var trail = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(AppUser)).Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync());
        Assert.Contains(trail, t => t.Contains("\"TwoFactorEnabled\":true", StringComparison.Ordinal));
        Assert.DoesNotContain(trail, t => t.Contains(key, StringComparison.OrdinalIgnoreCase) || codes.Any(c => t.Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OpeningTheSetupPage_DoesNotEndTheUsersOtherSessions()
    {
        await using var app = new AppFactory();
        var phone = await app.CreateClientAsAsync(Demo.Head);
        var desk = await app.CreateClientAsAsync(Demo.Head);

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account/two-factor")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task Setup_WithAWrongCode_IsRefusedBesideTheField()
    {
        await using var app = new AppFactory();
        var client = await app.CreateClientAsAsync(Demo.Head);
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#enable-form");

        var response = await form.Set("Input.Code", Totp.WrongCode(SharedKey(form.Document), app.Clock)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains(WrongCodeMessage, page.QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Head).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_AfterSetup_AsksForTheCode_AWrongOneIsRefusedBesideTheField_TheRightOneSignsIn()
    {
        await using var app = new AppFactory();
        var (key, _) = await EnableAsync(app, Demo.Head);

        var client = app.CreateAnonymousClient();
        var password = await SignIn.PasswordAsync(client, Demo.Head);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login-2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode);

        var form = await HtmlForm.LoadAsync(client, password.Headers.Location.OriginalString);
        var wrong = await form.Set("Input.Code", Totp.WrongCode(key, app.Clock)).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(WrongCodeMessage, (await HtmlForm.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent, StringComparison.Ordinal);

        form = await HtmlForm.LoadAsync(client, password.Headers.Location.OriginalString);
        var right = await form.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task WrongCodes_CountTowardTheSignInThrottle()
    {
        await using var app = new AppFactory();
        var (key, _) = await EnableAsync(app, Demo.Head);
        var client = app.CreateAnonymousClient();
        var location = (await SignIn.PasswordAsync(client, Demo.Head)).Headers.Location!.OriginalString;
        for (var i = 0; i < 5; i++)
        {
            var form = await HtmlForm.LoadAsync(client, location);
            await form.Set("Input.Code", Totp.WrongCode(key, app.Clock)).SubmitAsync(client);
        }

        var last = await HtmlForm.LoadAsync(client, location);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await last.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(client)).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnceOnly_AndItsUseIsAudited()
    {
        await using var app = new AppFactory();
        var (_, codes) = await EnableAsync(app, Demo.Head);

        var first = app.CreateAnonymousClient();
        await SignIn.PasswordAsync(first, Demo.Head);
        var form = await HtmlForm.LoadAsync(first, "/account/login-recovery");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.RecoveryCode", codes[0]).SubmitAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account/profile")).StatusCode);

        var second = app.CreateAnonymousClient();
        await SignIn.PasswordAsync(second, Demo.Head);
        form = await HtmlForm.LoadAsync(second, "/account/login-recovery");
        var again = await form.Set("Input.RecoveryCode", codes[0]).SubmitAsync(second);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("ไม่ถูกต้อง", (await HtmlForm.ParseAsync(again)).QuerySelector("[data-valmsg-for='Input.RecoveryCode']")!.TextContent, StringComparison.Ordinal);

        var used = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AccountAudit.RecoveryCodeUsedAction).Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync());
        Assert.Single(used);
        Assert.DoesNotContain(codes[0], used[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredByTheAdmin_SendsASuppliesOfficerToSetup_ButNotAnEmployee()
    {
        await using var app = new AppFactory();
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var settings = await HtmlForm.LoadAsync(admin, "/admin/settings");
        Assert.Equal(HttpStatusCode.Redirect, (await settings.Set("Input.RequireTwoFactor", "true").SubmitAsync(admin)).StatusCode);
        Assert.True(await app.WithDbAsync(async db => (await Settings.LoadAsync(db, default)).RequireTwoFactor));

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var desk = await officer.GetAsync("/supplies");
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/account/two-factor", desk.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/account/two-factor")).StatusCode);

        var employee = await app.CreateClientAsAsync(Demo.Employee);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/loans")).StatusCode);

        // Once set up, the officer reaches the desk.
        var form = await HtmlForm.LoadAsync(officer, "/account/two-factor", "form#enable-form");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", Totp.Code(SharedKey(form.Document), app.Clock)).SubmitAsync(officer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/supplies")).StatusCode);
    }

    [Fact]
    public async Task Disable_NeedsTheCode_ThenSignInAsksOnlyForThePassword()
    {
        await using var app = new AppFactory();
        var (key, client) = await EnableWithClientAsync(app, Demo.Head);

        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#disable-form");
        var wrong = await form.Set("DisableCode", Totp.WrongCode(key, app.Clock)).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(WrongCodeMessage, (await HtmlForm.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='DisableCode']")!.TextContent, StringComparison.Ordinal);

        form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#disable-form");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("DisableCode", Totp.Code(key, app.Clock)).SubmitAsync(client)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Head).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var fresh = app.CreateAnonymousClient();
        var password = await SignIn.PasswordAsync(fresh, Demo.Head);
        Assert.Equal("/", password.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Admin_TurnsItOffForAUserWhoLostThePhoneAndTheCodes_Audited()
    {
        await using var app = new AppFactory();
        await EnableAsync(app, Demo.Head);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Head).Select(u => u.Id).SingleAsync());
        var admin = await app.CreateClientAsAsync(Demo.Admin);

        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}", "form#two-factor-off");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(admin)).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var trail = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(AppUser) && e.EntityId == id).Select(e => new { e.ActorName, e.After }).ToListAsync());
        Assert.Contains(trail, e => e.After != null && e.After.Contains("\"TwoFactorEnabled\":false", StringComparison.Ordinal) && e.ActorName == "ผู้ดูแลระบบ");
        Assert.Equal("/", (await SignIn.PasswordAsync(app.CreateAnonymousClient(), Demo.Head)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RenewRecoveryCodes_WithTheCode_ReplacesTheOldOnes()
    {
        await using var app = new AppFactory();
        var (key, client) = await EnableWithClientAsync(app, Demo.Head);
        var old = await app.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync());

        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#renew-form");
        var response = await form.Set("RenewCode", Totp.Code(key, app.Clock)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await HtmlForm.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(10, shown.QuerySelectorAll("#recovery-codes li").Length);
        Assert.NotEqual(old, await app.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AccountAudit.RecoveryCodesRenewedAction)));
    }

    [Theory]
    [InlineData("Account/TwoFactor.cshtml")]
    [InlineData("Account/LoginWith2fa.cshtml")]
    [InlineData("Account/LoginWithRecoveryCode.cshtml")]
    public void EveryThaiTextInTheViews_HasItsEnglish(string view)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "AssetLoan.sln")))
        {
            root = root.Parent!;
        }

        var keys = ViewKey().Matches(File.ReadAllText(Path.Combine(root.FullName, "AssetLoan.Web", "Pages", view))).Select(m => m.Groups[1].Value).ToHashSet();
        var resx = Path.Combine(root.FullName, "AssetLoan.Web", "Resources", "Pages", Path.ChangeExtension(view, ".en.resx"));
        var english = XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        Assert.DoesNotContain(keys, k => !english.ContainsKey(k) || string.IsNullOrWhiteSpace(english[k]));
    }

    private static string SharedKey(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();

    internal static async Task<(string Key, IReadOnlyList<string> Codes)> EnableAsync(AppFactory app, string email)
    {
        var client = await app.CreateClientAsAsync(email);
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#enable-form");
        var key = SharedKey(form.Document);
        var response = await form.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(client);
        var shown = await HtmlForm.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // a code is accepted once: the phone's next one comes after this
        return (key, shown.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList());
    }

    private static async Task<(string Key, HttpClient Client)> EnableWithClientAsync(AppFactory app, string email)
    {
        var client = await app.CreateClientAsAsync(email);
        var form = await HtmlForm.LoadAsync(client, "/account/two-factor", "form#enable-form");
        var key = SharedKey(form.Document);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(client)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // a code is accepted once: the phone's next one comes after this
        return (key, client);
    }

    private static class SignIn
    {
        public static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email)
        {
            var form = await HtmlForm.LoadAsync(client, "/account/login");
            return await form.Set("Input.Email", email).Set("Input.Password", DemoData.Password).SubmitAsync(client);
        }
    }

    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ViewKey();
}
