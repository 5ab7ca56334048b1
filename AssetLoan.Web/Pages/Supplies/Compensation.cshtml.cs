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
/// การชดใช้ (ข้อ ๒๐๙), the officer's part: decide per case how the borrower compensates (repair, replace in kind, or
/// pay the value when borrowed — proposed from the value snapshotted at handover), then record the settlement once the
/// FinanceDirector confirmed. A payment in money shows the PromptPay QR with the exact amount.
/// </summary>
public sealed class CompensationModel(AppDbContext db, TimeProvider time, CurrentActor current, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public DecideInput Decide { get; set; } = new();

    [BindProperty]
    public SettleInput Settle { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    public Settings Settings { get; private set; } = new();

    public DateOnly Today { get; private set; }

    /// <summary>The case whose form was posted (its errors and typed values are shown in that form).</summary>
    public int? PostedCaseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int loanId, CancellationToken ct) =>
        await LoadAsync(loanId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(int loanId, CancellationToken ct)
    {
        KeepOnly("Decide.");
        if (!await LoadAsync(loanId, ct))
        {
            return NotFound();
        }

        PostedCaseId = Decide.CaseId;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var amount = Decide.Amount ?? 0m;
        return await ChangeAsync(loanId, (loan, actor, nowUtc) =>
            loan.DecideCompensation(Decide.CaseId, actor, Decide.Method, amount, Decide.Basis, nowUtc),
            _ => s["บันทึกการพิจารณาการชดใช้แล้ว รอผู้อำนวยการกองคลังยืนยัน"].Value, ct);
    }

    public async Task<IActionResult> OnPostSettleAsync(int loanId, CancellationToken ct)
    {
        KeepOnly("Settle.");
        if (!await LoadAsync(loanId, ct))
        {
            return NotFound();
        }

        PostedCaseId = Settle.CaseId;
        if (!ModelState.IsValid || Settle.SettledOn is not { } settledOn)
        {
            return Page();
        }

        // What comes back into stock is recorded with the settlement, in the same save (issue 11 §5).
        var settled = await db.CompensationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Settle.CaseId && c.LoanId == loanId, ct);
        if (settled is null)
        {
            return NotFound();
        }

        var itemId = await db.LoanLines.Where(l => l.Id == settled.LoanLineId).Select(l => l.CatalogueItemId).SingleAsync(ct);
        var item = await db.CatalogueItems.SingleAsync(i => i.Id == itemId, ct);
        var unit = settled.AssetId is { } assetId ? await db.Assets.SingleOrDefaultAsync(a => a.Id == assetId, ct) : null;
        var back = new StockBack(Settle.InService, Settle.ReplacementAssetNumber);
        if (SettlementStock.NeedsReplacementNumber(settled.Method, settled.Kind, item.IsPooled))
        {
            DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(Settle.ReplacementAssetNumber), "Compensation.ReplacementNumberRequired", "");
            var number = AssetLoan.Domain.Assets.AssetNumbers.Normalize(Settle.ReplacementAssetNumber!);
            DomainRuleException.ThrowIf(await db.Assets.AnyAsync(a => a.AssetNumber == number, ct), "Asset.NumberTaken", "");
        }

        return await ChangeAsync(loanId, (loan, actor, nowUtc) =>
            {
                loan.SettleCompensation(Settle.CaseId, actor, settledOn, Settle.ReceivedAmount, Settle.ReceiptNumber, Settle.Note, nowUtc);
                var replacement = SettlementStock.Apply(loan.Compensations.Single(c => c.Id == Settle.CaseId), item, unit, back,
                    AssetLoan.Domain.Assets.Tags.NewTag(), nowUtc);
                if (replacement is not null)
                {
                    db.Assets.Add(replacement);
                }
            },
            loan => loan.Status == LoanStatus.Closed
                ? s["บันทึกการชดใช้แล้ว ทุกกรณียุติและรับคืนครบ จึงปิดรายการยืมแล้ว"].Value
                : s["บันทึกการชดใช้แล้ว"].Value, ct);
    }

    /// <summary>
    /// Each form's problems beside its own fields: the decide form's basis and amount, the settle form's receipt, sum, date
    /// and the replacement's asset number (checked before the settlement, so a number refused is that field's, not the register's).
    /// The posted case's form was loaded before the rule was refused, so nothing reloads.
    /// </summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error, string handler) => handler switch
    {
        "Decide" => error.Code switch
        {
            "Compensation.BasisRequired" or "Compensation.ValueUnknownBasisRequired" => "Decide.Basis",
            "Compensation.AmountRequired" or "Compensation.AmountNegative" => "Decide.Amount",
            _ => "",
        },
        "Settle" => error.Code switch
        {
            "Compensation.ReceiptRequired" => "Settle.ReceiptNumber",
            "Compensation.ReceivedAmountRequired" or "Compensation.AmountMismatch" => "Settle.ReceivedAmount",
            "Compensation.SettledInFuture" => "Settle.SettledOn",
            "Compensation.ReplacementNumberRequired" or "Asset.NumberTaken" or "Asset.NumberRequired" or "Asset.NumberTooLong" or "Asset.NumberInvalid"
                => "Settle.ReplacementAssetNumber",
            _ => "",
        },
        _ => "",
    };

    /// <summary>Load tracked, one domain call, save once; a refused rule or a lost race escapes to <see cref="RuleErrorFilter"/>.</summary>
    private async Task<IActionResult> ChangeAsync(int loanId, Action<AssetLoan.Domain.Loans.Loan, Domain.People.Actor, DateTime> change, Func<AssetLoan.Domain.Loans.Loan, string> flash, CancellationToken ct)
    {
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId, ct);
        change(loan, current.Actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        this.Flash(flash(loan));
        return RedirectToPage("/Supplies/Compensation", new { loanId });
    }

    private async Task<bool> LoadAsync(int loanId, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, loanId, ct);
        if (summary is null)
        {
            return false;
        }

        Loan = summary;
        Cases = await CompensationCases.ForLoanAsync(db, loanId, ct);
        Settings = await Settings.LoadAsync(db, ct);
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        return true;
    }

    /// <summary>
    /// Both inputs are bound on every post; only the posted form's input counts (the other one, with no values, may
    /// have been bound without its prefix, so everything else is dropped).
    /// </summary>
    private void KeepOnly(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    public sealed class DecideInput
    {
        public int CaseId { get; set; }

        [Display(Name = "วิธีชดใช้")]
        public CompensationMethod Method { get; set; }

        [Required(ErrorMessage = "กรุณากรอกมูลค่า (บาท) — ซ่อมแซมโดยไม่มีค่าใช้จ่ายให้กรอก 0")]
        [Range(0, 100_000_000, ErrorMessage = "จำนวนเงินต้องไม่ติดลบ")]
        [Display(Name = "มูลค่า (บาท)")]
        public decimal? Amount { get; set; }

        [StringLength(2000, ErrorMessage = "หลักเกณฑ์ยาวเกินไป")]
        [Display(Name = "หลักเกณฑ์/เหตุผล (ต้องระบุเมื่อมูลค่าต่างจากที่ระบบเสนอ)")]
        public string? Basis { get; set; }
    }

    public sealed class SettleInput
    {
        public int CaseId { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณากรอกวันที่ชดใช้")]
        [Display(Name = "วันที่ชดใช้")]
        public DateOnly? SettledOn { get; set; }

        [StringLength(100, ErrorMessage = "เลขที่ใบเสร็จยาวเกินไป")]
        [Display(Name = "เลขที่ใบเสร็จรับเงิน")]
        public string? ReceiptNumber { get; set; }

        /// <summary>A payment: the sum received, which must equal the confirmed amount (ข้อ ๒๐๙).</summary>
        [Range(typeof(decimal), "0", "99999999", ErrorMessage = "กรุณากรอกจำนวนเงินเป็นตัวเลข")]
        [Display(Name = "จำนวนเงินที่รับ (บาท)")]
        public decimal? ReceivedAmount { get; set; }

        [StringLength(1000, ErrorMessage = "หมายเหตุยาวเกินไป")]
        [Display(Name = "หมายเหตุการชดใช้")]
        public string? Note { get; set; }

        /// <summary>A repair: the unit is back in working order and may be lent again.</summary>
        public bool InService { get; set; }

        [StringLength(50, ErrorMessage = "หมายเลขครุภัณฑ์ยาวเกินไป")]
        [Display(Name = "หมายเลขครุภัณฑ์ของชิ้นที่ได้รับชดใช้")]
        public string? ReplacementAssetNumber { get; set; }
    }
}
