using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>
/// ล็อตของพัสดุแบบนับจำนวน: the registry roles record, correct and remove a pool's lots (quantity, acquisition date,
/// unit price), from which a pool unit's value at the time of borrowing is worked out (docs/decisions/0008). AuditWriter
/// records every change.
/// </summary>
public sealed class LotsModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public LotInput Input { get; set; } = new();

    public CatalogueItem Item { get; private set; } = null!;

    public IReadOnlyList<LotRow> Rows { get; private set; } = [];

    /// <summary>One pool unit's value today from all the lots, with its basis.</summary>
    public PoolValue ValueToday { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (edit is { } lotId)
        {
            var lot = Item.Lots.SingleOrDefault(l => l.Id == lotId);
            if (lot is null)
            {
                return NotFound();
            }

            Input = new LotInput { LotId = lot.Id, Quantity = lot.Quantity, AcquiredOn = lot.AcquiredOn, UnitPrice = lot.UnitPrice };
        }

        Input.Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await ChangeAsync(id, item =>
            {
                if (Input.LotId is { } lotId)
                {
                    item.ChangeLot(lotId, Input.Quantity!.Value, Input.AcquiredOn!.Value, Input.UnitPrice!.Value, Today);
                }
                else
                {
                    item.AddLot(Input.Quantity!.Value, Input.AcquiredOn!.Value, Input.UnitPrice!.Value, Today);
                }
            },
            Input.LotId is null ? "บันทึกล็อตใหม่แล้ว" : "แก้ไขล็อตแล้ว", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int lotId, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new LotInput { Version = Input.Version };
        return await ChangeAsync(id, item => item.RemoveLot(lotId), "ลบล็อตแล้ว", ct);
    }

    private async Task<IActionResult> ChangeAsync(int id, Action<CatalogueItem> change, string done, CancellationToken ct)
    {
        if (Input.Version != Item.Version)
        {
            return Stale();
        }

        try
        {
            change(Item);
            await db.SaveChangesAsync(ct);
            this.Flash(s[done].Value);
            return RedirectToPage("/Catalogue/Lots", new { id });
        }
        catch (DomainRuleException ex) when (ex.Code == "Catalogue.LotsOverPool")
        {
            var others = Item.LotQuantity - (Item.Lots.SingleOrDefault(l => l.Id == Input.LotId)?.Quantity ?? 0);
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LotInput.Quantity)}",
                s["จำนวนรวมของทุกล็อตต้องไม่เกินจำนวนที่มี {0} {1} (ล็อตอื่นรวมกันมี {2} {1} จึงบันทึกได้อีกไม่เกิน {3} {1})",
                    Display.Number(Item.PoolQuantity), Item.UnitNoun, Display.Number(others), Display.Number(Math.Max(0, Item.PoolQuantity - others))]);
        }
        catch (DomainRuleException ex) when (ex.Code == "Catalogue.LotUnknown")
        {
            return NotFound();
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, FieldOf(ex.Code));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Stale();
        }

        return Page();
    }

    private PageResult Stale()
    {
        ModelState.AddModelError("", s["มีผู้อื่นแก้ไขรายการนี้ระหว่างที่ท่านกำลังทำรายการ กรุณาตรวจสอบจำนวนล่าสุดแล้วบันทึกอีกครั้ง"]);
        Input.Version = Item.Version;
        return Page();
    }

    private static string FieldOf(string code) => code switch
    {
        "Catalogue.LotQuantityMin" => $"{nameof(Input)}.{nameof(LotInput.Quantity)}",
        "Catalogue.LotPriceNegative" => $"{nameof(Input)}.{nameof(LotInput.UnitPrice)}",
        "Catalogue.LotInFuture" => $"{nameof(Input)}.{nameof(LotInput.AcquiredOn)}",
        _ => "",
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is not { IsPooled: true })
        {
            return false;
        }

        Item = item;
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Rows = LotRow.For(item, Today);
        ValueToday = item.PoolValueAt(Today);
        return true;
    }

    public sealed class LotInput
    {
        public int? LotId { get; set; }

        [Required(ErrorMessage = "กรุณากรอกจำนวน")]
        [Range(1, 1_000_000, ErrorMessage = "จำนวนในล็อตต้องอย่างน้อย 1")]
        [Display(Name = "จำนวนในล็อต")]
        public int? Quantity { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณากรอกวันที่ได้มา")]
        [Display(Name = "วันที่ได้มา")]
        public DateOnly? AcquiredOn { get; set; }

        [Required(ErrorMessage = "กรุณากรอกราคาต่อหน่วย (ไม่ทราบราคาให้กรอก 0)")]
        [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "ราคาต่อหน่วยต้องไม่ติดลบ")]
        [Display(Name = "ราคาต่อหน่วย (บาท)")]
        public decimal? UnitPrice { get; set; }

        public Guid Version { get; set; }
    }
}

/// <summary>A lot as the catalogue pages list it, with one unit's value today (ข้อ ๒๐๙).</summary>
public sealed record LotRow(int Id, int Quantity, DateOnly AcquiredOn, decimal UnitPrice, DepreciatedValue ValueToday)
{
    public static IReadOnlyList<LotRow> For(CatalogueItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Lots.OrderBy(l => l.AcquiredOn).ThenBy(l => l.Id)
            .Select(l => new LotRow(l.Id, l.Quantity, l.AcquiredOn, l.UnitPrice,
                Depreciation.ValueAt(l.UnitPrice, l.AcquiredOn, item.UsefulLifeYears, item.SalvageValue, today)))
            .ToList();
    }
}

/// <summary>What the lots table shows; <see cref="Manage"/> adds the edit and remove buttons (the lots page).</summary>
public sealed record PoolLotsView(int ItemId, string UnitNoun, IReadOnlyList<LotRow> Rows, PoolValue ValueToday, bool Manage, Guid Version);
