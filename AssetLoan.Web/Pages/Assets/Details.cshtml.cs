using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>One asset: every field, its catalogue item, value and QR tag, and its audit timeline.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    public AssetView Asset { get; private set; } = null!;

    public AuditTimeline Timeline { get; private set; } = AuditTimeline.Empty;

    /// <summary>ข้อ ๒๐๙: today's straight-line value, the basis a compensation would start from.</summary>
    public DepreciatedValue ValueToday { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.SuppliesOfficer) || User.IsInRole(Roles.Admin);

    /// <summary>Its QR tag; the registry roles may print its label (<c>/labels?assets={id}</c> has it ticked).</summary>
    public TagCard TagCard => new(Asset.Tag, CanEdit && !Asset.IsRetired ? string.Create(CultureInfo.InvariantCulture, $"/labels?assets={Asset.Id}") : null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var asset = await (
            from a in db.Assets.AsNoTracking()
            where a.Id == id
            join c in db.CatalogueItems on a.CatalogueItemId equals c.Id
            join cat in db.Categories on c.CategoryId equals cat.Id
            from d in db.Divisions.Where(d => d.Id == a.DivisionId).DefaultIfEmpty()
            select new AssetView
            {
                Id = a.Id,
                AssetNumber = a.AssetNumber,
                Tag = a.Tag,
                SerialNumber = a.SerialNumber,
                AcquiredOn = a.AcquiredOn,
                Price = a.Price,
                Location = a.Location,
                Condition = a.Condition,
                Notes = a.Notes,
                Status = a.Status,
                RetiredAtUtc = a.RetiredAtUtc,
                RetiredReason = a.RetiredReason,
                DivisionName = d == null ? null : d.Name,
                ItemId = c.Id,
                ItemName = c.Name,
                CategoryCode = cat.Code,
                CategoryName = cat.Name,
                UnitNoun = c.UnitNoun,
                UsefulLifeYears = c.UsefulLifeYears,
                SalvageValue = c.SalvageValue,
            }).FirstOrDefaultAsync(ct);
        if (asset is null)
        {
            return NotFound();
        }

        Asset = asset;
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        ValueToday = Depreciation.ValueAt(asset.Price, asset.AcquiredOn, asset.UsefulLifeYears, asset.SalvageValue, today);
        Timeline = await AuditTimeline.ForEntityAsync(db, s, nameof(Domain.Assets.Asset), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }
}

public sealed class AssetView
{
    public int Id { get; init; }

    public string AssetNumber { get; init; } = "";

    public string Tag { get; init; } = "";

    public string? SerialNumber { get; init; }

    public DateOnly? AcquiredOn { get; init; }

    public decimal Price { get; init; }

    public string? Location { get; init; }

    public string? Condition { get; init; }

    public string? Notes { get; init; }

    public AssetStatus Status { get; init; }

    public DateTime? RetiredAtUtc { get; init; }

    public string? RetiredReason { get; init; }

    public string? DivisionName { get; init; }

    public int ItemId { get; init; }

    public string ItemName { get; init; } = "";

    public string CategoryCode { get; init; } = "";

    public string CategoryName { get; init; } = "";

    public string UnitNoun { get; init; } = "";

    public int UsefulLifeYears { get; init; }

    public decimal SalvageValue { get; init; }

    public bool IsRetired => RetiredAtUtc is not null;
}
