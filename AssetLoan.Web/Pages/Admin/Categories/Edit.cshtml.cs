using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Categories;

/// <summary>Renames a category; asset numbers already given are never recomputed.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public CodeNameInput Input { get; set; } = new();

    public Category Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return NotFound();
        }

        Category = category;
        Input = new CodeNameInput { Code = category.Code, Name = category.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return NotFound();
        }

        Category = category;
        var code = (Input.Code ?? "").Trim();
        if (code.Length > 0 && await db.Categories.AnyAsync(c => c.Code == code && c.Id != id, ct))
        {
            ModelState.AddModelError("Input.Code", s["รหัส {0} มีอยู่แล้ว", code]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        category.Rename(code, Input.Name);
        await db.SaveChangesAsync(ct);
        this.Flash(s["บันทึกประเภท {0} แล้ว", category.Name].Value);
        return RedirectToPage("/Admin/Categories/Index");
    }
}
