using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Categories;

/// <summary>ประเภทครุภัณฑ์: the code feeds the asset-number template ({category}).</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public CodeNameInput Input { get; set; } = new();

    public IReadOnlyList<CategoryRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = (Input.Code ?? "").Trim();
        if (code.Length > 0 && await db.Categories.AnyAsync(c => c.Code == code, ct))
        {
            ModelState.AddModelError("Input.Code", s["รหัส {0} มีอยู่แล้ว", code]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var category = new Category(code, Input.Name);
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        this.Flash(s["เพิ่มประเภท {0} แล้ว", category.Name].Value);
        return RedirectToPage("/Admin/Categories/Index");
    }

    Task IShowsRuleErrors.ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct) => Rows = await db.Categories.AsNoTracking()
        .OrderBy(c => c.Code)
        .Select(c => new CategoryRow(c.Id, c.Code, c.Name, db.CatalogueItems.Count(i => i.CategoryId == c.Id)))
        .ToListAsync(ct);
}

public sealed record CategoryRow(int Id, string Code, string Name, int Items);
