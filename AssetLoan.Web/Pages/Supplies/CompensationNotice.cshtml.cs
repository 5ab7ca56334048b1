using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.Payments;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// หนังสือแจ้งให้ชดใช้ (ข้อ ๒๐๙) for a compensation the FinanceDirector confirmed: the method, the amount in figures and
/// in Thai words, the basis, the deadline and, for a payment, the PromptPay QR; in the municipality's form (external
/// letter or memo by borrower kind). Below it, for a supplies officer, บันทึกการรับชดใช้ (date, amount, receipt number)
/// settles the case; the approvers and the auditor read both.
/// </summary>
[ReadableBy(Roles.FinanceDirector, Roles.Executive, Roles.Auditor)]
public sealed class CompensationNoticeModel(AppDbContext db, TimeProvider time, CurrentActor current, FileStorage files, IStringLocalizer<SharedResource> s) : PageModel
{
    /// <summary>Days the borrower has to compensate, counted from the letter's date.</summary>
    public const int DeadlineDays = 30;

    /// <summary>The notice's number (the municipality's outgoing register) typed above it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>The letter's date (ISO or dd/MM/พ.ศ.); today when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    [BindProperty]
    public ReceiptInput Receipt { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public CompensationCase Case { get; private set; } = null!;

    public string ItemName { get; private set; } = "";

    public OfficialLetter Letter { get; private set; } = null!;

    public string? QrDataUrl { get; private set; }

    public string? QrProblem { get; private set; }

    public DateOnly Deadline => Letter.On.AddDays(DeadlineDays);

    public string AmountInWords => ThaiBahtText.Write(Case.FinalAmount ?? 0);

    /// <summary>A supplies officer and a confirmed case: the receipt form is shown.</summary>
    public bool CanRecordReceipt { get; private set; }

    /// <summary>A notice exists only for a decision the FinanceDirector confirmed (or one already settled).</summary>
    public async Task<IActionResult> OnGetAsync(int caseId, CancellationToken ct) =>
        await LoadAsync(caseId, ct) is null || Case.Status is not (CompensationStatus.Confirmed or CompensationStatus.Settled) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int caseId, CancellationToken ct)
    {
        if (await LoadAsync(caseId, ct) is not { } loanId)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Receipt.ReceivedOn is not { } receivedOn)
        {
            return Page();
        }

        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId, ct);
        try
        {
            var amount = Case.Method == CompensationMethod.Pay ? Receipt.Amount : null;
            DomainRuleException.ThrowIf(Case.Method == CompensationMethod.Pay && amount is null, "Compensation.AmountMismatch", "");
            loan.SettleCompensation(caseId, current.Actor, receivedOn, amount, Receipt.ReceiptNumber, Receipt.Note, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, ex.Code switch
            {
                "Compensation.AmountMismatch" => "Receipt.Amount",
                "Compensation.ReceiptRequired" => "Receipt.ReceiptNumber",
                "Compensation.SettledInFuture" => "Receipt.ReceivedOn",
                _ => "",
            });
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddDomainError(new DomainRuleException("Loan.Concurrency", "Someone changed this loan; review it again."), s);
            return Page();
        }

        this.Flash(s["บันทึกการรับชดใช้แล้ว กรณีนี้ยุติแล้ว"].Value);
        return RedirectToPage("/Supplies/CompensationNotice", new { caseId });
    }

    private async Task<int?> LoadAsync(int caseId, CancellationToken ct)
    {
        var found = await db.CompensationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null || await LoanDesk.HeaderAsync(db, found.LoanId, ct) is not { } summary)
        {
            return null;
        }

        Case = found;
        Loan = summary;
        ItemName = await db.LoanLines.AsNoTracking().Where(l => l.Id == found.LoanLineId).Select(l => l.ItemName).SingleAsync(ct);
        var settings = await Settings.LoadAsync(db, ct);
        var letters = await LetterSettings.LoadAsync(db, ct);
        var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var on = ThaiDate.TryParse(On, out var typed) ? typed : today;
        var to = summary.Addressee + (summary.Addressee != summary.BorrowerName ? $" ({summary.BorrowerName})" : "");
        Letter = new OfficialLetter(summary.BorrowerKind, Number, on, "แจ้งให้ชดใช้พัสดุที่" + LoanText.Kind(found.Kind), to,
            $"ใบยืมพัสดุ เลขที่ {summary.Reference} ลงวันที่ {ThaiDate.FormatLong(BangkokTime.Today(summary.SubmittedAtUtc))}", settings, letters, letters.NoticeSigner)
        {
            EmblemDataUrl = await OfficialLetter.EmblemDataUrlAsync(files, letters, ct),
        };
        if (found.Method == CompensationMethod.Pay && found.Status == CompensationStatus.Confirmed)
        {
            if (string.IsNullOrWhiteSpace(settings.PromptPayTarget))
            {
                QrProblem = "ยังไม่ได้ตั้งค่าเลขพร้อมเพย์ของเทศบาล (ผู้ดูแลระบบตั้งค่าได้) จึงแสดงคิวอาร์โค้ดชำระเงินไม่ได้";
            }
            else
            {
                try
                {
                    QrDataUrl = PaymentQr.DataUrl(settings.PromptPayTarget, found.FinalAmount ?? 0);
                }
                catch (DomainRuleException)
                {
                    QrProblem = "เลขพร้อมเพย์ที่ตั้งค่าไว้ไม่ถูกต้อง จึงแสดงคิวอาร์โค้ดชำระเงินไม่ได้";
                }
            }
        }

        CanRecordReceipt = found.Status == CompensationStatus.Confirmed && User.IsInRole(Roles.SuppliesOfficer);
        Receipt.ReceivedOn ??= today;
        ViewData["Back"] = User.IsInRole(Roles.SuppliesOfficer) ? $"/supplies/compensation/{found.LoanId}" : "/supplies/overdue";
        return found.LoanId;
    }

    public sealed class ReceiptInput
    {
        [BuddhistDate]
        [Required(ErrorMessage = "กรุณากรอกวันที่รับชดใช้")]
        [Display(Name = "วันที่รับชดใช้")]
        public DateOnly? ReceivedOn { get; set; }

        [Range(0, 100_000_000, ErrorMessage = "จำนวนเงินต้องไม่ติดลบ")]
        [Display(Name = "จำนวนเงินที่รับ (บาท)")]
        public decimal? Amount { get; set; }

        [StringLength(100, ErrorMessage = "เลขที่ใบเสร็จยาวเกินไป")]
        [Display(Name = "เลขที่ใบเสร็จรับเงิน")]
        public string? ReceiptNumber { get; set; }

        [StringLength(1000, ErrorMessage = "หมายเหตุยาวเกินไป")]
        [Display(Name = "หมายเหตุ")]
        public string? Note { get; set; }
    }
}
