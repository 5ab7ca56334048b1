using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

/// <summary>
/// The second step of a two-factor sign-in (an authenticator code or a recovery code), throttled like the password:
/// refused with 429 while the account or the address is throttled; a wrong code is a failure beside
/// <paramref name="field"/>; a right one clears the account's failures.
/// </summary>
internal static class SecondSignInStep
{
    public static async Task<bool> TryAsync(PageModel page, SignInThrottle throttle, AppUser user, string field,
        Func<Task<SignInResult>> signIn, string wrongCode, IStringLocalizer s, ILogger log)
    {
        var email = user.Email ?? user.Id;
        var client = ClientAddress.Of(page.HttpContext);
        if (throttle.IsThrottled(email, client))
        {
            log.LogWarning("Second sign-in step ({Field}) throttled for client {Client}", field, client);
            page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            page.ModelState.AddModelError(field, s["ลองเข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่"]);
            return false;
        }

        if (!(await signIn()).Succeeded)
        {
            throttle.RecordFailure(email, client);
            page.ModelState.AddModelError(field, wrongCode);
            return false;
        }

        throttle.RecordSuccess(email);
        return true;
    }
}
