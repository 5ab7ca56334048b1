namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// The larger-text switch for elderly villagers: offered on the public pages (home, apply, track, transparency, the
/// page behind a QR label) and remembered in a cookie.
/// </summary>
public static class TextSize
{
    public const string CookieName = "AssetLoan.TextSize";
    public const string Large = "large";

    private static readonly string[] PublicPrefixes = ["/apply", "/track", "/transparency", "/a/"];

    public static bool IsPublicPage(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path.Value ?? "/";
        return path == "/" || PublicPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsLarge(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies[CookieName] == Large;
    }
}
