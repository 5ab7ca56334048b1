using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Admin;

/// <summary>ผู้ดูแลระบบ: the users, and the way to divisions and categories.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            var upper = term.ToUpperInvariant();
            users = users.Where(u => u.FullName.Contains(term) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        var rows = await (
            from u in users
            from d in db.Divisions.Where(d => d.Id == u.DivisionId).DefaultIfEmpty()
            orderby u.Disabled, u.FullName
            select new { u.Id, u.Email, u.FullName, u.Position, Division = d == null ? null : d.Name, u.Disabled, u.LockoutEnd }).ToListAsync(ct);
        var roles = await AdminQueries.RolesByUserAsync(db, null, ct);
        var now = time.GetUtcNow();
        Users = rows.Select(r => new UserRow(r.Id, r.Email ?? "", r.FullName, r.Position, r.Division, roles.GetValueOrDefault(r.Id) ?? [], r.Disabled, r.LockoutEnd > now)).ToList();
    }
}
