using System.Net;
using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Each authenticator code is accepted once: the same code again in its window is refused as a wrong code is.</summary>
public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task ACodeAcceptedOnce_IsRefusedASecondTimeInItsWindow_TheNextOneSignsIn()
    {
        await using var app = new AppFactory();
        var (key, _) = await EnableAsync(app, Demo.Head);
        var code = Totp.Code(key, app.Clock);

        var first = app.CreateAnonymousClient();
        var location = (await SignIn.PasswordAsync(first, Demo.Head)).Headers.Location!.OriginalString;
        var form = await HtmlForm.LoadAsync(first, location);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", code).SubmitAsync(first)).StatusCode);
        var logout = await HtmlForm.LoadAsync(first, "/account/profile", "form[action='/account/logout']");
        await logout.SubmitAsync(first);

        // Same clock, same code: someone who watched it typed (or the same person twice) is refused as for a wrong code.
        var replay = app.CreateAnonymousClient();
        location = (await SignIn.PasswordAsync(replay, Demo.Head)).Headers.Location!.OriginalString;
        form = await HtmlForm.LoadAsync(replay, location);
        var refused = await form.Set("Input.Code", code).SubmitAsync(replay);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(WrongCodeMessage, (await HtmlForm.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent, StringComparison.Ordinal);

        // An earlier code still inside the tolerance window is refused too; the next step's code signs in.
        form = await HtmlForm.LoadAsync(replay, location);
        Assert.Equal(HttpStatusCode.OK, (await form.Set("Input.Code", Totp.Code(key, app.Clock.GetUtcNow().AddSeconds(-30))).SubmitAsync(replay)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        form = await HtmlForm.LoadAsync(replay, location);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Code", Totp.Code(key, app.Clock)).SubmitAsync(replay)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/account/profile")).StatusCode);
    }
}
