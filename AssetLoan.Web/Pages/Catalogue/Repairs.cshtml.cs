using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>
/// Pool units damaged at a return (ชำรุดรอซ่อม): the officer returns repaired ones to stock or writes off those beyond
/// repair. The forms also sit on the catalogue item's page; errors come back here. AuditWriter records the counts.
/// </summary>
public sealed class RepairsModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    public CatalogueItem Item { get; private set; } = null!;

    public PoolRepairForms Forms { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Forms = PoolRepairForms.For(Item);
        return Page();
    }

    public Task<IActionResult> OnPostRepairAsync(int id, QuantityInput repair, CancellationToken ct) =>
        ChangeAsync(id, repair, PoolRepairForms.RepairPrefix, (item, n) => item.ReturnRepairedPoolUnits(n), "คืนเข้าคลังแล้ว {0} {1} ให้ยืมได้อีกครั้ง", ct);

    public Task<IActionResult> OnPostWriteOffAsync(int id, QuantityInput writeOff, CancellationToken ct) =>
        ChangeAsync(id, writeOff, PoolRepairForms.WriteOffPrefix, (item, n) => item.WriteOffDamagedPoolUnits(n), "จำหน่ายที่ชำรุด {0} {1} ออกจากจำนวนที่มีแล้ว", ct);

    private async Task<IActionResult> ChangeAsync(int id, QuantityInput input, string prefix, Action<CatalogueItem, int> change, string done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Forms = PoolRepairForms.For(Item, prefix, input.Quantity);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (input.Version != Item.Version)
        {
            return Stale();
        }

        change(Item, input.Quantity!.Value);
        await db.SaveChangesAsync(ct);
        this.Flash(s[done, Display.Number(input.Quantity.Value), Item.UnitNoun].Value);
        return RedirectToPage("/Catalogue/Details", new { id });
    }

    /// <summary>Two forms on one page: a refused quantity goes beside the quantity of the form that was posted.</summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error, string handler) =>
        $"{(handler == "WriteOff" ? PoolRepairForms.WriteOffPrefix : PoolRepairForms.RepairPrefix)}.{nameof(QuantityInput.Quantity)}";

    string IShowsRuleErrors.ConcurrencyMessage => StaleMessage;

    /// <summary>Someone else changed the counts: the latest counts, and the forms without what was typed.</summary>
    async Task IShowsRuleErrors.ReloadAfterConcurrencyAsync(CancellationToken ct)
    {
        await LoadAsync(Item.Id, ct);
        Forms = PoolRepairForms.For(Item);
    }

    private const string StaleMessage = "มีผู้อื่นแก้ไขรายการนี้ระหว่างที่ท่านกำลังทำรายการ กรุณาตรวจสอบจำนวนล่าสุดแล้วบันทึกอีกครั้ง";

    private PageResult Stale()
    {
        ModelState.AddModelError("", s[StaleMessage]);
        Forms = PoolRepairForms.For(Item);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is not { IsPooled: true })
        {
            return false;
        }

        Item = item;
        return true;
    }

    public sealed class QuantityInput
    {
        [Required(ErrorMessage = "กรุณากรอกจำนวน")]
        [Range(1, 1_000_000, ErrorMessage = "จำนวนต้องอย่างน้อย 1")]
        [Display(Name = "จำนวน")]
        public int? Quantity { get; set; }

        public Guid Version { get; set; }
    }
}

/// <summary>What the repair forms show: the pool's units under repair and, after a refused post, what was typed.</summary>
public sealed record PoolRepairForms(int ItemId, string UnitNoun, int UnderRepair, Guid Version, int? RepairQuantity, int? WriteOffQuantity)
{
    public const string RepairPrefix = "repair";
    public const string WriteOffPrefix = "writeOff";

    public static PoolRepairForms For(CatalogueItem item, string? prefix = null, int? typed = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.UnitNoun, item.PoolUnderRepair, item.Version,
            prefix == RepairPrefix ? typed : item.PoolUnderRepair,
            prefix == WriteOffPrefix ? typed : null);
    }
}
