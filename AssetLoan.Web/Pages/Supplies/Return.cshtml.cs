using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// รับคืนและตรวจสภาพ (rule 7): per line, numbered units good / damaged / lost by scanning or ticking, pool quantities
/// as counts, missing checklist parts. A partial return keeps the loan open; damage and loss open compensation cases.
/// </summary>
public sealed class ReturnModel(AppDbContext db, TimeProvider time, CurrentActor current, IStringLocalizer<SharedResource> s, ILogger<ReturnModel> log) : PageModel, IShowsRuleErrors
{
    public AuditTimeline Timeline { get; private set; } = AuditTimeline.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public IReadOnlyList<ReturnLine> Lines { get; private set; } = [];

    public bool CanReturn { get; private set; }

    /// <summary>Why this officer may not receive the loan back although items are out (their own loan), or null.</summary>
    public string? Refusal { get; private set; }

    public int OpenCases { get; private set; }

    /// <summary>The last on-time return day: the due date, or the first working day after it when it falls on a holiday.</summary>
    public DateOnly ReturnBy { get; private set; }

    /// <summary>Days late if the items come back today (0: on time).</summary>
    public int DaysLate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var loan = await LoadAsync(id, ct);
        if (loan is null)
        {
            return NotFound();
        }

        Input = new InputModel { Version = loan.Version };
        Input.Lines = Lines.Select(l => new LineInput { LineId = l.LineId, Units = l.OutUnits.Select(u => new UnitInput { AssetId = u.AssetId }).ToList() }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostScanAsync(int id, CancellationToken ct)
    {
        var loan = await LoadAsync(id, ct);
        if (loan is null)
        {
            return NotFound();
        }

        await ApplyScansAsync(loan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var view = await LoadAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        await ApplyScansAsync(view, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var loan = (await db.LoanAsync(id, ct))!;
        db.Entry(loan).Property(l => l.Version).OriginalValue = Input.Version;
        var casesBefore = loan.Compensations.Count;
        var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
        var assets = await db.Assets.Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
        var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        loan.Return(current.Actor, Input.ToReturns(), assets, items, BangkokTime.Today(nowUtc), nowUtc);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Loan {LoanId} received back ({Status}) by {UserId}", id, loan.Status, current.Actor.UserId);
        var opened = loan.Compensations.Count - casesBefore;
        if (opened > 0)
        {
            this.Flash(string.Format(System.Globalization.CultureInfo.CurrentCulture, s["บันทึกการรับคืนแล้ว มีกรณีชำรุด สูญหาย หรือชิ้นส่วนไม่ครบ {0} กรณี รอพิจารณาการชดใช้"].Value, opened));
            return RedirectToPage("/Supplies/Compensation", new { loanId = id });
        }

        this.Flash(loan.Status == LoanStatus.Closed
            ? s["รับคืนครบถ้วนและปิดรายการยืมแล้ว"].Value
            : s["บันทึกการรับคืนแล้ว"].Value);
        return RedirectToPage("/Supplies/Return", new { id });
    }

    /// <summary>A rule about one line is shown beside that line's field: the description of what came back, else its quantity.</summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error) => FieldOf(error);

    private string FieldOf(DomainRuleException ex)
    {
        var index = ex.LineId is { } lineId ? Input.Lines.FindIndex(l => l.LineId == lineId) : -1;
        if (index < 0)
        {
            return "";
        }

        return ex.Code.StartsWith("Loan.InKindDescription", StringComparison.Ordinal) ? $"Input.Lines[{index}].InKind" : $"Input.Lines[{index}].PoolGood";
    }

    private async Task<AssetLoan.Domain.Loans.Loan?> LoadAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, id, ct);
        var loan = summary is null ? null : await db.LoanAsync(id, ct, tracked: false);
        if (summary is null || loan is null)
        {
            return null;
        }

        Loan = summary;
        Timeline = await AuditTimeline.ForLoanAsync(db, s, id, ct);
        var calendar = await db.WorkingCalendarAsync(ct);
        ReturnBy = calendar.ReturnBy(summary.DueOn);
        DaysLate = calendar.DaysLate(summary.DueOn, BangkokTime.Today(time.GetUtcNow().UtcDateTime));
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
        var checklists = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ChecklistText, ct);
        var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
        var tags = await db.Assets.AsNoTracking().Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Tag, ct);
        Lines = loan.Lines.OrderBy(l => l.Id).Select(l => new ReturnLine(
                l.Id, l.ItemName, l.UnitNoun, l.IsPooled, l.ReturnsInKind, l.InKindReceipts, l.IssuedQuantity, l.Outstanding, l.ReturnedGood, l.ReturnedDamaged, l.ReturnedLost,
                checklists.GetValueOrDefault(l.CatalogueItemId, "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
                l.Units.Where(u => u.IsOut).OrderBy(u => u.AssetNumber).Select(u => new OutUnit(u.AssetId, u.AssetNumber, tags.GetValueOrDefault(u.AssetId, ""))).ToList(),
                l.Units.Where(u => u.ReturnedAtUtc is not null).OrderBy(u => u.AssetNumber).Select(u => new BackUnit(u.AssetNumber, u.ReturnCondition!.Value, u.ReturnNote, u.ReturnedAtUtc!.Value)).ToList(),
                l.ReturnNote))
            .ToList();
        // The form is shown only when the loan page would offer "receive back" to this officer (LoanActions).
        var refusal = await LoanDesk.RefusalAsync(db, id, current.Actor, LoanAction.Return, BangkokTime.Today(time.GetUtcNow().UtcDateTime), ct);
        Refusal = LoanDesk.RefusalMessage(refusal, s);
        CanReturn = refusal is null;
        OpenCases = loan.Compensations.Count(c => !c.IsSettled);
        Input.Lines = Lines.Select(l =>
        {
            var posted = Input.Lines.FirstOrDefault(x => x.LineId == l.LineId) ?? new LineInput { LineId = l.LineId };
            posted.Units = l.OutUnits.Select(u => posted.Units.FirstOrDefault(x => x.AssetId == u.AssetId) ?? new UnitInput { AssetId = u.AssetId }).ToList();
            return posted;
        }).ToList();
        return loan;
    }

