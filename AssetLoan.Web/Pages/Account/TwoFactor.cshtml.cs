using System.Text;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

/// <summary>
/// /account/two-factor: a signed-in user turns on sign-in with an authenticator app (TOTP, Identity's own authenticator
/// support): the shared key and its QR code, a code to prove the phone has it, then ten recovery codes shown once.
/// Turning it off and renewing the recovery codes each need a current code. Every change renews the security stamp,
/// which ends the user's other sessions; this one is kept.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    public const int RecoveryCodeCount = 10;

    private const string RecoveryCodesKey = "RecoveryCodes";

    private IUserAuthenticatorKeyStore<AppUser> Keys => (IUserAuthenticatorKeyStore<AppUser>)store;

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty]
    public string? DisableCode { get; set; }

    [BindProperty]
    public string? RenewCode { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>The shared key in groups of four, as people type it into an app.</summary>
    public string SharedKey { get; private set; } = "";

    public string QrDataUrl { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The new recovery codes, only on the visit right after they were made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        NewRecoveryCodes = TempData[RecoveryCodesKey] is string codes ? codes.Split(' ') : [];
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await IsRightCodeAsync(user, Input.Code))
        {
            ModelState.AddModelError("Input.Code", s["รหัสไม่ถูกต้องหรือหมดเวลาแล้ว กรุณากรอกรหัส 6 หลักล่าสุดจากแอปยืนยันตัวตน"]);
            await LoadAsync(user, ct);
            return Page();
        }

        // The user's change of TwoFactorEnabled is audited by the trail's own capture of AppUser (never the key).
        await users.SetTwoFactorEnabledAsync(user, true);
        await NewRecoveryCodesAsync(user);
        this.Flash(s["เปิดใช้การยืนยันตัวตนสองขั้นแล้ว"].Value);
        return RedirectToPage("/Account/TwoFactor");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !await IsRightCodeAsync(user, DisableCode))
        {
            ModelState.AddModelError(nameof(DisableCode), s["รหัสไม่ถูกต้องหรือหมดเวลาแล้ว กรุณากรอกรหัส 6 หลักล่าสุดจากแอปยืนยันตัวตน"]);
            await LoadAsync(user, ct);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a later set-up starts from a new key
        await signIn.RefreshSignInAsync(user);
        this.Flash(s["ปิดการยืนยันตัวตนสองขั้นแล้ว"].Value);
        return RedirectToPage("/Account/TwoFactor");
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || !await IsRightCodeAsync(user, RenewCode))
        {
            ModelState.AddModelError(nameof(RenewCode), s["รหัสไม่ถูกต้องหรือหมดเวลาแล้ว กรุณากรอกรหัส 6 หลักล่าสุดจากแอปยืนยันตัวตน"]);
            await LoadAsync(user, ct);
            return Page();
        }

        await NewRecoveryCodesAsync(user);
        await db.RecordAccountEventAsync(user.Id, AccountAudit.RecoveryCodesRenewedAction, ct);
        this.Flash(s["สร้างรหัสกู้คืนชุดใหม่แล้ว รหัสชุดเดิมใช้ไม่ได้อีก"].Value);
        return RedirectToPage("/Account/TwoFactor");
    }

    private async Task NewRecoveryCodesAsync(AppUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        TempData[RecoveryCodesKey] = string.Join(' ', codes);
        await signIn.RefreshSignInAsync(user);
    }

    private async Task<bool> IsRightCodeAsync(AppUser user, string? code)
    {
        var digits = TwoFactorCodes.Clean(code);
        return digits.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Enabled = user.TwoFactorEnabled;
        Required = User.HasClaim(c => c.Type == TwoFactorSetupGate.Claim);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key for an account without two-factor sign-in: stored without renewing the security stamp
            // (ResetAuthenticatorKeyAsync would), so merely opening this page never ends the user's other sessions.
            key = users.GenerateNewAuthenticatorKey();
            await Keys.SetAuthenticatorKeyAsync(user, key, ct);
            await users.UpdateAsync(user);
        }

        var issuer = (await Settings.LoadAsync(db, ct)).MunicipalityName;
        SharedKey = Grouped(key);
        QrDataUrl = "data:image/png;base64," + Convert.ToBase64String(QrCodes.Png(TwoFactorCodes.AuthenticatorUri(issuer, user.Email ?? user.UserName ?? "", key), 4));
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    public sealed class CodeInput
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "รหัส 6 หลักจากแอป")]
        public string? Code { get; set; }
    }
}
