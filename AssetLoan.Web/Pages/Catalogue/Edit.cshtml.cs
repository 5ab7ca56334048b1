using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>Edits a catalogue item, its photo, checklist and (for pools) quantity, price and acquisition date.</summary>
public sealed class EditModel(AppDbContext db, FileStorage storage, IDataProtectionProvider protection, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public CatalogueInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public string? PhotoToken { get; set; }

    [BindProperty]
    public bool RemovePhoto { get; set; }

    [BindProperty]
    [Display(Name = "เลิกให้ยืมรายการนี้")]
    public bool Retired { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public CatalogueItem Item { get; private set; } = null!;

    public IReadOnlyList<CategoryOption> Categories { get; private set; } = [];

    public PhotoFieldView PhotoField { get; private set; } = new(null, null, null, false);

    private CataloguePhotos Photos => new(storage, protection);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = CatalogueInput.From(Item);
        Retired = Item.Retired;
        Version = Item.Version;
        PhotoField = new PhotoFieldView(CatalogueUrls.Photo(Item.Id, Item.PhotoPath), null, null, Item.PhotoPath is not null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (photoPath, photoError) = await CataloguePhotoForm.ReadAsync(Photos, Photo, PhotoToken, s, ct);
        var pool = CataloguePhotoForm.ValidatePool(Input, Item.IsPooled, ModelState, s, BangkokTime.Today(time.GetUtcNow().UtcDateTime));
        var name = (Input.Name ?? "").Trim();
        if (name.Length > 0 && await db.CatalogueItems.AnyAsync(c => c.Name == name && c.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", s["มีรายการชื่อนี้แล้ว กรุณาใช้ชื่อที่ต่างกัน (การนำเข้าทะเบียนใช้ชื่อนี้จับคู่รายการ)"]);
        }

        if (ModelState.IsValid && photoError is null)
        {
            if (Version != Item.Version)
            {
                ModelState.AddModelError("", s["มีผู้อื่นแก้ไขรายการนี้ระหว่างที่ท่านกำลังแก้ไข กรุณาตรวจสอบข้อมูลล่าสุด (เปิดหน้ารายการในแท็บใหม่) แล้วกดบันทึกอีกครั้งหากยังต้องการแก้ไข"]);
                ModelState.Remove(nameof(Version));
                Version = Item.Version;
            }
            else
            {
                try
                {
                    Item.Update(Input.ToDetails());
                    if (Item.IsPooled)
                    {
                        Item.SetPool(Input.PoolQuantity ?? 0, Input.PoolUnitPrice ?? 0m, pool);
                    }

                    if (photoPath is not null)
                    {
                        Item.SetPhoto(photoPath);
                    }
                    else if (RemovePhoto)
                    {
                        Item.SetPhoto(null);
                    }

                    if (Retired != Item.Retired)
                    {
                        if (Retired)
                        {
                            Item.Retire();
                        }
                        else
                        {
                            Item.Reinstate();
                        }
                    }

                    await db.SaveChangesAsync(ct);
                    this.Flash(s["บันทึกการแก้ไขรายการ {0} แล้ว", Item.Name].Value);
                    return RedirectToPage("/Catalogue/Details", new { id });
                }
                catch (DomainRuleException ex)
                {
                    ModelState.AddDomainError(ex, s, CatalogueInput.FieldOf(ex.Code));
                }
                catch (DbUpdateConcurrencyException)
                {
                    ModelState.AddModelError("", s["มีผู้อื่นแก้ไขรายการนี้ระหว่างที่ท่านกำลังแก้ไข กรุณาตรวจสอบข้อมูลล่าสุด (เปิดหน้ารายการในแท็บใหม่) แล้วกดบันทึกอีกครั้งหากยังต้องการแก้ไข"]);
                    db.ChangeTracker.Clear();
                    await LoadAsync(id, ct);
                    ModelState.Remove(nameof(Version));
                    Version = Item.Version;
                }
            }
        }

        PhotoField = new PhotoFieldView(CatalogueUrls.Photo(Item.Id, Item.PhotoPath), photoPath is null ? null : Photos.Protect(photoPath), photoError, Item.PhotoPath is not null);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new CategoryOption(c.Id, c.Code, c.Name)).ToListAsync(ct);
        return true;
    }
}
