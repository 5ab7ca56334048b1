using AssetLoan.Domain;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Divisions;

/// <summary>หน่วยงาน (กอง/สำนัก): listed with their staff and assets, added here, renamed on their edit page.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public CodeNameInput Input { get; set; } = new();

    public IReadOnlyList<DivisionRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = (Input.Code ?? "").Trim();
        if (code.Length > 0 && await db.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            ModelState.AddModelError("Input.Code", s["รหัส {0} มีอยู่แล้ว", code]);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var division = new Division(code, Input.Name);
                db.Divisions.Add(division);
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = s["เพิ่มหน่วยงาน {0} แล้ว", division.Name].Value;
                return Redirect("/admin/divisions");
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddDomainError(ex, s);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Rows = await db.Divisions.AsNoTracking()
        .OrderBy(d => d.Code)
        .Select(d => new DivisionRow(d.Id, d.Code, d.Name, db.Users.Count(u => u.DivisionId == d.Id), db.Assets.Count(a => a.DivisionId == d.Id && a.RetiredAtUtc == null)))
        .ToListAsync(ct);
}

public sealed record DivisionRow(int Id, string Code, string Name, int Users, int Assets);
