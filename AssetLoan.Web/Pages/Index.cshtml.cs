using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)] // anonymous visitors only; staff see holders and actions
public sealed class IndexModel(AppDbContext db) : PageModel
{
    /// <summary>รายการพัสดุที่ประชาชนยืมได้, each linked to its public page (<c>/a/{tag}</c>).</summary>
    public IReadOnlyList<PublicItemLink> PublicItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The audience is stored as flag names, so it is filtered here rather than in SQL; the catalogue is short.
        var items = await db.CatalogueItems.AsNoTracking()
            .Where(c => !c.Retired)
            .OrderBy(c => c.Name)
            .Select(c => new { c.Name, c.Tag, c.Audience })
            .ToListAsync(ct);
        PublicItems = items.Where(c => c.Audience.HasFlag(BorrowerAudience.Public)).Select(c => new PublicItemLink(c.Name, c.Tag)).ToList();
    }
}

public sealed record PublicItemLink(string Name, string Tag);
