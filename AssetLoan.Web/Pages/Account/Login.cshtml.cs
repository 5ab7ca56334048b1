using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, SignInThrottle throttle, IConfiguration config, IStringLocalizer<SharedResource> s, ILogger<LoginModel> log) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoAccounts => config.GetValue("Seed:Demo", false);

    public void OnGet()
    {
    }

    /// <summary>
    /// One answer for every failure (unknown, disabled or wrong password), the same work for each (a password hash is
    /// checked even for an unknown address), and no lockout: repeated failures per account and per client address are
    /// throttled instead, so nobody can lock a colleague out or learn which accounts exist.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var client = ClientAddress.Of(HttpContext);
        if (throttle.IsThrottled(email, client))
        {
            log.LogWarning("Sign-in throttled for client {Client}", client);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", s["ลองเข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่"]);
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || user.Disabled)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash(signIn.UserManager), Input.Password);
            return Failed(email, client);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        if (result.RequiresTwoFactor)
        {
            // The password was right; the account's failures are cleared only once the code is right too.
            return LocalRedirect($"/account/login-2fa?returnUrl={Uri.EscapeDataString(target)}&rememberMe={Input.RememberMe}");
        }

        if (!result.Succeeded)
        {
            return Failed(email, client);
        }

        throttle.RecordSuccess(email);
        log.LogInformation("User {UserId} signed in", user.Id);
        return AfterSignIn(user, target);
    }

    /// <summary>Where a completed sign-in goes: the forced password change first, else where the user was going.</summary>
    internal static LocalRedirectResult AfterSignIn(AppUser user, string target) =>
        new(user.MustChangePassword ? "/account/password?returnUrl=" + Uri.EscapeDataString(target) : target);

    private PageResult Failed(string email, string client)
    {
        throttle.RecordFailure(email, client);
        ModelState.AddModelError("", s["อีเมลหรือรหัสผ่านไม่ถูกต้อง"]);
        return Page();
    }

    private static string? _dummyHash;

    private static string DummyHash(UserManager<AppUser> users) =>
        _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "กรุณากรอกอีเมล")]
        [EmailAddress(ErrorMessage = "รูปแบบอีเมลไม่ถูกต้อง")]
        [StringLength(200)]
        [Display(Name = "อีเมล")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกรหัสผ่าน")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        [Display(Name = "รหัสผ่าน")]
        public string Password { get; set; } = "";

        [Display(Name = "จดจำการเข้าสู่ระบบ")]
        public bool RememberMe { get; set; }
    }
}
