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
/// หนังสือทวงถาม (ข้อ ๒๑๑) in the municipality's own form: a หนังสือภายนอก to an outside borrower, a บันทึกข้อความ to
/// staff. Opened without a demand it is a draft; "ออกหนังสือ" (a POST, supplies officers only) records the demand once —
/// date, channel letter, the letter's number, by whom — and shows the letter as issued (<c>?demand=</c>), which can be
/// reprinted any number of times without recording anything again. The approvers and the auditor read it.
/// </summary>
[ReadableBy(Roles.FinanceDirector, Roles.Executive, Roles.Auditor)]
public sealed class DemandLetterModel(AppDbContext db, TimeProvider time, CurrentActor current, FileStorage files, IStringLocalizer<SharedResource> s) : PageModel
{
    /// <summary>A draft's number typed above it (kept for printing a draft by hand).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>The issued demand to show.</summary>
    [BindProperty(SupportsGet = true, Name = "demand")]
    public int? DemandId { get; set; }

    [BindProperty]
    public IssueInput Issue { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public OfficialLetter Letter { get; private set; } = null!;

    public Demand? Issued { get; private set; }

    public IReadOnlyList<Demand> Letters { get; private set; } = [];

    public IReadOnlyList<OutstandingLine> Lines { get; private set; } = [];

    public int PreviousDemands { get; private set; }

    public int DaysOverdue { get; private set; }

    /// <summary>A supplies officer, the loan overdue and out: the "ออกหนังสือ" form is shown.</summary>
    public bool CanIssue { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        DemandId = null;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Issue.IssuedOn is not { } issuedOn)
        {
            return Page();
        }

        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        Demand demand;
        try
        {
            demand = loan.IssueDemandLetter(current.Actor, issuedOn, Issue.Number!, BangkokTime.Today(nowUtc), nowUtc, await db.WorkingCalendarAsync(ct));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, ex.Code == "Loan.DemandDate" ? "Issue.IssuedOn" : ex.Code.StartsWith("Loan.LetterNumber", StringComparison.Ordinal) ? "Issue.Number" : "");
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two taps at once: the other one issued this letter; answer with it.
            db.ChangeTracker.Clear();
            var fresh = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
            if (fresh.LetterIssuedAgain(current.Actor, issuedOn, Issue.Number!, nowUtc) is { } same)
            {
                return RedirectToPage("/Supplies/DemandLetter", new { id, demand = same.Id });
            }

            ModelState.AddDomainError(new DomainRuleException("Loan.Concurrency", "Someone changed this loan; review it again."), s);
            return Page();
        }

        this.Flash(string.Format(System.Globalization.CultureInfo.CurrentCulture, s["ออกหนังสือทวงถามเลขที่ {0} และบันทึกการทวงถามแล้ว"].Value, demand.LetterNumber));
        return RedirectToPage("/Supplies/DemandLetter", new { id, demand = demand.Id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, id, ct);
        if (summary is null)
        {
            return false;
        }

        Loan = summary;
        var settings = await Settings.LoadAsync(db, ct);
        var letters = await LetterSettings.LoadAsync(db, ct);
        var calendar = await db.WorkingCalendarAsync(ct);
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var demands = await db.Demands.AsNoTracking().Where(d => d.LoanId == id).OrderBy(d => d.IssuedOn).ThenBy(d => d.Id).ToListAsync(ct);
        Letters = demands.Where(d => d.LetterNumber != null).ToList();
        if (DemandId is { } demandId)
        {
            Issued = demands.SingleOrDefault(d => d.Id == demandId && d.LetterNumber != null);
            if (Issued is null)
            {
                return false;
            }
        }

        var on = Issued?.IssuedOn ?? today;
        PreviousDemands = demands.Count(d => Issued is null || d.IssuedOn < Issued.IssuedOn || (d.IssuedOn == Issued.IssuedOn && d.Id < Issued.Id));
        DaysOverdue = FollowUp.DaysOverdue(summary.DueOn, on, calendar);
        var lines = await db.LoanLines.AsNoTracking().Where(l => l.LoanId == id).OrderBy(l => l.Id)
            .Select(l => new { l.ItemName, l.UnitNoun, l.IssuedQuantity, Back = l.ReturnedGood + l.ReturnedDamaged + l.ReturnedLost, Units = l.Units.Where(u => u.IssuedAtUtc != null && u.ReturnedAtUtc == null).Select(u => u.AssetNumber).ToList() })
            .ToListAsync(ct);
        Lines = lines.Where(l => l.IssuedQuantity > l.Back)
            .Select(l => new OutstandingLine(l.ItemName, l.UnitNoun, l.IssuedQuantity - l.Back, l.Units.Order().ToList()))
            .ToList();
        var to = summary.Addressee + (summary.Addressee != summary.BorrowerName ? $" ({summary.BorrowerName})" : "");
        Letter = new OfficialLetter(summary.BorrowerKind, Issued?.LetterNumber ?? Number, on, "ขอให้ส่งคืนพัสดุที่ยืม", to,
            $"ใบยืมพัสดุ เลขที่ {summary.Reference} ลงวันที่ {ThaiDate.FormatLong(BangkokTime.Today(summary.SubmittedAtUtc))}", settings, letters, letters.DemandSigner)
        {
            EmblemDataUrl = await OfficialLetter.EmblemDataUrlAsync(files, letters, ct),
        };
        CanIssue = Issued is null && User.IsInRole(Roles.SuppliesOfficer)
            && LoanTransitions.Allows(summary.Status, LoanAction.RecordDemand) && FollowUp.IsOverdue(summary.Status, summary.DueOn, today, calendar);
        if (Issue.IssuedOn is null)
        {
            Issue.IssuedOn = today;
        }

        ViewData["Back"] = User.IsInRole(Roles.SuppliesOfficer) ? $"/supplies/demand/{id}" : "/supplies/overdue";
        return true;
    }

    public sealed record OutstandingLine(string ItemName, string UnitNoun, int Quantity, IReadOnlyList<string> AssetNumbers);

    public sealed class IssueInput
    {
        [Required(ErrorMessage = "กรุณากรอกเลขที่หนังสือ")]
        [StringLength(40, ErrorMessage = "เลขที่หนังสือยาวเกินไป")]
        [Display(Name = "เลขที่หนังสือ")]
        public string? Number { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณากรอกวันที่ทวงถาม")]
        [Display(Name = "ลงวันที่")]
        public DateOnly? IssuedOn { get; set; }
    }
}
