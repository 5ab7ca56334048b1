using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>Adds one numbered unit; proposes the next asset number from the template for the item's category and year.</summary>
public sealed class CreateModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "กรุณาเลือกรายการ")]
    [Display(Name = "รายการ")]
    public int? ItemId { get; set; }

    [BindProperty]
    public AssetInput Input { get; set; } = new();

    public IReadOnlyList<ItemChoice> Items { get; private set; } = [];

    public AssetFormOptions Options { get; private set; } = new([]);

    public string Template { get; private set; } = AssetNumbers.DefaultTemplate;

    /// <summary>The number the template proposes for the chosen item and date (shown beside the field).</summary>
    public string? Proposal { get; private set; }

    private DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    /// <summary>GET /assets/create?item=3&amp;acquired=25/11/2569&amp;price=18500: fields prefilled, the number proposed.</summary>
    public async Task<IActionResult> OnGetAsync(int? item, string? acquired, decimal? price, int? division, string? location, CancellationToken ct)
    {
        ItemId = item;
        Input = new AssetInput
        {
            AcquiredOn = string.IsNullOrWhiteSpace(acquired) ? RegistryFormat.InputDate(Today) : acquired,
            Price = price,
            DivisionId = division,
            Location = location,
            Condition = "ดี",
        };
        await LoadAsync(ct);
        Input.AssetNumber = Proposal ?? "";
        return Page();
    }

    /// <summary>JSON for registry.js: the proposal for another item or date, without leaving the page.</summary>
    public async Task<IActionResult> OnGetProposalAsync(int item, string? acquired, CancellationToken ct)
    {
        ItemId = item;
        Input.AcquiredOn = acquired;
        return new JsonResult(new { number = await ProposeAsync(ct) });
    }

    /// <summary>The "propose a number" button: re-renders the form with a fresh proposal, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        if (Proposal is not null)
        {
            Input.AssetNumber = Proposal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool next, CancellationToken ct)
    {
        var acquiredOn = Input.ValidateAcquiredOn(ModelState, s, Today);
        var item = ItemId is { } id ? await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (ItemId is not null && (item is null || item.IsPooled || item.Retired))
        {
            ModelState.AddModelError(nameof(ItemId), s["รายการนี้ไม่มีหมายเลขครุภัณฑ์แยกรายชิ้น หรือเลิกให้ยืมแล้ว"]);
        }

        if (!ModelState.IsValid || item is null || acquiredOn is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            var asset = new Asset(item.Id, Input.AssetNumber, Tags.NewTag(), Input.ToDetails(acquiredOn.Value));
            if (await db.Assets.AnyAsync(a => a.AssetNumber == asset.AssetNumber, ct))
            {
                throw new DomainRuleException("Asset.NumberTaken", "The asset number is already in the registry.");
            }

            db.Assets.Add(asset);
            await db.SaveChangesAsync(ct);
            this.Flash(s["เพิ่มครุภัณฑ์ {0} ในทะเบียนแล้ว", asset.AssetNumber].Value);
            return next
                ? Redirect($"/assets/create?item={item.Id}&acquired={Uri.EscapeDataString(Input.AcquiredOn ?? "")}&price={Input.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture)}&division={Input.DivisionId}&location={Uri.EscapeDataString(Input.Location ?? "")}")
                : RedirectToPage("/Assets/Details", new { id = asset.Id });
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, ex.Code.StartsWith("Asset.Number", StringComparison.Ordinal) ? "Input.AssetNumber" : "");
        }
        catch (DbUpdateException)
        {
            // Someone saved the same number between our check and our insert: the unique index caught it.
            db.ChangeTracker.Clear();
            ModelState.AddDomainError(new DomainRuleException("Asset.NumberTaken", "taken"), s, "Input.AssetNumber");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await (
            from c in db.CatalogueItems.AsNoTracking()
            where c.TrackingMode == TrackingMode.Numbered && !c.Retired
            join cat in db.Categories on c.CategoryId equals cat.Id
            orderby cat.Code, c.Name
            select new ItemChoice(c.Id, c.Name, cat.Code, cat.Name)).ToListAsync(ct);
        Options = new AssetFormOptions(await db.Divisions.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(ct));
        Template = (await Settings.LoadAsync(db, ct)).AssetNumberTemplate;
        Proposal = await ProposeAsync(ct);
    }

    private async Task<string?> ProposeAsync(CancellationToken ct)
    {
        if (ItemId is not { } id)
        {
            return null;
        }

        var code = await (
            from c in db.CatalogueItems.AsNoTracking()
            where c.Id == id
            join cat in db.Categories on c.CategoryId equals cat.Id
            select cat.Code).FirstOrDefaultAsync(ct);
        if (code is null)
        {
            return null;
        }

        var on = RegistryFormat.TryParseDate(Input.AcquiredOn, out var d) ? d : Today;
        var template = (await Settings.LoadAsync(db, ct)).AssetNumberTemplate;
        return await db.ProposeAssetNumberAsync(template, code, on, ct);
    }
}

public sealed record ItemChoice(int Id, string Name, string CategoryCode, string CategoryName);
