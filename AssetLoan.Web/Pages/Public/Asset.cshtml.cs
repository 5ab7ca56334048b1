using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Public;

/// <summary>
/// <c>/a/{tag}</c>, the page a label's QR code opens (the address is printed: never change it). Anyone sees what the
/// thing is and whether it is free; signed-in staff also see who holds it and the actions that fit.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)] // anonymous visitors only; staff see holders and actions
public sealed class AssetModel(AppDbContext db, TimeProvider time) : PageModel
{

    public TagItem Item { get; private set; } = null!;

    public string MunicipalityName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    /// <summary>Loans that hold the unit (or the pool) now: reserved or out. Staff only.</summary>
    public IReadOnlyList<LoanOnTag> Current { get; private set; } = [];

    public IReadOnlyList<LoanOnTag> Recent { get; private set; } = [];

    /// <summary>A numbered catalogue item's units (its own tag's page). Staff only.</summary>
    public IReadOnlyList<UnitOnTag> Units { get; private set; } = [];

    public IReadOnlyDictionary<int, BorrowerOnTag> Borrowers { get; private set; } = new Dictionary<int, BorrowerOnTag>();

    public bool IsStaff => User.Identity?.IsAuthenticated == true;

    public bool IsOfficer => User.IsInRole(Roles.SuppliesOfficer);

    /// <summary>Contact details of borrowers are for the roles that follow loans up (PDPA: the minimum).</summary>
    public bool SeesContacts => IsOfficer || User.IsInRole(Roles.FinanceDirector) || User.IsInRole(Roles.Auditor);

    public bool KeepsRegistry => User.IsInRole(Roles.SuppliesOfficer) || User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken ct)
    {
        tag = (tag ?? "").ToUpperInvariant();
        if (!Tags.IsWellFormed(tag))
        {
            return NotFound();
        }

        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Calendar = await db.WorkingCalendarAsync(ct);
        var item = await FindAsync(tag, ct);
        if (item is null)
        {
            return NotFound();
        }

        MunicipalityName = (await Settings.LoadAsync(db, ct)).MunicipalityName;
        var holdingLoans = await LoansAsync(item, holdingOnly: true, ct);
        Item = item.AssetId is null ? await CountFreeAsync(item, ct) : StateOf(item, holdingLoans);
        if (IsStaff)
        {
            Current = holdingLoans;
            Recent = await LoansAsync(item, holdingOnly: false, ct);
            Borrowers = await BorrowersAsync(Current.Concat(Recent).Select(l => l.BorrowerId).Distinct().ToList(), ct);
            if (item.AssetId is null && !item.IsPooled)
            {
                Units = await db.Assets.AsNoTracking()
                    .Where(a => a.CatalogueItemId == item.CatalogueItemId && a.RetiredAtUtc == null)
                    .OrderBy(a => a.AssetNumber)
                    .Select(a => new UnitOnTag(a.AssetNumber, a.Tag, a.Status))
                    .ToListAsync(ct);
            }
        }

        ViewData["Title"] = item.ItemName;
        return Page();
    }

    private async Task<TagItem?> FindAsync(string tag, CancellationToken ct)
    {
        var asset = await (
                from a in db.Assets.AsNoTracking()
                join c in db.CatalogueItems on a.CatalogueItemId equals c.Id
                join k in db.Categories on c.CategoryId equals k.Id
                where a.Tag == tag
                select new TagItem(tag, c.Id, c.Name, k.Name, c.UnitNoun, c.Description, c.Audience, c.Retired, c.TrackingMode == TrackingMode.Pooled,
                    a.Id, a.AssetNumber, a.Location, a.RetiredAtUtc != null ? AssetStatus.Disposed : a.Status)
                { PhotoPath = c.PhotoPath })
            .FirstOrDefaultAsync(ct);
        return asset ?? await (
                from c in db.CatalogueItems.AsNoTracking()
                join k in db.Categories on c.CategoryId equals k.Id
                where c.Tag == tag
                select new TagItem(tag, c.Id, c.Name, k.Name, c.UnitNoun, c.Description, c.Audience, c.Retired, c.TrackingMode == TrackingMode.Pooled,
                    null, null, null, AssetStatus.Available)
                { Total = c.PoolQuantity, UnderRepair = c.PoolUnderRepair, PhotoPath = c.PhotoPath })
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>A unit's state today: on loan until the due date of the loan that has it out, or reserved for today.</summary>
    private TagItem StateOf(TagItem item, IReadOnlyList<LoanOnTag> holding)
    {
        switch (item.Status)
        {
            case AssetStatus.OnLoan:
                return item with { State = TagState.OnLoan, Until = holding.FirstOrDefault(l => l.IsOut)?.DueOn };
            case AssetStatus.UnderRepair:
                return item with { State = TagState.UnderRepair };
            case AssetStatus.Lost:
                return item with { State = TagState.Lost };
            case AssetStatus.Disposed:
                return item with { State = TagState.Disposed };
        }

        var reserved = holding.FirstOrDefault(l => l.IsReserved && l.StartOn <= Today && l.DueOn >= Today);
        return reserved is null ? item with { State = TagState.Available } : item with { State = TagState.Reserved, Until = reserved.DueOn };
    }

    private async Task<TagItem> CountFreeAsync(TagItem item, CancellationToken ct)
    {
        var free = (await db.AvailabilityAsync([item.CatalogueItemId], Today, Today, Today, firmOnly: false, excludeLoanId: null, ct))[item.CatalogueItemId];
        if (item.IsPooled)
        {
            return item with { Free = free.FreeQuantity };
        }

        var units = await db.Assets.AsNoTracking()
            .Where(a => a.CatalogueItemId == item.CatalogueItemId && a.RetiredAtUtc == null && a.Status != AssetStatus.Lost && a.Status != AssetStatus.Disposed)
            .Select(a => new { a.Id, a.Status })
            .ToListAsync(ct);
        return item with { Total = units.Count, Free = units.Count(u => u.Status == AssetStatus.Available && !free.HeldAssetIds.Contains(u.Id)) };
    }

    private async Task<IReadOnlyList<LoanOnTag>> LoansAsync(TagItem item, bool holdingOnly, CancellationToken ct)
    {
        var query = db.Loans.AsNoTracking();
        query = item.AssetId is { } assetId
            ? query.Where(l => l.Lines.Any(x => x.Units.Any(u => u.AssetId == assetId)))
            : query.Where(l => l.Lines.Any(x => x.CatalogueItemId == item.CatalogueItemId));
        if (holdingOnly)
        {
            query = query.Holding();
        }

        var rows = await query
            .OrderByDescending(l => l.SubmittedAtUtc)
            .Take(holdingOnly ? 200 : 10)
            .Select(l => new
            {
                l.Id,
                l.Reference,
                l.Status,
                l.StartOn,
                l.DueOn,
                l.BorrowerId,
                Line = l.Lines.Where(x => x.CatalogueItemId == item.CatalogueItemId)
                    .Select(x => new { x.Quantity, x.IssuedQuantity, Returned = x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost })
                    .First(),
                Unit = l.Lines.SelectMany(x => x.Units).Where(u => u.AssetId == item.AssetId)
                    .Select(u => new { u.IssuedAtUtc, u.ReturnedAtUtc })
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);

        return rows
            .Select(r =>
            {
                var loanOut = LoanTransitions.IsOut(r.Status);
                var isOut = item.AssetId is null
                    ? loanOut && r.Line.IssuedQuantity > r.Line.Returned
                    : loanOut && r.Unit is { IssuedAtUtc: not null, ReturnedAtUtc: null };
                var isReserved = LoanTransitions.Holds(r.Status) && !loanOut && (item.AssetId is null || r.Unit is { IssuedAtUtc: null });
                var quantity = loanOut ? r.Line.IssuedQuantity - r.Line.Returned : r.Line.Quantity;
                return new LoanOnTag(r.Id, r.Reference, r.Status, r.StartOn, r.DueOn, r.BorrowerId, item.AssetId is null ? quantity : 1, isOut, isReserved);
            })
            .Where(l => !holdingOnly || l.IsOut || l.IsReserved)
            .ToList();
    }

    private async Task<IReadOnlyDictionary<int, BorrowerOnTag>> BorrowersAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await db.Borrowers.AsNoTracking()
            .Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.Phone, b.NationalIdTail })
            .ToListAsync(ct);
        return rows.ToDictionary(
            b => b.Id,
            b => new BorrowerOnTag(b.Name, b.Phone, b.NationalIdTail is null ? null : $"x-xxxx-xxxxx-{b.NationalIdTail[..2]}-{b.NationalIdTail[2]}"));
    }
}

