using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages;

/// <summary>The larger-text switch: remembers the choice in a cookie and returns to the page (works without JavaScript).</summary>
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
