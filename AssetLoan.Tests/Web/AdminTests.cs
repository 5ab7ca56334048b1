using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

public sealed class AdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "ทุ่งนาเขียวขจีหลังฝน";

    [Fact]
    public async Task CreateUser_WithRoles_CanSignInAndTheRolesAreAudited()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/users/create");
        form.Set("Email", "somsri@maekhue.go.th").Set("Password.NewPassword", NewPassword)
            .Set("Input.FullName", "นางสมศรี มีสุข").Set("Input.Position", "นักวิชาการพัสดุ")
            .Remove("Input.Roles").Add("Input.Roles", Roles.Employee).Add("Input.Roles", Roles.SuppliesOfficer);

        var response = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await UserIdAsync("somsri@maekhue.go.th");
        Assert.Equal($"/admin/users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal([Roles.Employee, Roles.SuppliesOfficer], (await RolesOfAsync(id)).Order());
        var page = await HtmlForm.GetDocumentAsync(admin, $"/admin/users/{id}");
        var timeline = page.QuerySelector(".audit-timeline")!.TextContent;
        Assert.Contains("เพิ่มบทบาท", timeline, StringComparison.Ordinal);
        Assert.Contains("เจ้าหน้าที่พัสดุ", timeline, StringComparison.Ordinal);
        Assert.Contains("ผู้ดูแลระบบ", timeline, StringComparison.Ordinal);

        var newcomer = app.CreateAnonymousClient();
        var login = await HtmlForm.LoadAsync(newcomer, "/account/login");
        var signIn = await login.Set("Input.Email", "somsri@maekhue.go.th").Set("Input.Password", NewPassword).SubmitAsync(newcomer);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var change = await HtmlForm.LoadAsync(newcomer, "/account/password");
        change.Set("Input.CurrentPassword", NewPassword).Set("Input.NewPassword", "สมศรีตั้งเองไม่บอกใคร").Set("Input.ConfirmPassword", "สมศรีตั้งเองไม่บอกใคร");
        Assert.Equal(HttpStatusCode.Redirect, (await change.SubmitAsync(newcomer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/assets/create")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_TakenEmail_ShowsThaiMessageAndKeepsTheForm()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/users/create");
        form.Set("Email", Demo.Auditor).Set("Password.NewPassword", NewPassword).Set("Input.FullName", "ชื่อซ้ำ ทดสอบ");
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        var response = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains($"อีเมล {Demo.Auditor} มีผู้ใช้แล้ว", doc.QuerySelector("[data-valmsg-for='Email']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ชื่อซ้ำ ทดสอบ", doc.QuerySelector("input[name='Input.FullName']")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateUser_WeakPassword_ShowsThaiPasswordRule()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/users/create");
        form.Set("Email", "weak@maekhue.go.th").Set("Password.NewPassword", "qwertyuiop12").Set("Input.FullName", "รหัสอ่อน ทดสอบ");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(admin));

        Assert.Contains("รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย", doc.QuerySelector("[data-valmsg-for='Password.NewPassword']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == "weak@maekhue.go.th")));
    }

    [Fact]
    public async Task Profile_AssignRolesAndDivision_SavesAndShowsTheChangeOnTheUserPage()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Head);
        var fin = await app.WithDbAsync(db => db.Divisions.Where(d => d.Code == "FIN").Select(d => d.Id).SingleAsync());
        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}");
        form.Set("Input.DivisionId", fin.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Remove("Input.Roles").Add("Input.Roles", Roles.Employee).Add("Input.Roles", Roles.FinanceDirector);

        var response = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Employee, Roles.FinanceDirector], (await RolesOfAsync(id)).Order());
        Assert.Equal(fin, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DivisionId).SingleAsync()));
        var timeline = (await HtmlForm.GetDocumentAsync(admin, $"/admin/users/{id}")).QuerySelector(".audit-timeline")!.TextContent;
        Assert.Contains("ถอนบทบาท", timeline, StringComparison.Ordinal);
        Assert.Contains("หัวหน้าหน่วยงาน", timeline, StringComparison.Ordinal);
        Assert.Contains("ผู้อำนวยการกองคลัง", timeline, StringComparison.Ordinal);
        Assert.Contains("กองการศึกษา", timeline, StringComparison.Ordinal);
        Assert.Contains("กองคลัง", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_NoRoleTicked_ShowsThaiMessage()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Mayor);
        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}");
        form.Remove("Input.Roles");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(admin));

        Assert.Contains("กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท", doc.QuerySelector("[data-valmsg-for='Input.Roles']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Roles.Executive], await RolesOfAsync(id));
    }

    [Fact]
    public async Task Admin_CannotRemoveOwnAdminRoleNorDisableThemselves()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}");
        form.Remove("Input.Roles").Add("Input.Roles", Roles.Employee);

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(admin));

        Assert.Contains("ท่านถอนบทบาทผู้ดูแลระบบของตนเองไม่ได้", doc.QuerySelector("[data-valmsg-for='Input.Roles']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Roles.Admin, await RolesOfAsync(id));
        Assert.Null(doc.QuerySelector("form[action*='handler=Disable']"));
        var antiforgery = form.Value("__RequestVerificationToken")!;
        var forced = await admin.PostAsync($"/admin/users/{id}?handler=Disable", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        Assert.Contains("ท่านระงับบัญชีของตนเองไม่ได้", await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync()));
    }

    [Fact]
    public async Task Disable_ThenEnable_TheLoginPageFollows()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Deputy);
        var page = await HtmlForm.GetDocumentAsync(admin, $"/admin/users/{id}");

        var disabled = await HtmlForm.From(page, "form[action*='handler=Disable']", $"/admin/users/{id}").SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.CreateClientAsAsync(Demo.Deputy));
        var timeline = (await HtmlForm.GetDocumentAsync(admin, $"/admin/users/{id}")).QuerySelector(".audit-timeline")!.TextContent;
        Assert.Contains("ระงับการใช้งาน", timeline, StringComparison.Ordinal);

        var again = await HtmlForm.GetDocumentAsync(admin, $"/admin/users/{id}");
        var enabled = await HtmlForm.From(again, "form[action*='handler=Enable']", $"/admin/users/{id}").SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.NotNull(await app.CreateClientAsAsync(Demo.Deputy));
    }

    [Fact]
    public async Task ResetPassword_TheNewPasswordSignsIn()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Director);
        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}", "form[action*='handler=Password']");
        form.Set("Password.NewPassword", NewPassword);

        var response = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var client = app.CreateAnonymousClient();
        var login = await HtmlForm.LoadAsync(client, "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, (await login.Set("Input.Email", Demo.Director).Set("Input.Password", NewPassword).SubmitAsync(client)).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_LeavesAnAuditEventWithoutThePasswordOrItsHash()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Auditor);
        var adminId = await UserIdAsync(Demo.Admin);
        var lastBefore = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Sequence));
        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}", "form[action*='handler=Password']");
        form.Set("Password.NewPassword", NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(admin)).StatusCode);

        var (events, hash, chain) = await app.WithDbAsync(async db => (
            await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > (lastBefore ?? 0)).OrderBy(e => e.Sequence).ToListAsync(),
            await db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash!).SingleAsync(),
            AssetLoan.Domain.Audit.AuditChain.Verify(await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(), app.ChainKey)));
        var reset = Assert.Single(events, e => e.Action == "PasswordReset");
        Assert.Equal((nameof(AppUser), id, adminId), (reset.EntityType, reset.EntityId, reset.ActorUserId));
        Assert.Null(chain);
        Assert.All(events, e =>
        {
            Assert.DoesNotContain(NewPassword, (e.Before ?? "") + e.After, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, (e.Before ?? "") + e.After, StringComparison.Ordinal);
            Assert.DoesNotContain("PasswordHash", (e.Before ?? "") + e.After, StringComparison.Ordinal);
        });
        var page = await HtmlForm.GetDocumentAsync(admin, $"/admin/users/{id}");
        Assert.Contains("ตั้งรหัสผ่านใหม่", page.QuerySelector(".audit-timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_TooShort_ShowsThaiMessageBesideTheField()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var id = await UserIdAsync(Demo.Auditor);
        var form = await HtmlForm.LoadAsync(admin, $"/admin/users/{id}", "form[action*='handler=Password']");
        form.Set("Password.NewPassword", "12ab");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(admin));

        Assert.Contains("รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร", doc.QuerySelector("[data-valmsg-for='Password.NewPassword']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_Returns404()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-user")).StatusCode);
    }

    [Fact]
    public async Task Divisions_AddAndRename_DuplicateCodeIsRefusedInThai()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var add = await HtmlForm.LoadAsync(admin, "/admin/divisions");
        add.Set("Input.Code", "SOC").Set("Input.Name", "กองสวัสดิการสังคม");
        Assert.Equal(HttpStatusCode.Redirect, (await add.SubmitAsync(admin)).StatusCode);
        var id = await app.WithDbAsync(db => db.Divisions.Where(d => d.Code == "SOC").Select(d => d.Id).SingleAsync());

        var duplicate = await HtmlForm.LoadAsync(admin, "/admin/divisions");
        duplicate.Set("Input.Code", "SOC").Set("Input.Name", "ซ้ำ");
        var refused = await HtmlForm.ParseAsync(await duplicate.SubmitAsync(admin));
        Assert.Contains("รหัส SOC มีอยู่แล้ว", refused.QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ซ้ำ", refused.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));

        var edit = await HtmlForm.LoadAsync(admin, $"/admin/divisions/{id}/edit");
        edit.Set("Input.Name", "กองสวัสดิการสังคมและพัฒนาชุมชน");
        Assert.Equal(HttpStatusCode.Redirect, (await edit.SubmitAsync(admin)).StatusCode);
        Assert.Equal("กองสวัสดิการสังคมและพัฒนาชุมชน", await app.WithDbAsync(db => db.Divisions.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task Categories_Add_AppearsInTheList()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var add = await HtmlForm.LoadAsync(admin, "/admin/categories");
        add.Set("Input.Code", "417").Set("Input.Name", "ครุภัณฑ์ยานพาหนะและขนส่ง");

        Assert.Equal(HttpStatusCode.Redirect, (await add.SubmitAsync(admin)).StatusCode);

        var list = await HtmlForm.GetDocumentAsync(admin, "/admin/categories");
        Assert.Contains("ครุภัณฑ์ยานพาหนะและขนส่ง", list.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Categories_RenamedCode_IsUsedForTheNextProposedNumberOnly()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var category = await app.WithDbAsync(db => db.Categories.Where(c => c.Code == "430").Select(c => c.Id).SingleAsync());
        var edit = await HtmlForm.LoadAsync(admin, $"/admin/categories/{category}/edit");
        edit.Set("Input.Code", "430A");

        Assert.Equal(HttpStatusCode.Redirect, (await edit.SubmitAsync(admin)).StatusCode);

        var pump = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == "เครื่องสูบน้ำ").Select(c => c.Id).SingleAsync());
        var create = await HtmlForm.LoadAsync(admin, $"/assets/create?item={pump}&acquired=01/08/2562");
        Assert.Equal("430A-62-0001", create.Value("Input.AssetNumber"));
        Assert.Equal(3, await app.WithDbAsync(db => db.Assets.CountAsync(a => a.AssetNumber.StartsWith("พย7110-006-024-"))));
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<List<string>> RolesOfAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(userId))!)];
    }
}
