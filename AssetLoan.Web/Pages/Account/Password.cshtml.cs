using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

/// <summary>
/// /account/password: a signed-in user changes their own password. Required at the first sign-in after an admin set
/// the password. Changing it ends the user's other sessions (new security stamp) and keeps this one.
/// </summary>
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Forced { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Forced = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Forced = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", s["รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม"]);
            return Page();
        }

        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = Forced;
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", e.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        this.Flash(s["เปลี่ยนรหัสผ่านแล้ว"].Value);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "กรุณากรอกรหัสผ่านปัจจุบัน")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        [Display(Name = "รหัสผ่านปัจจุบัน")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกรหัสผ่านใหม่")]
        [DataType(DataType.Password)]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "รหัสผ่านต้องยาวอย่างน้อย {2} ตัวอักษร")]
        [Display(Name = "รหัสผ่านใหม่")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกรหัสผ่านใหม่อีกครั้ง")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน")]
        [Display(Name = "ยืนยันรหัสผ่านใหม่")]
        public string ConfirmPassword { get; set; } = "";
    }
}
