using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// /supplies/check/{id}: the supplies check (ข้อ ๒๐๘). The officer confirms the loan case (the borrower's choice is a
/// proposal), sees what else holds these items in the period, picks the numbered units, and reserves — inside the
/// reservation transaction, against availability computed in that same transaction — or sends the request back.
/// </summary>
public sealed class CheckModel(AppDbContext db, CurrentActor current, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    private int loanId;

    public LoanView View { get; private set; } = null!;

    public IReadOnlyList<LineCheck> Lines { get; private set; } = [];

    public IReadOnlyList<Conflict> Conflicts { get; private set; } = [];

    [BindProperty]
    public LoanCase Case { get; set; }

    [BindProperty]
    public List<int> Units { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    /// <summary>Setting <c>Security.SeparateDuties</c> (issue 14 §9).</summary>
    public bool SeparateDuties { get; private set; } = true;

    /// <summary>Why the signed-in user may not check this request now (<see cref="LoanActions.Refusal"/>, the rule the domain's Check throws on), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The officer keyed the request in (issue 14 §9) or filed it: the domain's words; other refusals have the page's own.</summary>
    public string? DutyRefusalMessage => Refusal is "Loan.KeyedInBySameOfficer" or "Loan.OwnRequest" ? DomainErrors.Message(Refusal, s) : null;

    public bool AwaitsEndorsement => Refusal == "Loan.NotEndorsed";

    public bool Checkable => Refusal is null;

    /// <summary>Whether the signed-in user may send the request back (<see cref="LoanActions.Refusal"/> for SendBack): decided apart from the check, since an officer who keyed the request in may not check it but may send it back.</summary>
    public bool MaySendBack { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, preselect: true, ct) is { } missing)
        {
            return missing;
        }

        Case = View.Case;
        return Page();
    }

    public async Task<IActionResult> OnPostReserveAsync(int id, CancellationToken ct)
    {
        var itemIds = await db.LoanLines.Where(x => x.LoanId == id).Select(x => x.CatalogueItemId).Distinct().ToListAsync(ct);
        if (itemIds.Count == 0)
        {
            return NotFound();
        }

        loanId = id;
        var separateDuties = (await Settings.LoadAsync(db, ct)).SeparateDuties;
        var reference = await db.InReservationAsync(itemIds, async () =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
            var free = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, Today, firmOnly: false, excludeLoanId: id, ct);
            var chosen = await db.Assets.Where(a => Units.Contains(a.Id)).ToListAsync(ct);
            var unitsByLine = loan.Lines.Where(l => !l.IsPooled).ToDictionary(
                l => l.Id, l => (IReadOnlyList<Asset>)chosen.Where(a => a.CatalogueItemId == l.CatalogueItemId).ToList());
            loan.Check(current.Actor, Case, unitsByLine, free, Today, time.GetUtcNow().UtcDateTime, separateDuties);
            await db.SaveChangesAsync(ct);
            return loan.Reference;
        }, ct);
        this.Flash(s["ตรวจสอบและจองพัสดุตามคำขอเลขที่ {0} แล้ว เสนอผู้มีอำนาจอนุมัติ", reference].Value);
        return RedirectToPage("/Supplies/Index");
    }

    public async Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken ct)
    {
        var loan = await db.LoanAsync(id, ct);
        if (loan is null)
        {
            return NotFound();
        }

        loanId = id;
        loan.SendBack(current.Actor, Reason ?? "", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        this.Flash(s["ส่งคำขอเลขที่ {0} กลับให้ผู้ยืมแก้ไขแล้ว", loan.Reference].Value);
        return RedirectToPage("/Supplies/Index");
    }

    /// <summary>The units beside the unit picker, the case beside the case choice, the send-back reason beside its box.</summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error) =>
        error.Code.StartsWith("Loan.Unit", StringComparison.Ordinal) ? nameof(Units)
        : error.Code.Contains("Case", StringComparison.Ordinal) ? nameof(Case)
        : error.Code == "Loan.ReasonRequired" ? nameof(Reason)
        : "";

    Task IShowsRuleErrors.ReloadAsync(CancellationToken ct) => LoadAsync(loanId, preselect: false, ct);

    /// <summary>The loan, each line's free quantity and free units for its period (this loan excluded), and the other loans in the way.</summary>
    private async Task<IActionResult?> LoadAsync(int id, bool preselect, CancellationToken ct)
    {
        var view = await LoanView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var context = await view.ActionContextAsync(db, Today, ct);
        SeparateDuties = context.SeparateDuties;
        Refusal = LoanActions.Refusal(view.Facts, current.Actor, LoanAction.Check, context);
        MaySendBack = LoanActions.Refusal(view.Facts, current.Actor, LoanAction.SendBack, context) is null;
        var itemIds = view.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var free = await db.AvailabilityAsync(itemIds, view.StartOn, view.DueOn, Today, firmOnly: false, excludeLoanId: id, ct);
        var lines = new List<LineCheck>();
        foreach (var line in view.Lines)
        {
            var units = line.IsPooled
                ? []
                : (await db.FreeUnitsAsync(line.CatalogueItemId, view.StartOn, view.DueOn, Today, id, ct))
                    .Select(a => new UnitChoice(a.Id, a.AssetNumber, a.Location, a.Condition, a.Status)).ToList();
            lines.Add(new LineCheck(line, free.TryGetValue(line.CatalogueItemId, out var f) ? f.FreeQuantity : 0, units));
        }

        Lines = lines;
        if (preselect)
        {
            Units = lines.SelectMany(l => l.FreeUnits.Take(l.Line.Quantity).Select(u => u.Id)).ToList();
        }

        var commitments = (await db.CommitmentsAsync(itemIds, view.StartOn, view.DueOn, Today, ct)).Where(c => c.LoanId != id).ToList();
        var loanIds = commitments.Select(c => c.LoanId).Distinct().ToList();
        var others = await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id)).Select(l => new { l.Id, l.Reference, l.Status }).ToDictionaryAsync(l => l.Id, ct);
        var numbers = await db.Assets.AsNoTracking().Where(a => itemIds.Contains(a.CatalogueItemId)).Select(a => new { a.Id, a.AssetNumber }).ToDictionaryAsync(a => a.Id, a => a.AssetNumber, ct);
        var names = view.Lines.ToDictionary(l => l.CatalogueItemId, l => l.ItemName);
        Conflicts = commitments
            .GroupBy(c => (c.LoanId, c.CatalogueItemId))
            .Select(g => new Conflict(g.Key.LoanId, others[g.Key.LoanId].Reference, others[g.Key.LoanId].Status, names[g.Key.CatalogueItemId],
                g.Sum(c => c.Quantity), g.Where(c => c.AssetId is not null).Select(c => numbers.GetValueOrDefault(c.AssetId!.Value, "")).Order().ToList(),
                g.Min(c => c.From), g.Max(c => c.To)))
            .OrderBy(c => c.From)
            .ToList();
        return null;
    }

    public sealed record LineCheck(LoanLineView Line, int Free, IReadOnlyList<UnitChoice> FreeUnits)
    {
        /// <summary>
        /// The free count decides for numbered lines too: a unit no loan holds may still be the substitute another
        /// request needs, whose reserved unit broke on the shelf (<see cref="AvailabilityCalculator.UnitsFree"/>).
        /// </summary>
        public bool Enough => Free >= Line.Quantity;

        /// <summary>Units held by nobody that other requests need as substitutes for reserved units no longer on the shelf.</summary>
        public bool SubstitutesOwed => !Line.IsPooled && FreeUnits.Count > Free;
    }

    public sealed record UnitChoice(int Id, string AssetNumber, string? Location, string? Condition, AssetStatus Status);

    public sealed record Conflict(int LoanId, string Reference, LoanStatus Status, string ItemName, int Quantity, IReadOnlyList<string> AssetNumbers, DateOnly From, DateOnly To);
}
