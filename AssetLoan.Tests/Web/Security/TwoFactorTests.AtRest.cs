using System.Net;
using System.Text;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Security;

/// <summary>A copy of the database holds no second factor: the authenticator key is encrypted (personal-data key ring,
/// kept outside the database), recovery codes are hashed; values stored plain before still work and are protected.</summary>
public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task DatabaseFileAlone_HoldsNeitherTheAuthenticatorKeyNorAnyRecoveryCode_AndBothStillSignIn()
    {
        await using var app = new AppFactory();
        var (key, codes) = await EnableAsync(app, Demo.Head);
        Assert.Equal(10, codes.Count);

        // What a thief holding only the file reads: every token row, and the file's bytes (WAL folded in first).
        var values = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT Value FROM AspNetUserTokens WHERE Value IS NOT NULL";
            await using var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                values.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(values);
        var secrets = codes.Prepend(key).ToList();
        Assert.DoesNotContain(values, v => secrets.Any(s => v.Contains(s, StringComparison.OrdinalIgnoreCase)));
        var file = Encoding.ASCII.GetString(await File.ReadAllBytesAsync(app.DatabasePath, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(secrets, s => file.Contains(s, StringComparison.OrdinalIgnoreCase));

        var withCode = app.CreateAnonymousClient();
        var location = (await SignIn.PasswordAsync(withCode, Demo.Head)).Headers.Location!.OriginalString;
        var form = await HtmlForm.LoadAsync(withCode, location);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(withCode)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync("/account/profile")).StatusCode);

        var withRecovery = app.CreateAnonymousClient();
        await SignIn.PasswordAsync(withRecovery, Demo.Head);
        form = await HtmlForm.LoadAsync(withRecovery, "/account/login-recovery");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.RecoveryCode", codes[3].ToLowerInvariant()).SubmitAsync(withRecovery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withRecovery.GetAsync("/account/profile")).StatusCode);
        var page = await HtmlForm.GetDocumentAsync(withRecovery, "/account/two-factor");
        Assert.Equal("9", page.QuerySelector("#recovery-left")!.TextContent.Trim());
    }

    [Fact]
    public async Task APlainKeyAndPlainCodesStoredBeforeTheyWereProtected_StillSignIn()
    {
        await using var app = new AppFactory();
        const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await app.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == Demo.Head);
            user.TwoFactorEnabled = true;
            db.UserTokens.Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = Key });
            db.UserTokens.Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAAA-BBBBB;CCCCC-DDDDD" });
            await db.SaveChangesAsync();
            return 0;
        });

        var withCode = app.CreateAnonymousClient();
        var location = (await SignIn.PasswordAsync(withCode, Demo.Head)).Headers.Location!.OriginalString;
        var form = await HtmlForm.LoadAsync(withCode, location);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", Totp.Code(Key, app.Clock)).SubmitAsync(withCode)).StatusCode);

        var withRecovery = app.CreateAnonymousClient();
        await SignIn.PasswordAsync(withRecovery, Demo.Head);
        form = await HtmlForm.LoadAsync(withRecovery, "/account/login-recovery");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.RecoveryCode", "CCCCC-DDDDD").SubmitAsync(withRecovery)).StatusCode);

        // Once used, what is left is stored hashed.
        var left = await app.WithDbAsync(db => Task.FromResult(db.UserTokens.Single(t => t.Name == "RecoveryCodes").Value!));
        Assert.DoesNotContain("AAAAA-BBBBB", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtStartUp_APlainKeyAndPlainCodes_AreProtected_AndStillSignIn()
    {
        await using var app = new AppFactory();
        const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await app.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == Demo.Head);
            user.TwoFactorEnabled = true;
            db.UserTokens.Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = Key });
            db.UserTokens.Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAAA-BBBBB;CCCCC-DDDDD" });
            await db.SaveChangesAsync();
            return 0;
        });

        // What the start-up runs after the migrations.
        var changed = await app.WithDbAsync(db => AppUserStore.ProtectStoredAsync(db, app.Services.GetRequiredService<PersonalDataProtection>(), TestContext.Current.CancellationToken));

        Assert.Equal(2, changed);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.UserTokens.Where(t => t.LoginProvider == "[AspNetUserStore]").Select(t => t.Value!).ToList()));
        Assert.DoesNotContain(stored, v => v.Contains(Key, StringComparison.Ordinal) || v.Contains("AAAAA-BBBBB", StringComparison.Ordinal) || v.Contains("CCCCC-DDDDD", StringComparison.Ordinal));

        var withCode = app.CreateAnonymousClient();
        var location = (await SignIn.PasswordAsync(withCode, Demo.Head)).Headers.Location!.OriginalString;
        var form = await HtmlForm.LoadAsync(withCode, location);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", Totp.Code(Key, app.Clock)).SubmitAsync(withCode)).StatusCode);

        var withRecovery = app.CreateAnonymousClient();
        await SignIn.PasswordAsync(withRecovery, Demo.Head);
        form = await HtmlForm.LoadAsync(withRecovery, "/account/login-recovery");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.RecoveryCode", "AAAAA-BBBBB").SubmitAsync(withRecovery)).StatusCode);
    }
}