    /// <summary>A scanned unit that is out on this line is marked as back in good condition (the officer changes it if not).</summary>
    private async Task ApplyScansAsync(AssetLoan.Domain.Loans.Loan loan, CancellationToken ct)
    {
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var line = Input.Lines[i];
            if (string.IsNullOrWhiteSpace(line.Scan))
            {
                continue;
            }

            var key = $"Input.Lines[{i}].Scan";
            var match = await db.FindByScanAsync(line.Scan, ct);
            UnitInput? unit;
            try
            {
                var asset = ScannedUnit.Require(match?.Asset, poolLabel: match is { Asset: null });
                unit = line.Units.FirstOrDefault(u => u.AssetId == asset.Id);
                var isOut = unit is not null && loan.Lines.Any(l => l.Id == line.LineId && l.Units.Any(u => u.AssetId == unit.AssetId && u.IsOut));
                DomainRuleException.ThrowIf(!isOut, "Loan.UnitNotOut", "That unit is not out on this line.");
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddDomainError(ex, s, key);
                continue;
            }

            var index = line.Units.IndexOf(unit!);
            unit!.Condition ??= ReturnCondition.Good;
            ModelState.Remove($"Input.Lines[{i}].Units[{index}].Condition");
            line.Scan = null;
            ModelState.Remove(key);
        }
    }

    public sealed record ReturnLine(int LineId, string ItemName, string UnitNoun, bool IsPooled, bool ReturnsInKind, IReadOnlyList<InKindReceipt> InKindReceipts, int Issued, int Outstanding, int Good, int Damaged, int Lost,
        IReadOnlyList<string> Checklist, IReadOnlyList<OutUnit> OutUnits, IReadOnlyList<BackUnit> BackUnits, string? ReturnNote);

    public sealed record OutUnit(int AssetId, string AssetNumber, string Tag);

    public sealed record BackUnit(string AssetNumber, ReturnCondition Condition, string? Note, DateTime ReturnedAtUtc);

    public sealed class InputModel
    {
        public Guid Version { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        public IReadOnlyList<LineReturn> ToReturns() =>
            Lines.Select(l => new LineReturn(
                    l.LineId,
                    l.Units.Where(u => u.Condition is not null).Select(u => new UnitReturn(u.AssetId, u.Condition!.Value, u.Note)).ToList(),
                    l.PoolGood, l.PoolDamaged, l.PoolLost,
                    l.MissingParts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList(),
                    l.Note,
                    l.InKind))
                .Where(r => r.Units.Count > 0 || r.PoolGood + r.PoolDamaged + r.PoolLost > 0 || r.MissingParts.Count > 0 || !string.IsNullOrWhiteSpace(r.InKind))
                .ToList();
    }

    public sealed class LineInput
    {
        public int LineId { get; set; }

        public List<UnitInput> Units { get; set; } = [];

        [StringLength(200)]
        public string? Scan { get; set; }

        [Range(0, 100_000, ErrorMessage = "จำนวนต้องไม่ติดลบ")]
        public int PoolGood { get; set; }

        [Range(0, 100_000, ErrorMessage = "จำนวนต้องไม่ติดลบ")]
        public int PoolDamaged { get; set; }

        [Range(0, 100_000, ErrorMessage = "จำนวนต้องไม่ติดลบ")]
        public int PoolLost { get; set; }

        public List<string> MissingParts { get; set; } = [];

        [StringLength(1000, ErrorMessage = "หมายเหตุยาวเกินไป")]
        public string? Note { get; set; }

        /// <summary>Consumable lines: what was given back in kind (kind, brand, size).</summary>
        [StringLength(InKindReceipt.DescriptionMaxLength, ErrorMessage = "รายละเอียดสิ่งของที่รับคืนยาวเกิน 300 ตัวอักษร")]
        public string? InKind { get; set; }
    }

    public sealed class UnitInput
    {
        public int AssetId { get; set; }

        /// <summary>Null: not back yet.</summary>
        public ReturnCondition? Condition { get; set; }

        [StringLength(1000, ErrorMessage = "หมายเหตุยาวเกินไป")]
        public string? Note { get; set; }
    }
}
