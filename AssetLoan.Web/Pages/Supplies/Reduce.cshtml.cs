using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
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
/// ลดจำนวนตามที่ผู้ยืมยินยอม (issue 11 §3): before the day, the officer re-checks a loan the shelf will not cover —
/// each line with what the shelf covers, the new quantities (prefilled with what is covered), the units kept, and how
/// the borrower agreed. Cancelling with a reason stays on the loan page.
/// </summary>
public sealed class ReduceModel(AppDbContext db, TimeProvider time, CurrentActor current, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public IReadOnlyList<LineCoverage> Lines { get; private set; } = [];

    /// <summary>Reserved units of the numbered lines by asset id: their numbers, for the "keep" boxes.</summary>
    public IReadOnlyDictionary<int, string> UnitNumbers { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, IReadOnlyList<int>> ReservedUnits { get; private set; } = new Dictionary<int, IReadOnlyList<int>>();

    public IReadOnlyDictionary<int, string> UnitNouns { get; private set; } = new Dictionary<int, string>();

    public bool CanReduce { get; private set; }

    /// <summary>Why this officer may not reduce the loan although it is at that step (their own loan), or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Version = await db.Loans.Where(l => l.Id == id).Select(l => l.Version).SingleAsync(ct),
            Lines = Lines.Select(l => new LineInput { LineId = l.LineId, Quantity = l.Covered, Keep = l.OnShelfUnitIds.ToList() }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var loan = (await db.LoanAsync(id, ct))!;
        db.Entry(loan).Property(l => l.Version).OriginalValue = Input.Version;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var reductions = Input.Lines.Select(l => new LineReduction(l.LineId, l.Quantity ?? -1, Kept(l))).ToList();
        loan.ReduceByAgreement(current.Actor, reductions, Input.Agreement ?? "", nowUtc);
        await db.SaveChangesAsync(ct);
        this.Flash(string.Format(System.Globalization.CultureInfo.CurrentCulture, s["ลดจำนวนพัสดุตามคำขอเลขที่ {0} ตามที่ผู้ยืมยินยอมแล้ว และแจ้งผู้ยืมแล้ว"].Value, loan.Reference));
        return RedirectToPage("/Loans/Details", new { id });
    }

    private IReadOnlyList<int> Kept(LineInput line) =>
        LineReduction.UnitsToKeep(line.Keep, line.Quantity, Lines.FirstOrDefault(l => l.LineId == line.LineId)?.OnShelfUnitIds ?? [], UnitNumbers);

    string IShowsRuleErrors.FieldFor(DomainRuleException error) => FieldOf(error);

    private string FieldOf(DomainRuleException ex)
    {
        if (ex.Code == "Loan.AgreementRequired")
        {
            return "Input.Agreement";
        }

        var index = ex.LineId is { } lineId ? Input.Lines.FindIndex(l => l.LineId == lineId) : -1;
        return index < 0 ? "" : $"Input.Lines[{index}].Quantity";
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, id, ct);
        if (summary is null)
        {
            return false;
        }

        Loan = summary;
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var calendar = await db.WorkingCalendarAsync(ct);
        Lines = (await db.ShelfCoverageAsync([id], today, calendar, ct)).GetValueOrDefault(id) ?? [];
        var lineIds = Lines.Select(l => l.LineId).ToList();
        var units = await db.LoanUnits.AsNoTracking().Where(u => lineIds.Contains(u.LoanLineId) && u.IssuedAtUtc == null)
            .OrderBy(u => u.AssetNumber).Select(u => new { u.LoanLineId, u.AssetId, u.AssetNumber }).ToListAsync(ct);
        UnitNumbers = units.ToDictionary(u => u.AssetId, u => u.AssetNumber);
        ReservedUnits = units.GroupBy(u => u.LoanLineId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(u => u.AssetId).ToList());
        UnitNouns = await db.LoanLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.UnitNoun, ct);
        // The form is shown only when the loan page would offer "reduce" to this officer (LoanActions).
        var refusal = await LoanDesk.RefusalAsync(db, id, current.Actor, LoanAction.Reduce, today, ct);
        Refusal = LoanDesk.RefusalMessage(refusal, s);
        CanReduce = refusal is null;
        Input.Lines = Lines.Select(l => Input.Lines.FirstOrDefault(x => x.LineId == l.LineId) ?? new LineInput { LineId = l.LineId, Quantity = l.Quantity }).ToList();
        return true;
    }

    public sealed class InputModel
    {
        public Guid Version { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        [Required(ErrorMessage = "กรุณาบันทึกว่าผู้ยืมยินยอมอย่างไร เมื่อใด")]
        [StringLength(500, ErrorMessage = "ข้อความยาวเกิน 500 ตัวอักษร")]
        public string? Agreement { get; set; }
    }

    public sealed class LineInput
    {
        public int LineId { get; set; }

        [Required(ErrorMessage = "กรุณากรอกจำนวน")]
        [Range(0, 100_000, ErrorMessage = "จำนวนต้องไม่ติดลบ")]
        public int? Quantity { get; set; }

        public List<int> Keep { get; set; } = [];
    }
}
