using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Renews the security stamp before deleting the cookie, so a copy of the cookie stops working too.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
