using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Users;

/// <summary>Creates a staff account with its roles and an initial password, in one transaction (audited).</summary>
public sealed class CreateModel(AppDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "กรุณากรอกอีเมล")]
    [EmailAddress(ErrorMessage = "รูปแบบอีเมลไม่ถูกต้อง")]
    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "อีเมล (ใช้เข้าสู่ระบบ)")]
    public string Email { get; set; } = "";

    [BindProperty]
    public UserInput Input { get; set; } = new() { Roles = [Roles.Employee] };

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public IReadOnlyList<NamedOption> Divisions { get; private set; } = [];

    /// <summary>Divisions without an enabled DivisionHead: the form warns, since their staff's requests go to the fallback endorser.</summary>
    public IReadOnlySet<int> HeadlessDivisions { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Divisions = await AdminQueries.DivisionsAsync(db, ct);
        HeadlessDivisions = await HeadlessAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Divisions = await AdminQueries.DivisionsAsync(db, ct);
        HeadlessDivisions = await HeadlessAsync(ct);
        Input.Roles = [.. Input.Roles.Where(Roles.All.Contains).Distinct()];
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", s["กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new AppUser
        {
            UserName = Email.Trim(),
            Email = Email.Trim(),
            EmailConfirmed = true,
            FullName = Input.FullName.Trim(),
            Position = Clean(Input.Position),
            DivisionId = Input.DivisionId,
            DelegationOrder = Clean(Input.DelegationOrder),
            MustChangePassword = true, // the admin typed it: the user chooses their own at the first sign-in
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, Password.NewPassword);
        if (!created.Succeeded)
        {
            // The user name is the e-mail, so Identity reports a taken address twice; the e-mail message says it all.
            foreach (var e in created.Errors.Where(e => e.Code is not ("DuplicateUserName" or "InvalidUserName")))
            {
                ModelState.AddModelError(e.Code.Contains("Password", StringComparison.Ordinal) ? "Password.NewPassword" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(Email) : "", e.Description);
            }

            return Page();
        }

        var roles = await users.AddToRolesAsync(user, Input.Roles);
        if (!roles.Succeeded)
        {
            ModelState.AddModelError("Input.Roles", string.Join(" ", roles.Errors.Select(e => e.Description)));
            return Page();
        }

        await tx.CommitAsync(ct);
        this.Flash(s["เพิ่มผู้ใช้ {0} แล้ว กรุณาแจ้งรหัสผ่านเริ่มต้นให้ผู้ใช้ทางช่องทางที่ปลอดภัย", user.FullName].Value);
        if (user.DivisionId is { } division && HeadlessDivisions.Contains(division) && !Input.Roles.Contains(Roles.DivisionHead))
        {
            this.FlashError(s["หน่วยงาน {0} ยังไม่มีหัวหน้าหน่วยงาน คำขอยืมของผู้ใช้นี้จะส่งให้หน่วยงานที่เห็นชอบแทนพิจารณา กรุณากำหนดหัวหน้าหน่วยงาน", Divisions.First(d => d.Id == division).Name].Value);
        }
        return RedirectToPage("/Admin/Users/Details", new { id = user.Id });
    }

    private async Task<IReadOnlySet<int>> HeadlessAsync(CancellationToken ct)
    {
        var headed = db.DivisionsWithHead();
        return (await db.Divisions.AsNoTracking().Where(d => !headed.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
