using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web;

/// <summary>
/// bench/run's ceiling pages exist only when <c>Bench:Ceiling</c> is set: a production app answers 404, and the signed-in
/// ceiling asks for a sign-in like every staff page.
/// </summary>
public sealed class BenchCeilingTests
{
    [Theory]
    [InlineData("/bench/fortunes")]
    [InlineData("/bench/signed-in")]
    public async Task WithoutTheSetting_ACeilingPageIsNotFound(string path)
    {
        await using var app = new AppFactory();
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task WithTheSetting_TheSignedInCeiling_IsAnOfficersPageWithTheLayout_AndAsksAnonymousToSignIn()
    {
        await using var app = new AppFactory().With("Bench:Ceiling", "true");
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var page = await officer.GetAsync("/bench/signed-in", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("ออกจากระบบ", html, StringComparison.Ordinal); // the layout's sign-out, as on every staff page

        var anonymous = app.CreateAnonymousClient();
        var refused = await anonymous.GetAsync("/bench/signed-in", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
