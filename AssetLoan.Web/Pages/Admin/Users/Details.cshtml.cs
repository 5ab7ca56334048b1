using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Users;

/// <summary>
/// One staff account: profile, division, roles, delegation order; password reset; disable/enable; and its audit
/// timeline (role rows are audited by AuditWriter; a password reset is its own event). Each form has its own handler so one never validates another.
/// An administrator cannot lock themselves out, and the last enabled administrator stays one.
/// </summary>
public sealed class DetailsModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, CurrentActor actor, IStringLocalizer<SharedResource> s) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    public UserInput Input { get; private set; } = new();

    public PasswordInput Password { get; private set; } = new();

    public string? ConcurrencyStamp { get; private set; }

    public IReadOnlyList<NamedOption> Divisions { get; private set; } = [];

    public AuditTimeline Timeline { get; private set; } = AuditTimeline.Empty;

    public bool IsSelf => Account.Id == actor.Actor.UserId;

    public bool LockedOut => Account.LockoutEnd > time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new UserInput
        {
            FullName = Account.FullName,
            Position = Account.Position,
            DivisionId = Account.DivisionId,
            DelegationOrder = Account.DelegationOrder,
            Roles = [.. await users.GetRolesAsync(Account)],
        };
        return Page();
    }

    /// <summary>Profile and roles, saved together in one transaction.</summary>
    public async Task<IActionResult> OnPostAsync(string id, UserInput input, string? concurrencyStamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = input;
        Input.Roles = [.. Input.Roles.Where(Roles.All.Contains).Distinct()];
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", s["กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท"]);
        }

        var current = await users.GetRolesAsync(Account);
        var losesAdmin = current.Contains(Roles.Admin) && !Input.Roles.Contains(Roles.Admin);
        if (losesAdmin && IsSelf)
        {
            ModelState.AddModelError("Input.Roles", s["ท่านถอนบทบาทผู้ดูแลระบบของตนเองไม่ได้ ให้ผู้ดูแลระบบคนอื่นดำเนินการ"]);
        }
        else if (losesAdmin && !Account.Disabled && await AdminQueries.OtherActiveAdminsAsync(db, Account.Id, ct) == 0)
        {
            ModelState.AddModelError("Input.Roles", s["ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน"]);
        }

        if (concurrencyStamp != Account.ConcurrencyStamp)
        {
            ModelState.AddModelError("", s["มีผู้อื่นแก้ไขผู้ใช้นี้ระหว่างที่ท่านกำลังแก้ไข กรุณาตรวจสอบข้อมูลล่าสุดแล้วบันทึกอีกครั้ง"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Account.FullName = Input.FullName.Trim();
        Account.Position = Clean(Input.Position);
        Account.DivisionId = Input.DivisionId;
        Account.DelegationOrder = Clean(Input.DelegationOrder);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var results = new List<IdentityResult> { await users.UpdateAsync(Account) };
        var add = Input.Roles.Except(current).ToList();
        var remove = current.Except(Input.Roles).ToList();
        if (add.Count > 0)
        {
            results.Add(await users.AddToRolesAsync(Account, add));
        }

        if (remove.Count > 0)
        {
            results.Add(await users.RemoveFromRolesAsync(Account, remove));
        }

        if (add.Count + remove.Count > 0)
        {
            // Roles travel in the sign-in cookie; a new stamp makes the next validation re-issue it.
            results.Add(await users.UpdateSecurityStampAsync(Account));
        }

        if (results.FirstOrDefault(r => !r.Succeeded) is { } failed)
        {
            ModelState.AddModelError("", string.Join(" ", failed.Errors.Select(e => e.Description)));
            return Page();
        }

        await tx.CommitAsync(ct);
        this.Flash(s["บันทึกข้อมูลผู้ใช้ {0} แล้ว", Account.FullName].Value);
        return RedirectToPage("/Admin/Users/Details", new { id });
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, PasswordInput password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await FillProfileAsync();
        Password = password;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The reset, the unlock and its audit event commit together; the trail never holds the password or its hash.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Account.MustChangePassword = true; // the admin typed it: the user chooses their own at the next sign-in
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, password.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("Password.NewPassword", e.Description);
            }

            return Page();
        }

        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await db.RecordPasswordResetAsync(Account.Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        this.Flash(s["ตั้งรหัสผ่านใหม่ให้ {0} แล้ว กรุณาแจ้งผู้ใช้ทางช่องทางที่ปลอดภัย", Account.FullName].Value);
        return RedirectToPage("/Admin/Users/Details", new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => await SetDisabledAsync(id, true, ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => await SetDisabledAsync(id, false, ct);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await FillProfileAsync();
        if (disabled && IsSelf)
        {
            ModelState.AddModelError("", s["ท่านระงับบัญชีของตนเองไม่ได้"]);
            return Page();
        }

        if (disabled && (await users.GetRolesAsync(Account)).Contains(Roles.Admin) && await AdminQueries.OtherActiveAdminsAsync(db, Account.Id, ct) == 0)
        {
            ModelState.AddModelError("", s["ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน"]);
            return Page();
        }

        Account.Disabled = disabled;
        var result = await users.UpdateAsync(Account);
        if (result.Succeeded && disabled)
        {
            // Ends the sessions already open at the next cookie validation; the login page refuses disabled users.
            result = await users.UpdateSecurityStampAsync(Account);
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        this.Flash(disabled
            ? s["ระงับการใช้งานบัญชี {0} แล้ว", Account.FullName].Value
            : s["เปิดใช้งานบัญชี {0} แล้ว", Account.FullName].Value);
        return RedirectToPage("/Admin/Users/Details", new { id });
    }

    /// <summary>
    /// For a user who lost both the phone and the recovery codes: turns two-factor sign-in off (audited through the
    /// AppUser capture, with the admin as actor) and drops the key, which also ends the user's sessions.
    /// </summary>
    public async Task<IActionResult> OnPostTwoFactorOffAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        this.Flash(s["ปิดการยืนยันตัวตนสองขั้นของบัญชี {0} แล้ว", Account.FullName].Value);
        return RedirectToPage("/Admin/Users/Details", new { id });
    }

    private async Task FillProfileAsync() => Input = new UserInput
    {
        FullName = Account.FullName,
        Position = Account.Position,
        DivisionId = Account.DivisionId,
        DelegationOrder = Account.DelegationOrder,
        Roles = [.. await users.GetRolesAsync(Account)],
    };

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        ConcurrencyStamp = account.ConcurrencyStamp;
        Divisions = await AdminQueries.DivisionsAsync(db, ct);
        Timeline = await AuditTimeline.ForUserAsync(db, s, id, ct);
        return true;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
