using AssetLoan.Domain;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Admin.Divisions;

/// <summary>
/// หน่วยงาน (กอง/สำนัก): listed with their staff and assets, added here, renamed on their edit page. A division without
/// a head is flagged: its staff's requests go to the fallback endorser chosen here (rule 4, <see cref="EndorsementQueries"/>).
/// </summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public CodeNameInput Input { get; set; } = new();

    public IReadOnlyList<DivisionRow> Rows { get; private set; } = [];

    /// <summary>The division whose head endorses for divisions without a head (null: none found — requests would wait).</summary>
    [BindProperty]
    public int? FallbackDivisionId { get; set; }

    public async Task<IActionResult> OnPostFallbackAsync(CancellationToken ct)
    {
        var code = await db.Divisions.AsNoTracking().Where(d => d.Id == FallbackDivisionId).Select(d => d.Code).FirstOrDefaultAsync(ct);
        if (code is null)
        {
            ModelState.AddModelError(nameof(FallbackDivisionId), s["กรุณาเลือกหน่วยงาน"]);
            await LoadAsync(ct);
            return Page();
        }

        await Settings.SetAsync(db, EndorsementQueries.FallbackDivisionKey, code, ct);
        await db.SaveChangesAsync(ct);
        this.Flash(s["บันทึกหน่วยงานที่เห็นชอบแทนแล้ว"].Value);
        return RedirectToPage("/Admin/Divisions/Index");
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = (Input.Code ?? "").Trim();
        if (code.Length > 0 && await db.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            ModelState.AddModelError("Input.Code", s["รหัส {0} มีอยู่แล้ว", code]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var division = new Division(code, Input.Name);
        db.Divisions.Add(division);
        await db.SaveChangesAsync(ct);
        this.Flash(s["เพิ่มหน่วยงาน {0} แล้ว", division.Name].Value);
        return RedirectToPage("/Admin/Divisions/Index");
    }

    Task IShowsRuleErrors.ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var headed = db.DivisionsWithHead();
        Rows = await db.Divisions.AsNoTracking()
            .OrderBy(d => d.Code)
            .Select(d => new DivisionRow(d.Id, d.Code, d.Name, db.Users.Count(u => u.DivisionId == d.Id), db.Assets.Count(a => a.DivisionId == d.Id && a.RetiredAtUtc == null),
                headed.Contains(d.Id)))
            .ToListAsync(ct);
        FallbackDivisionId ??= await db.FallbackDivisionIdAsync(ct);
    }
}

public sealed record DivisionRow(int Id, string Code, string Name, int Users, int Assets, bool HasHead);
