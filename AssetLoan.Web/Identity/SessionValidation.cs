using System.Globalization;
using System.Security.Claims;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetLoan.Web.Identity;

/// <summary>
/// A sign-in cookie is good only while the account still is: on every request one indexed look-up compares the
/// cookie's security stamp and the account's Disabled flag, so logout (which renews the stamp), a password change and
/// disabling an account end every session at once. A session also ends <c>Auth:AbsoluteLifetimeHours</c> (12) after
/// the sign-in, however active it was. Identity's own validator still refreshes roles and name once a minute.
/// </summary>
public static class SessionValidation
{
    public const string SignedInAtKey = "assetloan.signedInAt";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = TimeSpan.FromHours(services.GetRequiredService<IConfiguration>().GetValue("Auth:AbsoluteLifetimeHours", 12.0));

        var signedInAt = context.Properties.Items.TryGetValue(SignedInAtKey, out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : (DateTimeOffset?)null;
        var account = userId is null
            ? null
            : await services.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.Disabled }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || stamp is null || account.SecurityStamp != stamp || signedInAt is null || now - signedInAt > lifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>The time of the first sign-in stays in the cookie through every renewal and refresh.</summary>
    public static Task StampSignInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// An account whose password an admin typed must choose its own before anything else: every page but the
/// change-password page and logout sends it there.
/// </summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public const string Claim = "assetloan.mustChangePassword";

    private static readonly string[] Allowed = ["/Account/Password", "/Account/Logout", "/Account/Login", "/Error", "/Status", "/Culture"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.HasClaim(c => c.Type == Claim) && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            var returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/password?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return;
        }

        await next();
    }
}
