using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Assets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>Adds a lendable item: numbered (units added in the registry) or pooled (a quantity on hand).</summary>
public sealed class CreateModel(AppDbContext db, FileStorage storage, IDataProtectionProvider protection, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public CatalogueInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "วิธีควบคุม")]
    public TrackingMode TrackingMode { get; set; } = TrackingMode.Numbered;

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public string? PhotoToken { get; set; }

    public IReadOnlyList<CategoryOption> Categories { get; private set; } = [];

    public PhotoFieldView PhotoField { get; private set; } = new(null, null, null, false);

    private CataloguePhotos Photos => new(storage, protection);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.MaxLoanDays = (await Settings.LoadAsync(db, ct)).Policy.DefaultMaxLoanDays;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (photoPath, photoError) = await CataloguePhotoForm.ReadAsync(Photos, Photo, PhotoToken, s, ct);
        var pool = CataloguePhotoForm.ValidatePool(Input, TrackingMode == TrackingMode.Pooled, ModelState, s, BangkokTime.Today(time.GetUtcNow().UtcDateTime));
        var name = (Input.Name ?? "").Trim();
        if (name.Length > 0 && await db.CatalogueItems.AnyAsync(c => c.Name == name, ct))
        {
            ModelState.AddModelError("Input.Name", s["มีรายการชื่อนี้แล้ว กรุณาใช้ชื่อที่ต่างกัน (การนำเข้าทะเบียนใช้ชื่อนี้จับคู่รายการ)"]);
        }

        if (ModelState.IsValid && photoError is null)
        {
            try
            {
                var item = new CatalogueItem(Input.ToDetails(), TrackingMode, Tags.NewTag());
                if (item.IsPooled)
                {
                    item.SetPool(Input.PoolQuantity ?? 0, Input.PoolUnitPrice ?? 0m, pool);
                }

                if (photoPath is not null)
                {
                    item.SetPhoto(photoPath);
                }

                db.CatalogueItems.Add(item);
                await db.SaveChangesAsync(ct);
                this.Flash(s["เพิ่มรายการ {0} แล้ว", item.Name].Value);
                return RedirectToPage("/Catalogue/Details", new { id = item.Id });
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddDomainError(ex, s, CatalogueInput.FieldOf(ex.Code));
            }
        }

        PhotoField = new PhotoFieldView(null, photoPath is null ? null : Photos.Protect(photoPath), photoError, false);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new CategoryOption(c.Id, c.Code, c.Name)).ToListAsync(ct);
}

/// <summary>How the photo field looks: the current photo, a photo kept from a failed post, an error, a remove box.</summary>
public sealed record PhotoFieldView(string? CurrentUrl, string? PendingToken, string? Error, bool CanRemove);

/// <summary>The parts of the catalogue form that create and edit read the same way.</summary>
public static class CataloguePhotoForm
{
    /// <summary>A newly chosen photo (checked and stored), else the one kept from the previous post, else none.</summary>
    public static async Task<(string? Path, string? Error)> ReadAsync(CataloguePhotos photos, IFormFile? photo, string? token, IStringLocalizer s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(photos);
        if (photo is { Length: > 0 })
        {
            return await photos.SaveAsync(photo, s, ct);
        }

        return (photos.Unprotect(token), null);
    }

    /// <summary>A pooled item needs its quantity; the acquisition date, when given, must be a real past date.</summary>
    public static DateOnly? ValidatePool(CatalogueInput input, bool pooled, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer s, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        if (!pooled)
        {
            return null;
        }

        if (input.PoolQuantity is null)
        {
            modelState.AddModelError("Input.PoolQuantity", s["กรุณากรอกจำนวนที่มี"]);
        }

        if (string.IsNullOrWhiteSpace(input.PoolAcquiredOn))
        {
            return null;
        }

        if (!ThaiDate.TryParseBuddhist(input.PoolAcquiredOn, out var date, out _))
        {
            modelState.AddModelError("Input.PoolAcquiredOn", s["วันที่ไม่ถูกต้อง กรุณากรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569"]);
            return null;
        }

        if (date > today)
        {
            modelState.AddModelError("Input.PoolAcquiredOn", s["วันที่ได้มาต้องไม่เกินวันนี้"]);
            return null;
        }

        return date;
    }
}
