using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web;

public sealed class PublicRateLimitTests
{
    [Fact]
    public async Task ApplyPosts_OverTheLimit_GetTheThai429Page()
    {
        await using var app = new AppFactory().With("RateLimit:PublicPostsPerMinute", "3");
        var client = app.CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, "/apply", "#apply-form");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(client)).StatusCode);
        }

        var flood = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        var doc = await HtmlForm.ParseAsync(flood);
        Assert.Equal("มีการส่งคำขอถี่เกินไป", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("กรุณารอสักครู่แล้วลองใหม่", doc.Body!.TextContent, StringComparison.Ordinal);

        // Reading is not limited; every anonymous POST from the address shares the window.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/apply")).StatusCode);
        var track = await HtmlForm.LoadAsync(client, "/track");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await track.SubmitAsync(client)).StatusCode);
    }
}
