using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §4: sessions that end when they should, and passwords people choose themselves.</summary>
public sealed class SessionTests
{
    private const string NewPassphrase = "ช้างน้อยกินกล้วยที่ดอยสุเทพ";

    [Fact]
    public async Task Logout_ACopiedCookie_StopsWorking()
    {
        await using var app = new AppFactory();
        var client = app.CreateAnonymousClient();
        var signIn = await SignInTests.SignInAsync(app, Demo.Employee, DemoData.Password, client);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("AssetLoan.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, (await Replay(app, cookie)).StatusCode);

        var logout = HtmlForm.From(await HtmlForm.GetDocumentAsync(client, "/"), "form[action='/account/logout']", "/");
        Assert.Equal(HttpStatusCode.Redirect, (await logout.SubmitAsync(client)).StatusCode);

        var replayed = await Replay(app, cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSessionAtOnce()
    {
        await using var app = new AppFactory();
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/loans", TestContext.Current.CancellationToken)).StatusCode);

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Employee).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true)));

        Assert.Equal(HttpStatusCode.Redirect, (await employee.GetAsync("/loans", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ASession_EndsAfterTheAbsoluteLifetime_HoweverActive()
    {
        await using var app = new AppFactory();
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        foreach (var hours in new[] { 5, 5 })
        {
            app.Clock.Advance(TimeSpan.FromHours(hours));
            Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/loans", TestContext.Current.CancellationToken)).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.Redirect, (await employee.GetAsync("/loans", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_TheNewOneSignsIn_TheOldOneNoLonger()
    {
        await using var app = new AppFactory();
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(employee, "/account/password");
        form.Set("Input.CurrentPassword", DemoData.Password).Set("Input.NewPassword", NewPassphrase).Set("Input.ConfirmPassword", NewPassphrase);

        var response = await form.SubmitAsync(employee);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/loans", TestContext.Current.CancellationToken)).StatusCode); // this session goes on
        Assert.Equal(HttpStatusCode.Redirect, (await SignInTests.SignInAsync(app, Demo.Employee, NewPassphrase)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInTests.SignInAsync(app, Demo.Employee, DemoData.Password)).StatusCode);
    }

    [Theory]
    [InlineData("12345678", "รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร")]
    [InlineData("password1234", "รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย")]
    [InlineData("qwertyqwerty", "รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย")]
    [InlineData("2569maekhue!", "รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย")]
    public async Task ChangePassword_WeakOrCommon_IsRefusedBesideTheField(string weak, string message)
    {
        await using var app = new AppFactory();
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var form = await HtmlForm.LoadAsync(employee, "/account/password");
        form.Set("Input.CurrentPassword", DemoData.Password).Set("Input.NewPassword", weak).Set("Input.ConfirmPassword", weak);

        var response = await form.SubmitAsync(employee);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountTheAdminCreated_MustChooseItsOwnPasswordFirst()
    {
        await using var app = new AppFactory();
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var create = await HtmlForm.LoadAsync(admin, "/admin/users/create");
        create.Set("Email", "newcomer@maekhue.go.th").Set("Password.NewPassword", "ตั้งโดยผู้ดูแล-2569").Set("Input.FullName", "นายใหม่ ทดสอบ")
            .Remove("Input.Roles").Add("Input.Roles", AssetLoan.Web.Identity.Roles.Employee);
        Assert.Equal(HttpStatusCode.Redirect, (await create.SubmitAsync(admin)).StatusCode);

        var newcomer = app.CreateAnonymousClient();
        var signIn = await SignInTests.SignInAsync(app, "newcomer@maekhue.go.th", "ตั้งโดยผู้ดูแล-2569", newcomer);
        Assert.StartsWith("/account/password", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var elsewhere = await newcomer.GetAsync("/loans", TestContext.Current.CancellationToken);
        Assert.StartsWith("/account/password", elsewhere.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var change = await HtmlForm.LoadAsync(newcomer, "/account/password");
        change.Set("Input.CurrentPassword", "ตั้งโดยผู้ดูแล-2569").Set("Input.NewPassword", NewPassphrase).Set("Input.ConfirmPassword", NewPassphrase);
        Assert.Equal(HttpStatusCode.Redirect, (await change.SubmitAsync(newcomer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/loans", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static Task<HttpResponseMessage> Replay(AppFactory app, string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/loans");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
