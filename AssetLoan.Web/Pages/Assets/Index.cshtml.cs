using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>ทะเบียนครุภัณฑ์: search, filter, sort and page the registry (GET form, works without JavaScript).</summary>
public sealed class IndexModel(AppDbContext db, PublicDataCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AssetFilter Filter { get; set; } = new();

    public IReadOnlyList<AssetListRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + AssetFilter.PageSize - 1) / AssetFilter.PageSize);

    public int FirstShown => Total == 0 ? 0 : ((Filter.P - 1) * AssetFilter.PageSize) + 1;

    public int LastShown => Math.Min(Total, Filter.P * AssetFilter.PageSize);

    public IReadOnlyList<Option> Categories { get; private set; } = [];

    public IReadOnlyList<Option> Divisions { get; private set; } = [];

    public string? ItemName { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.SuppliesOfficer) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter.P = Math.Max(1, Filter.P);
        var query = await db.SearchAssetsAsync(Filter, ct);
        // Counting a province's registry (100,000 units) is most of this page's cost: the count is kept per filter, in
        // the bounded store, until the next write through the app on any instance.
        Total = await cache.KeptAsync(new AssetCountFigure(Filter.With(sort: "", dir: "")), () => db.CountAssetsAsync(Filter, ct));
        if (Filter.P > Pages)
        {
            Filter.P = Pages;
        }

        Rows = await query.Skip((Filter.P - 1) * AssetFilter.PageSize).Take(AssetFilter.PageSize).ToListAsync(ct);
        Categories = await cache.GetAsync("assets-categories", () => db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new Option(c.Id, c.Code + " " + c.Name)).ToListAsync(ct));
        Divisions = await cache.GetAsync("assets-divisions", () => db.Divisions.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(ct));
        if (Filter.Item is { } item)
        {
            ItemName = await db.CatalogueItems.AsNoTracking().Where(c => c.Id == item).Select(c => c.Name).FirstOrDefaultAsync(ct);
        }
    }
}

public sealed record Option(int Id, string Name);
