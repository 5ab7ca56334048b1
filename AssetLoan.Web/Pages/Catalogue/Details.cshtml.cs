using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Pages.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>One catalogue item: everything a borrower and an officer need to know, and its units or pool.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    public CatalogueItem Item { get; private set; } = null!;

    public string CategoryName { get; private set; } = "";

    public IReadOnlyList<AssetListRow> Units { get; private set; } = [];

    public AuditTimeline Timeline { get; private set; } = AuditTimeline.Empty;

    /// <summary>ข้อ ๒๐๙: a pool unit's value today.</summary>
    public DepreciatedValue PoolValueToday { get; private set; }

    /// <summary>A pool's lots, each with one unit's value today (empty for a numbered item).</summary>
    public PoolLotsView? PoolLots { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.SuppliesOfficer) || User.IsInRole(Roles.Admin);

    /// <summary>
    /// Its QR tag: a pool's label (printable by the registry roles, <c>/labels?items={id}</c>), or for a numbered item the
    /// address of this item's public page (its units carry their own labels).
    /// </summary>
    public TagCard TagCard => new(Item.Tag, CanEdit && Item.IsPooled && !Item.Retired ? string.Create(CultureInfo.InvariantCulture, $"/labels?items={Item.Id}") : null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        CategoryName = await db.Categories.AsNoTracking().Where(c => c.Id == item.CategoryId).Select(c => c.Code + " " + c.Name).FirstAsync(ct);
        if (item.IsPooled)
        {
            var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
            var value = item.PoolValueAt(today);
            PoolValueToday = value.Value;
            PoolLots = new PoolLotsView(item.Id, item.UnitNoun, LotRow.For(item, today), value, false, item.Version);
        }
        else
        {
            var units = await db.SearchAssetsAsync(new AssetFilter { Item = id, Status = "all" }, ct);
            Units = await units.ToListAsync(ct);
        }

        Timeline = await AuditTimeline.ForEntityAsync(db, s, nameof(CatalogueItem), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }
}
