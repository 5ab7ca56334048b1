using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, IConfiguration config, IStringLocalizer<SharedResource> s, ILogger<LoginModel> log) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoAccounts => config.GetValue("Seed:Demo", false);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null || user.Disabled)
        {
            ModelState.AddModelError("", s["อีเมลหรือรหัสผ่านไม่ถูกต้อง"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            log.LogWarning("User {UserId} locked out", user.Id);
            ModelState.AddModelError("", s["บัญชีถูกระงับชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ใน 15 นาที"]);
            return Page();
        }

        ModelState.AddModelError("", s["อีเมลหรือรหัสผ่านไม่ถูกต้อง"]);
        return Page();
    }

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
