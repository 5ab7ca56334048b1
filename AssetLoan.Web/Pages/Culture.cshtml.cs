using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages;

/// <summary>
/// The language switch: remembers the choice in a cookie and returns to the page. It takes no antiforgery token, so that
/// anonymous pages carry no per-visitor token or cookie and can be served from the output cache; forging it only
/// switches the language.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CultureModel(CookieSecurity cookies) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        var chosen = culture == "en-US" ? "en-US" : "th-TH";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = cookies.IsSecure(Request),
            });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
