using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Security;

/// <summary>An account that must set up two-factor sign-in reaches nothing else, whatever answers the address.</summary>
public sealed partial class TwoFactorTests
{
    [Theory]
    [InlineData("/assets/export?format=xlsx")]
    [InlineData("/assets/export?format=csv")]
    [InlineData("/reports/register.xlsx")]
    [InlineData("/reports/year-end.xlsx")]
    [InlineData("/transparency/stats.csv")]
    public async Task RequiredButNotSetUp_AStaffDownload_SendsToSetup_NotTheFile(string url)
    {
        await using var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            db.Settings.Add(new() { Key = Settings.Keys.RequireTwoFactor, Value = "True" });
            await db.SaveChangesAsync();
            return 0;
        });
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var response = await officer.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredButNotSetUp_EveryEndpointThatNeedsSignIn_IsHeld_OnlySetupPasswordAndLogoutPass()
    {
        await using var app = new AppFactory();
        _ = app.CreateAnonymousClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var passing = endpoints.Where(e => !TwoFactorSetupGate.Holds(e)).ToList();

        // Nothing that needs a signed-in user passes but the set-up itself, the forced password change and sign-out.
        var signedInPassing = passing
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? e.RoutePattern.RawText)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/Account/TwoFactor", signedInPassing);
        Assert.All(signedInPassing, p => Assert.Contains(p, (string[])["/Account/Logout", "/Account/Password", "/Account/TwoFactor"]));
        Assert.Contains(passing, e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/Account/Logout");

        // Non-page endpoints open to anyone (QR images, health check, the 404 fallback) do not need an account.
        Assert.Contains(passing, e => e.RoutePattern.RawText == "/qr/{tag}.png");
        Assert.Contains(passing, e => e.RoutePattern.RawText == "/healthz");

        // A staff-only minimal endpoint, as one added later would be, is held.
        var staffOnly = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/api/staff"), 0,
            new EndpointMetadataCollection(new AuthorizeAttribute()), "staff");
        Assert.True(TwoFactorSetupGate.Holds(staffOnly));
    }
}
