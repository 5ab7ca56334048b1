using Microsoft.AspNetCore.Mvc.Filters;

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
/// sent to set it up before any other page; only that page, the change of a forced password, sign-in and logout, and the
/// language and text-size switches pass. The claim is set at sign-in (and at each refresh of the session) by
/// <see cref="AppClaimsFactory"/>.
/// </summary>
public sealed class TwoFactorSetupFilter : IAsyncPageFilter
{
    public const string Claim = "assetloan.twoFactorSetupRequired";

    private static readonly string[] Allowed =
        ["/Account/TwoFactor", "/Account/Password", "/Account/Logout", "/Account/Login", "/Error", "/Status", "/Culture", "/TextSize"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.HasClaim(c => c.Type == Claim) && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/two-factor");
            return;
        }

        await next();
    }
}
