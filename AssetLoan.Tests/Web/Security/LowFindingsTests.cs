using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §8: the small findings, each held by a test.</summary>
public sealed class LowFindingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Camera_IsAllowedOnlyOnTheScanPages()
    {
        var home = await app.CreateAnonymousClient().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.StartsWith("camera=()", home.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var scan = await officer.GetAsync("/supplies/scan", TestContext.Current.CancellationToken);
        Assert.StartsWith("camera=(self)", scan.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        var loans = await officer.GetAsync("/loans", TestContext.Current.CancellationToken);
        Assert.StartsWith("camera=()", loans.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csp_StyleSrc_AllowsNoInlineStyles()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/", TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var styleSrc = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));
        Assert.Equal("style-src 'self'", styleSrc);
        Assert.DoesNotContain("'unsafe-inline'", styleSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-hashes'", styleSrc, StringComparison.Ordinal);
    }

    [Fact]
    public void RegulationMarkdown_AlignedTableColumns_BecomeClassesNotStyleAttributes()
    {
        var html = SafeMarkdown.ToHtml("| ลำดับ | รายการ | จำนวน |\n|:-:|---|--:|\n| 1 | เต็นท์ | 2 |\n");

        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<th class=\"text-center\">ลำดับ</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>เต็นท์</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureCookie_IsHttpOnlyAndSecureOutsideDevelopment()
    {
        // The default policy outside Development (the shared factory relaxes it because the test server speaks HTTP).
        await using var production = new AppFactory().With("Auth:CookieSecure", "");
        var client = production.CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, "/", "form[action='/culture']");

        var response = await form.SubmitAsync(client);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheWrappedLookupKey_NeverEntersTheAuditTrail()
    {
        var client = app.CreateAnonymousClient();
        await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));

        Assert.True(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == NationalIdProtector.LookupKeySetting)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId.Contains("NationalIdLookupKey") || (e.After ?? "").Contains("NationalIdLookupKey"))));
    }

    [Fact]
    public async Task DemoSeed_OutsideDevelopment_RefusesToStart()
    {
        await using var production = new AppFactory().With("Seed:AllowOutsideDevelopment", "false");

        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Seed:Demo", refused.ToString(), StringComparison.Ordinal);
    }
}
