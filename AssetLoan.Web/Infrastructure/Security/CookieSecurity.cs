namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// The one decision on whether the app's own cookies (sign-in, TempData, language) carry <c>Secure</c>:
/// <c>Auth:CookieSecure</c>, else Always outside Development.
/// </summary>
public sealed record CookieSecurity(CookieSecurePolicy Policy)
{
    public bool IsSecure(HttpRequest request) => Policy switch
    {
        CookieSecurePolicy.Always => true,
        CookieSecurePolicy.None => false,
        _ => request.IsHttps,
    };
}
