using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

/// <summary>
/// /account/login-2fa: the second step of signing in for an account with two-factor sign-in — the 6-digit code from
/// the authenticator app. Wrong codes count in the same throttle as wrong passwords (per account and per address).
/// No "remember this device": every sign-in asks for the code.
/// </summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> s, ILogger<LoginWith2faModel> log) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await SecondSignInStep.TryAsync(this, throttle, user, "Input.Code",
                () => signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorCodes.Clean(Input.Code), RememberMe, rememberClient: false),
                s["รหัสไม่ถูกต้องหรือหมดเวลาแล้ว กรุณากรอกรหัส 6 หลักล่าสุดจากแอปยืนยันตัวตน"], s, log))
        {
            return Page();
        }

        log.LogInformation("User {UserId} signed in with an authenticator code", user.Id);
        return LoginModel.AfterSignIn(user, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "กรุณากรอกรหัส 6 หลักจากแอปยืนยันตัวตน")]
        [StringLength(12)]
        [Display(Name = "รหัส 6 หลักจากแอป")]
        public string Code { get; set; } = "";
    }
}
