using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data.Seed;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §3: sign-in tells nothing about which accounts exist and cannot be used to lock anyone out.</summary>
public sealed class SignInTests
{
    private const string Generic = "อีเมลหรือรหัสผ่านไม่ถูกต้อง";
    private const string Throttled = "ลองเข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป";

    [Fact]
    public async Task UnknownAccountAndWrongPassword_GetTheSameAnswer()
    {
        await using var app = new AppFactory();
        var unknown = await SignInAsync(app, "nobody@maekhue.go.th", "wrong-password-1");
        var wrong = await SignInAsync(app, Demo.Auditor, "wrong-password-1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, wrong.StatusCode));
        Assert.Equal(await ErrorAsync(unknown), await ErrorAsync(wrong));
        Assert.Equal(Generic, await ErrorAsync(unknown));
    }

    [Fact]
    public async Task UnknownAccount_CostsOnePasswordHashCheck_AsAWrongPasswordDoes()
    {
        // Timing an answer on a shared machine proves nothing; counting the PBKDF2 checks does: without the dummy hash
        // an unknown address was answered with none (~8× faster), which tells an attacker the address does not exist.
        var checks = new HashChecks();
        await using var app = new AppFactory().WithServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(sp => new CountingHasher(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), checks)));
        await SignInAsync(app, Demo.Auditor, "warm-up-password");

        var before = checks.Count;
        await SignInAsync(app, Demo.Auditor, "wrong-password-2");
        var known = checks.Count - before;
        before = checks.Count;
        await SignInAsync(app, "nobody@maekhue.go.th", "wrong-password-2");
        var unknown = checks.Count - before;

        Assert.Equal((1, 1), (known, unknown));
    }

    private sealed class HashChecks
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHasher(PasswordHasher<AppUser> inner, HashChecks checks) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            checks.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task RepeatedFailures_AreThrottled_NeverLockTheAccount_AndPassWithTime()
    {
        await using var app = new AppFactory();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Generic, await ErrorAsync(await SignInAsync(app, Demo.Deputy, $"bad-password-{i}")));
        }

        // The right password is not even checked while throttled: guessing gains nothing.
        var sixth = await SignInAsync(app, Demo.Deputy, DemoData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains(Throttled, await ErrorAsync(sixth), StringComparison.Ordinal);
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == Demo.Deputy));
        Assert.Null(account.LockoutEnd);
        Assert.Equal(0, account.AccessFailedCount);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, Demo.Deputy, DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task UnknownAccount_IsThrottledExactlyLikeARealOne()
    {
        await using var app = new AppFactory();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(app, "ghost@maekhue.go.th", $"bad-password-{i}");
        }

        var sixth = await SignInAsync(app, "ghost@maekhue.go.th", "bad-password-6");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains(Throttled, await ErrorAsync(sixth), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClientTryingManyAccounts_IsThrottledPerAddress()
    {
        await using var app = new AppFactory().With("SignIn:FailuresPerAddress", "3");
        for (var i = 0; i < 3; i++)
        {
            await SignInAsync(app, $"spray{i}@maekhue.go.th", "Summer2569!!");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(app, Demo.Head, DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task SignIn_HasItsOwnLimit_APublicCrowdDoesNotBlockStaff()
    {
        await using var app = new AppFactory().With("RateLimit:PublicPostsPerMinute", "2");
        var crowd = app.CreateAnonymousClient();
        var track = await HtmlForm.LoadAsync(crowd, "/track");
        for (var i = 0; i < 3; i++)
        {
            await track.SubmitAsync(crowd);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await track.SubmitAsync(crowd)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, Demo.Officer, DemoData.Password, crowd)).StatusCode);
    }

    internal static async Task<HttpResponseMessage> SignInAsync(AppFactory app, string email, string password, HttpClient? client = null)
    {
        client ??= app.CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, "/account/login");
        return await form.Set("Input.Email", email).Set("Input.Password", password).SubmitAsync(client);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await HtmlForm.ParseAsync(response)).QuerySelector(".validation-summary-errors, [data-valmsg-summary]")?.TextContent.Trim() ?? "";
}
