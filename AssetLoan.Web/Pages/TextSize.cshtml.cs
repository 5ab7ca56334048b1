using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages;

/// <summary>
/// The larger-text switch: remembers the choice in a cookie and returns to the page (works without JavaScript). Like the
/// language switch it takes no antiforgery token, so that the anonymous pages that offer it can be served from the output
/// cache; forging it only changes the text size.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class TextSizeModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? size, string? returnUrl)
    {
        if (size == TextSize.Large)
        {
            Response.Cookies.Append(TextSize.CookieName, TextSize.Large,
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        else
        {
            Response.Cookies.Delete(TextSize.CookieName);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
