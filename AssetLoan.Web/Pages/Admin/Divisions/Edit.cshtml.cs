using AssetLoan.Domain;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Divisions;

public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public CodeNameInput Input { get; set; } = new();

    public Division Division { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var division = await db.Divisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (division is null)
        {
            return NotFound();
        }

        Division = division;
        Input = new CodeNameInput { Code = division.Code, Name = division.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var division = await db.Divisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (division is null)
        {
            return NotFound();
        }

        Division = division;
        var code = (Input.Code ?? "").Trim();
        if (code.Length > 0 && await db.Divisions.AnyAsync(d => d.Code == code && d.Id != id, ct))
        {
            ModelState.AddModelError("Input.Code", s["รหัส {0} มีอยู่แล้ว", code]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        division.Rename(code, Input.Name);
        await db.SaveChangesAsync(ct);
        this.Flash(s["บันทึกหน่วยงาน {0} แล้ว", division.Name].Value);
        return RedirectToPage("/Admin/Divisions/Index");
    }
}
