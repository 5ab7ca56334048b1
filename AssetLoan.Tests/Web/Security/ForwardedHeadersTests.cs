using System.Net;
using AssetLoan.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §5: behind the reverse proxy each client is itself, and only the configured proxy is believed.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.20.0.5";

    [Fact]
    public async Task ThroughTheConfiguredProxy_EachClientHasItsOwnBucket()
    {
        await using var app = Factory().With("RateLimit:PublicPostsPerMinute", "2");
        var citizen = Client(app, Proxy, "203.0.113.7");
        await PostTrackAsync(citizen, 2);
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostTrackAsync(citizen, 1));

        // Another citizen behind the same proxy is not blocked by the first.
        Assert.Equal(HttpStatusCode.OK, await PostTrackAsync(Client(app, Proxy, "203.0.113.8"), 1));
    }

    [Fact]
    public async Task FromAnUnknownAddress_AForgedForwardedHeaderIsIgnored()
    {
        await using var app = Factory().With("RateLimit:PublicPostsPerMinute", "2");
        await PostTrackAsync(Client(app, "198.51.100.9", "203.0.113.20"), 2);

        // A new made-up X-Forwarded-For from the same address is still the same client.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostTrackAsync(Client(app, "198.51.100.9", "203.0.113.21"), 1));
    }

    [Fact]
    public async Task IPv6Clients_ShareTheirSlash64()
    {
        await using var app = Factory().With("RateLimit:PublicPostsPerMinute", "2");
        await PostTrackAsync(Client(app, Proxy, "2001:db8:1:2::1"), 2);

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostTrackAsync(Client(app, Proxy, "2001:db8:1:2:ffff::9"), 1));
        Assert.Equal(HttpStatusCode.OK, await PostTrackAsync(Client(app, Proxy, "2001:db8:1:3::1"), 1));
    }

    [Fact]
    public async Task HttpsAtTheProxy_GivesAYearOfHstsAndSecureCookies()
    {
        await using var app = Factory();
        var client = Client(app, Proxy, "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(response.Headers.GetValues("Set-Cookie").Where(c => !c.Contains("=;", StringComparison.Ordinal)), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OutsideDevelopment_TheSignInCookieIsSecureEvenOverPlainHttp()
    {
        await using var app = Factory().With("Auth:CookieSecure", "");
        var client = Client(app, "198.51.100.9", null);

        var response = await SignInTests.SignInAsync(app, Demo.Officer, AssetLoan.Web.Data.Seed.DemoData.Password, client);

        var auth = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("AssetLoan.Auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(auth);
        Assert.All(auth, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static AppFactory Factory() => new PeerAppFactory().With("ReverseProxy:KnownProxies", Proxy);

    private static HttpClient Client(AppFactory app, string peer, string? forwardedFor)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("http://assetloan.test/"),
        });
        client.DefaultRequestHeaders.Add(PeerAppFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private static async Task<HttpStatusCode> PostTrackAsync(HttpClient client, int times)
    {
        var form = await HtmlForm.LoadAsync(client, "/track");
        var last = HttpStatusCode.OK;
        for (var i = 0; i < times; i++)
        {
            last = (await form.SubmitAsync(client)).StatusCode;
        }

        return last;
    }

    /// <summary>The test server has no sockets: a test header plays the TCP peer's address.</summary>
    private sealed class PeerAppFactory : AppFactory
    {
        public const string PeerHeader = "X-Test-Peer";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFilter>());
        }

        private sealed class PeerFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext http, RequestDelegate nextStep) =>
                {
                    if (http.Request.Headers.TryGetValue(PeerHeader, out var peer))
                    {
                        http.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                    }

                    return nextStep(http);
                });
                next(app);
            };
        }
    }
}
