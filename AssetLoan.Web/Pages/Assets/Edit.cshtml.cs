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

/// <summary>
/// Corrects an asset's record and sets its physical status (available ⇄ under repair, lost). "On loan" is only
/// changed by handover and return. A stale form (someone saved in between) is refused, not silently overwritten.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public AssetInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "สถานะ")]
    public AssetStatus Status { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public Asset Asset { get; private set; } = null!;

    public string ItemName { get; private set; } = "";

    public AssetFormOptions Options { get; private set; } = new([]);

    /// <summary>What the record holds now, when the officer's form was stale.</summary>
    public IReadOnlyList<EditConflict> Conflicts { get; private set; } = [];

    public bool CanSetStatus => !Asset.IsRetired && Asset.Status != AssetStatus.OnLoan;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = AssetInput.From(Asset);
        Status = Asset.Status;
        Version = Asset.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var acquiredOn = Input.ValidateAcquiredOn(ModelState, s, BangkokTime.Today(time.GetUtcNow().UtcDateTime));
        if (!ModelState.IsValid || acquiredOn is null)
        {
            return Page();
        }

        if (Version != Asset.Version)
        {
            return Stale();
        }

        try
        {
            var number = AssetNumbers.Normalize(Input.AssetNumber);
            if (!string.Equals(number, Asset.AssetNumber, StringComparison.Ordinal))
            {
                if (await db.Assets.AnyAsync(a => a.AssetNumber == number && a.Id != id, ct))
                {
                    throw new DomainRuleException("Asset.NumberTaken", "The asset number is already in the registry.");
                }

                Asset.Renumber(number);
            }

            Asset.Update(Input.ToDetails(acquiredOn.Value));
            if (CanSetStatus && Status != Asset.Status)
            {
                Asset.SetStatus(Status);
            }

            await db.SaveChangesAsync(ct);
            this.Flash(s["บันทึกการแก้ไขครุภัณฑ์ {0} แล้ว", Asset.AssetNumber].Value);
            return RedirectToPage("/Assets/Details", new { id });
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, ex.Code.StartsWith("Asset.Number", StringComparison.Ordinal) ? "Input.AssetNumber" : "");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Stale();
        }
        catch (DbUpdateException)
        {
            ModelState.AddDomainError(new DomainRuleException("Asset.NumberTaken", "taken"), s, "Input.AssetNumber");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Keeps what the officer typed, shows what changed meanwhile, and takes the new version so a second save is deliberate.</summary>
    private PageResult Stale()
    {
        ModelState.AddModelError("", s["มีผู้อื่นแก้ไขครุภัณฑ์นี้ระหว่างที่ท่านกำลังแก้ไข กรุณาตรวจสอบข้อมูลล่าสุดด้านล่าง แล้วกดบันทึกอีกครั้งหากยังต้องการแก้ไข"]);
        var current = AssetInput.From(Asset);
        var conflicts = new List<EditConflict>();
        void Compare(string label, string? mine, string? theirs)
        {
            if (!string.Equals((mine ?? "").Trim(), (theirs ?? "").Trim(), StringComparison.Ordinal))
            {
                conflicts.Add(new EditConflict(s[label], mine, theirs));
            }
        }

        Compare("หมายเลขครุภัณฑ์", Input.AssetNumber, current.AssetNumber);
        Compare("วันที่ได้มา", Input.AcquiredOn, current.AcquiredOn);
        Compare("ราคา (บาท)", Input.Price?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), current.Price?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Compare("หน่วยงาน", Options.Divisions.FirstOrDefault(d => d.Id == Input.DivisionId)?.Name, Options.Divisions.FirstOrDefault(d => d.Id == current.DivisionId)?.Name);
        Compare("สถานที่เก็บ", Input.Location, current.Location);
        Compare("สภาพ", Input.Condition, current.Condition);
        Compare("หมายเลขเครื่อง (Serial)", Input.SerialNumber, current.SerialNumber);
        Compare("หมายเหตุ", Input.Notes, current.Notes);
        Compare("สถานะ", s[AssetText.Status(Status)], s[AssetText.Status(Asset.Status)]);
        Conflicts = conflicts;
        ModelState.Remove(nameof(Version));
        Version = Asset.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return false;
        }

        Asset = asset;
        ItemName = await db.CatalogueItems.AsNoTracking().Where(c => c.Id == asset.CatalogueItemId).Select(c => c.Name).FirstAsync(ct);
        Options = new AssetFormOptions(await db.Divisions.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(ct));
        return true;
    }
}

/// <summary>A field the officer typed one way while someone else saved it another.</summary>
public sealed record EditConflict(string Label, string? Mine, string? Theirs);
