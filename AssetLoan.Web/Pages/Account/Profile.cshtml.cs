using AssetLoan.Domain.Borrowers;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Line;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Account;

/// <summary>
/// /account/profile: a signed-in user's own page — how their loan notices reach them (LINE, e-mail or none; the in-app
/// list stays whatever they choose) and linking a LINE account by a one-time code sent to the Official Account.
/// </summary>
public sealed class ProfileModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;

    [BindProperty]
    public ContactChannel Channel { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = users.GetUserId(User);
        var settings = await Settings.LoadAsync(db, ct);
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.FullName, u.Email, u.LineUserId, u.PreferredChannel }).SingleOrDefaultAsync(ct);
        if (profile is null)
        {
            return Challenge();
        }

        Profile = new ProfileView(profile.FullName, profile.Email, profile.PreferredChannel, ContactChannels.MaskLineUserId(profile.LineUserId), profile.LineUserId is not null, settings.LineOn);
        return Page();
    }

    public async Task<IActionResult> OnPostLineCodeAsync(CancellationToken ct)
    {
        var settings = await Settings.LoadAsync(db, ct);
        var code = settings.LineOn ? await LineLinking.IssueAsync(db, null, users.GetUserId(User), time.GetUtcNow().UtcDateTime, ct) : null;
        if (code is null)
        {
            this.FlashError(settings.LineOn ? s["ขอรหัสได้ไม่เกิน 5 ครั้งต่อชั่วโมง กรุณาลองใหม่ภายหลัง"].Value : s["ยังไม่เปิดใช้การแจ้งเตือนทาง LINE"].Value);
        }
        else
        {
            TempData["LineCode"] = LineLinkCode.Display(code);
        }

        return RedirectToPage("/Account/Profile");
    }

    public async Task<IActionResult> OnPostChannelAsync(CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == users.GetUserId(User), ct);
        if (Channel == ContactChannel.Line && user.LineUserId is null)
        {
            this.FlashError(s["กรุณาเชื่อมต่อ LINE ก่อนเลือกรับการแจ้งเตือนทาง LINE"].Value);
        }
        else if (Enum.IsDefined(Channel))
        {
            user.PreferredChannel = Channel;
            await db.SaveChangesAsync(ct);
            this.Flash(s["บันทึกช่องทางรับการแจ้งเตือนแล้ว"].Value);
        }

        return RedirectToPage("/Account/Profile");
    }

    public async Task<IActionResult> OnPostUnlinkLineAsync(CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == users.GetUserId(User), ct);
        user.LineUserId = null;
        if (user.PreferredChannel == ContactChannel.Line)
        {
            user.PreferredChannel = ContactChannel.Email;
        }

        await db.SaveChangesAsync(ct);
        this.Flash(s["ยกเลิกการเชื่อมต่อ LINE แล้ว"].Value);
        return RedirectToPage("/Account/Profile");
    }

    /// <summary>The LINE user id leaves the server only masked.</summary>
    public sealed record ProfileView(string FullName, string? Email, ContactChannel Preferred, string MaskedLineUserId, bool LineLinked, bool LineOn);
}
