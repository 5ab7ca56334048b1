using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Labels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Labels;

/// <summary>
/// พิมพ์ป้ายคิวอาร์โค้ด: choose assets (one from the registry, <c>/labels?assets=12</c>; ticked rows of a search, here or
/// in the registry list; or every result of a search, here or the registry's, <c>/labels?from=registry&amp;status=…</c>)
/// and a label stock, and get a vector PDF laid out at exact millimetres.
/// Selections are keyed <c>a{assetId}</c> for numbered units and <c>c{catalogueItemId}</c> for pools.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    public const int ShownRows = 200;
    public const int MaxLabels = 5000;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Asset ids from the registry's "print label" link (comma-separated or repeated).</summary>
    [BindProperty(SupportsGet = true)]
    public string[]? Assets { get; set; }

    /// <summary>Pooled catalogue item ids.</summary>
    [BindProperty(SupportsGet = true)]
    public string[]? Items { get; set; }

    [BindProperty]
    public List<string>? Selected { get; set; }

    /// <summary><c>registry</c> when the search is the registry list's filter (<see cref="Filter"/>) rather than this page's own.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The registry list's filter, read from the same query names as <c>/assets</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public AssetFilter Filter { get; set; } = new();

    public bool FromRegistry => string.Equals(From, "registry", StringComparison.OrdinalIgnoreCase);

    /// <summary>The label stock's key (<see cref="LabelTemplates"/>); the A4 3×8 sheet unless chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    public IReadOnlyList<LabelRow> Rows { get; private set; } = [];

    public int ResultCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Selected = Ids(Assets ?? []).Select(id => $"a{id}").Concat(Ids(Items ?? []).Select(id => $"c{id}")).ToList();
        await LoadRowsAsync(ct);
    }

    /// <summary>Prints the ticked rows.</summary>
    public Task<IActionResult> OnPostPrintAsync(CancellationToken ct) => PrintAsync(all: false, ct);

    /// <summary>Prints every result of the search in <see cref="Q"/>.</summary>
    public Task<IActionResult> OnPostPrintAllAsync(CancellationToken ct) => PrintAsync(all: true, ct);

    private async Task<IActionResult> PrintAsync(bool all, CancellationToken ct)
    {
        var template = LabelTemplates.Find(Template ?? LabelTemplates.A4x24.Key);
        if (template is null)
        {
            ModelState.AddModelError(nameof(Template), s["กรุณาเลือกแบบป้าย"]);
        }

        var rows = all ? (await SearchAsync(Q, MaxLabels + 1, ct)).Rows : await SelectedRowsAsync(ct);
        if (rows.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), s["กรุณาเลือกครุภัณฑ์อย่างน้อย 1 รายการ"]);
        }
        else if (rows.Count > MaxLabels)
        {
            ModelState.AddModelError(nameof(Selected), s["พิมพ์ได้ครั้งละไม่เกิน {0} ดวง กรุณาค้นหาให้แคบลง", MaxLabels]);
        }

        if (!ModelState.IsValid || template is null)
        {
            await LoadRowsAsync(ct);
            return Page();
        }

        var baseUrl = await QrEndpoints.PublicBaseAsync(db, Request, ct);
        var municipality = (await Settings.LoadAsync(db, ct)).MunicipalityName;
        var labels = rows.Select(r => new LabelContent(QrCodes.TagUrl(baseUrl, r.Tag), municipality, r.Name, r.AssetNumber, r.Tag)).ToList();
        var pdf = LabelSheetRenderer.Render(labels, template, await LabelOffsets.LoadAsync(db, template, ct));
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        return File(pdf, "application/pdf", $"labels-{template.Key}-{today:yyyyMMdd}.pdf");
    }

    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var selected = await SelectedRowsAsync(ct);
        var found = new List<LabelRow>();
        if (!string.IsNullOrWhiteSpace(Q) || selected.Count == 0)
        {
            (found, ResultCount) = await SearchAsync(Q, ShownRows, ct);
        }

        Rows = selected.Concat(found.Where(f => !selected.Any(x => x.Key == f.Key))).ToList();
    }

    /// <summary>Numbered units by number, item name or tag, then pools by name or tag. Retired things get no labels.</summary>
    private async Task<(List<LabelRow> Rows, int Count)> SearchAsync(string? q, int take, CancellationToken ct)
    {
        if (FromRegistry)
        {
            return await RegistrySearchAsync(take, ct);
        }

        q = q?.Trim() ?? "";
        var tag = q.ToUpperInvariant();
        var units =
            from a in db.Assets.AsNoTracking()
            join c in db.CatalogueItems on a.CatalogueItemId equals c.Id
            where a.RetiredAtUtc == null && (q == "" || a.AssetNumber.Contains(q) || c.Name.Contains(q) || a.Tag == tag)
            orderby a.AssetNumber
            select new LabelRow("a" + a.Id.ToString(), a.Tag, c.Name, a.AssetNumber);
        var pools =
            from c in db.CatalogueItems.AsNoTracking()
            where c.TrackingMode == TrackingMode.Pooled && !c.Retired && (q == "" || c.Name.Contains(q) || c.Tag == tag)
            orderby c.Name
            select new LabelRow("c" + c.Id.ToString(), c.Tag, c.Name, null);
        var unitCount = await units.CountAsync(ct);
        var count = unitCount + await pools.CountAsync(ct);
        var rows = await units.Take(take).ToListAsync(ct);
        if (rows.Count < take)
        {
            rows.AddRange(await pools.Take(take - rows.Count).ToListAsync(ct));
        }

        return (rows, count);
    }

    /// <summary>The units the registry list shows for <see cref="Filter"/>, in its order; no pools (the registry has none).</summary>
    private async Task<(List<LabelRow> Rows, int Count)> RegistrySearchAsync(int take, CancellationToken ct)
    {
        var units = (await db.SearchAssetsAsync(Filter, ct))
            .Where(r => r.RetiredAtUtc == null && r.Status != AssetStatus.Disposed)
            .Select(r => new LabelRow("a" + r.Id.ToString(), r.Tag, r.ItemName, r.AssetNumber));
        return (await units.Take(take).ToListAsync(ct), await units.CountAsync(ct));
    }

    private async Task<List<LabelRow>> SelectedRowsAsync(CancellationToken ct)
    {
        var keys = Selected ?? [];
        var assetIds = keys.Where(k => k.StartsWith('a')).Select(k => int.TryParse(k[1..], CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var itemIds = keys.Where(k => k.StartsWith('c')).Select(k => int.TryParse(k[1..], CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        if (assetIds.Count + itemIds.Count == 0)
        {
            return [];
        }

        var units = await (
                from a in db.Assets.AsNoTracking()
                join c in db.CatalogueItems on a.CatalogueItemId equals c.Id
                where assetIds.Contains(a.Id)
                select new LabelRow("a" + a.Id.ToString(), a.Tag, c.Name, a.AssetNumber))
            .ToListAsync(ct);
        var pools = await db.CatalogueItems.AsNoTracking()
            .Where(c => itemIds.Contains(c.Id))
            .Select(c => new LabelRow("c" + c.Id.ToString(), c.Tag, c.Name, null))
            .ToListAsync(ct);

        // Print in the order of the register, whatever order the boxes were ticked in.
        return units.OrderBy(r => r.AssetNumber, StringComparer.Ordinal).Concat(pools.OrderBy(r => r.Name, StringComparer.Ordinal)).ToList();
    }

    private static IEnumerable<int> Ids(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct();
}

/// <summary>One printable tag: <see cref="Key"/> is <c>a{assetId}</c> (a numbered unit) or <c>c{catalogueItemId}</c> (a pool).</summary>
public sealed record LabelRow(string Key, string Tag, string Name, string? AssetNumber);
