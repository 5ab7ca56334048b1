using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>รายการพัสดุให้ยืม: what can be borrowed, with how many units are in the registry and free today.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    /// <summary>Show the items no longer lent too.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    /// <summary>Cards a page (three columns on a desk, one on a phone).</summary>
    public const int PageSize = 48;

    /// <summary>The page asked for, from 1; one out of range shows the nearest page.</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public IReadOnlyList<CatalogueRow> Rows { get; private set; } = [];

    /// <summary>Items matching the search, on every page.</summary>
    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int FirstShown => Total == 0 ? 0 : ((P - 1) * PageSize) + 1;

    public int LastShown => Math.Min(Total, P * PageSize);

    public IReadOnlyList<CategoryOption> Categories { get; private set; } = [];

    public bool CanEdit => User.IsInRole(Roles.SuppliesOfficer) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = db.CatalogueItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            items = items.Where(c => c.Name.Contains(term));
        }

        if (Category is { } category)
        {
            items = items.Where(c => c.CategoryId == category);
        }

        if (!Retired)
        {
            items = items.Where(c => !c.Retired);
        }

        // A province's catalogue has thousands of items: one page of cards, counted for that page only.
        Total = await items.CountAsync(ct);
        P = Math.Clamp(P, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var rows = await (
            from c in items
            join cat in db.Categories on c.CategoryId equals cat.Id
            orderby cat.Code, c.Name
            select new CatalogueRow
            {
                Id = c.Id,
                Name = c.Name,
                CategoryName = cat.Name,
                UnitNoun = c.UnitNoun,
                TrackingMode = c.TrackingMode,
                LendingNature = c.LendingNature,
                Audience = c.Audience,
                MaxLoanDays = c.MaxLoanDays,
                PhotoPath = c.PhotoPath,
                Retired = c.Retired,
                PoolQuantity = c.PoolQuantity,
                PoolUnderRepair = c.PoolUnderRepair,
            }).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        // One pass over the (CatalogueItemId, Status, RetiredAtUtc) index for every item's unit counts, instead of two
        // correlated counts per item that read each asset row.
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Assets.AsNoTracking()
            .Where(a => ids.Contains(a.CatalogueItemId) && a.RetiredAtUtc == null && a.Status != AssetStatus.Disposed)
            .GroupBy(a => new { a.CatalogueItemId, a.Status })
            .Select(g => new { g.Key.CatalogueItemId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        Rows = rows.Select(r => r with
        {
            Units = counts.Where(c => c.CatalogueItemId == r.Id).Sum(c => c.Count),
            AvailableUnits = counts.Where(c => c.CatalogueItemId == r.Id && c.Status == AssetStatus.Available).Sum(c => c.Count),
        }).ToList();
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new CategoryOption(c.Id, c.Code, c.Name)).ToListAsync(ct);
    }
}

public sealed record CatalogueRow
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public string CategoryName { get; init; } = "";

    public string UnitNoun { get; init; } = "";

    public TrackingMode TrackingMode { get; init; }

    public LendingNature LendingNature { get; init; }

    public BorrowerAudience Audience { get; init; }

    public int MaxLoanDays { get; init; }

    public string? PhotoPath { get; init; }

    public bool Retired { get; init; }

    public int PoolQuantity { get; init; }

    public int PoolUnderRepair { get; init; }

    public int Units { get; init; }

    public int AvailableUnits { get; init; }

    /// <summary>Cache-busting version of the photo URL: the stored name changes with every new photo.</summary>
    public string? PhotoVersion => CatalogueUrls.PhotoVersion(PhotoPath);
}

public static class CatalogueUrls
{
    public static string? PhotoVersion(string? photoPath) =>
        photoPath is null ? null : Path.GetFileNameWithoutExtension(photoPath)[..Math.Min(12, Path.GetFileNameWithoutExtension(photoPath).Length)];

    public static string? Photo(int id, string? photoPath) =>
        photoPath is null ? null : $"/catalogue/{id}/photo?v={PhotoVersion(photoPath)}";
}
