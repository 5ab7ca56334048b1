using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Identity;

/// <summary>Two-factor sign-in (issue 14 §4): who must use it, and the shape of the codes people type.</summary>
public static class TwoFactorCodes
{
    /// <summary>The roles the admin can require it of (settings): the admin, the approvers and the supplies officers.</summary>
    public static readonly IReadOnlyList<string> RequiredRoles = [Roles.Admin, Roles.FinanceDirector, Roles.Executive, Roles.SuppliesOfficer];

    /// <summary>What an authenticator app shows, without the spaces and dashes people copy with it.</summary>
    public static string Clean(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A recovery code as Identity stored it (upper case, with its dash); spaces dropped.</summary>
    public static string CleanRecovery(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    /// <summary>The otpauth:// address an authenticator app reads from the QR code (Key Uri Format).</summary>
    public static string AuthenticatorUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
}

/// <summary>
/// When the admin requires two-factor sign-in, an account in <see cref="TwoFactorCodes.RequiredRoles"/> without it is
/// sent to set it up before anything else, whatever answers the address (a page, a download, a minimal API, an endpoint
/// added later): a middleware after authentication, not a page filter. Only the set-up page, the change of a forced
/// password, sign-in and logout, the error and language/text-size switches pass, and non-page endpoints open to anyone
/// (QR images, the health check, the LINE webhook, the 404 fallback); static files are served before routing. The
/// claim is set at sign-in (and at each refresh of the session) by <see cref="AppClaimsFactory"/>.
/// </summary>
public static class TwoFactorSetupGate
{
    public const string Claim = "assetloan.twoFactorSetupRequired";

    public const string SetupPath = "/account/two-factor";

    private static readonly string[] AllowedPages =
        ["/Account/TwoFactor", "/Account/Password", "/Account/Logout", "/Account/Login", "/Error", "/Status", "/Culture", "/TextSize"];

    /// <summary>Whether a user who must still set up two-factor sign-in is kept from <paramref name="endpoint"/>.</summary>
    public static bool Holds(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return false;
        }

        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            return !AllowedPages.Contains(page.ViewEnginePath, StringComparer.OrdinalIgnoreCase);
        }

        return endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    /// <summary>After authentication (the claim) and routing (the endpoint).</summary>
    public static IApplicationBuilder UseTwoFactorSetupGate(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.HasClaim(c => c.Type == Claim) && Holds(http.GetEndpoint()))
            {
                http.Response.Redirect(SetupPath);
                return;
            }

            await next(http);
        });
}
