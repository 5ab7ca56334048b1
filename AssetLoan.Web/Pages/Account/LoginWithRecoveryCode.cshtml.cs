using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

/// <summary>
/// /account/login-recovery: the second step of signing in with one of the recovery codes instead of the app (a lost
/// phone). Each code works once; its use is audited (never the code). Wrong codes count in the sign-in throttle.
/// </summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, SignInThrottle throttle, AppDbContext db, IStringLocalizer<SharedResource> s, ILogger<LoginWithRecoveryCodeModel> log) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
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

        if (!await SecondSignInStep.TryAsync(this, throttle, user, "Input.RecoveryCode",
                () => signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCodes.CleanRecovery(Input.RecoveryCode)),
                s["รหัสกู้คืนไม่ถูกต้องหรือถูกใช้ไปแล้ว"], s, log))
        {
            return Page();
        }

        await db.RecordAccountEventAsync(user.Id, AccountAudit.RecoveryCodeUsedAction, ct);
        log.LogWarning("User {UserId} signed in with a recovery code", user.Id);
        return LoginModel.AfterSignIn(user, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "กรุณากรอกรหัสกู้คืน")]
        [StringLength(20)]
        [Display(Name = "รหัสกู้คืน")]
        public string RecoveryCode { get; set; } = "";
    }
}