public enum TagState
{
    Available,
    Reserved,
    OnLoan,
    UnderRepair,
    Lost,
    Disposed,
}

/// <summary>What a tag points to: a numbered unit (<see cref="AssetId"/> set), or a catalogue item (a pool, or a numbered item's page).</summary>
public sealed record TagItem(
    string Tag,
    int CatalogueItemId,
    string ItemName,
    string CategoryName,
    string UnitNoun,
    string? Description,
    BorrowerAudience Audience,
    bool ItemRetired,
    bool IsPooled,
    int? AssetId,
    string? AssetNumber,
    string? Location,
    AssetStatus Status)
{
    public TagState State { get; init; }

    /// <summary>On loan or reserved until this day.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Catalogue items: units (or the pool quantity) in the registry, and how many are free today.</summary>
    public int Total { get; init; }

    public int Free { get; init; }

    /// <summary>The catalogue item's photo as stored, if it has one.</summary>
    public string? PhotoPath { get; init; }

    /// <summary>Pools: units on hand damaged at a return, waiting for repair (ชำรุดรอซ่อม); never free.</summary>
    public int UnderRepair { get; init; }

    public bool PublicMayBorrow => !ItemRetired && Audience.HasFlag(BorrowerAudience.Public);
}

public sealed record LoanOnTag(int LoanId, string Reference, LoanStatus Status, DateOnly StartOn, DateOnly DueOn, int BorrowerId, int Quantity, bool IsOut, bool IsReserved);

public sealed record BorrowerOnTag(string Name, string? Phone, string? MaskedNationalId);

public sealed record UnitOnTag(string AssetNumber, string Tag, AssetStatus Status);
