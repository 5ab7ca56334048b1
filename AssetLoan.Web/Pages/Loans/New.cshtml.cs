using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Loans;

/// <summary>
/// /loans/new: a staff member requests items for official work. "ตรวจสอบจำนวนว่าง" re-renders the form with the free
/// quantity for the chosen dates; availability.js does the same live through <see cref="OnGetAvailabilityAsync"/>.
/// </summary>
public sealed class NewModel(AppDbContext db, CurrentActor current, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ItemChoice> Items { get; private set; } = [];

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tomorrow = Today.AddDays(1);
        Input.StartOn = tomorrow;
        Input.SubmissionKey = LoanTransactions.NewSubmissionKey();
        Input.DueOn = tomorrow;
        Items = await LoanForm.ChoicesAsync(db, BorrowerKind.Staff, tomorrow, tomorrow, Today, ct);
    }

    /// <summary>"ตรวจสอบจำนวนว่าง": show what is free for the typed dates; nothing is saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        DateFields.KeepOnly(ModelState, "Input.StartOn", "Input.DueOn");
        var (from, to) = ParseDates();
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError("Input.DueOn", DomainErrors.Localized(new DomainRuleException("Loan.DueBeforeStart", ""), s));
        }

        Items = await LoanForm.ChoicesAsync(db, BorrowerKind.Staff, from, to, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.SubmittedWithKeyAsync(Input.SubmissionKey, ct) is { } earlier)
        {
            this.Flash(s["คำขอนี้ยื่นไว้แล้ว เลขที่ {0} ไม่ได้ยื่นซ้ำ", earlier.Reference].Value);
            return RedirectToPage("/Loans/Details", new { id = earlier.Id });
        }

        var (from, to) = ParseDates();
        if (!ModelState.IsValid || from is null || to is null)
        {
            Items = await LoanForm.ChoicesAsync(db, BorrowerKind.Staff, from, to, Today, ct);
            return Page();
        }

        var actor = current.Actor;
        var request = new LoanRequest(Input.Purpose ?? "", Input.Place ?? "", Input.OffPremises, from.Value, to.Value, Input.Lines(), SubmissionKey: Input.SubmissionKey);
        var settings = await Settings.LoadAsync(db, ct);
        var borrower = await db.StaffBorrowerAsync(actor.UserId!, ct);
        var loan = await db.SubmitLoanAsync(borrower, request, actor, settings.Policy, Today, time.GetUtcNow().UtcDateTime, ct);
        // A division head's own request needs no endorsement (rule 4, docs/decisions/0004). Back and submit again
        // answers with the request filed a moment ago (LoanTransactions.FiledAlreadyAsync).
        var next = loan.SubmissionKey != request.SubmissionKey ? "คำขอนี้ยื่นไว้แล้ว เลขที่ {0} ไม่ได้ยื่นซ้ำ"
            : loan.NeedsEndorsement ? "ยื่นคำขอยืมเลขที่ {0} แล้ว รอหัวหน้าหน่วยงานเห็นชอบ" : "ยื่นคำขอยืมเลขที่ {0} แล้ว รอเจ้าหน้าที่พัสดุตรวจสอบ";
        this.Flash(s[next, loan.Reference].Value);
        return RedirectToPage("/Loans/Details", new { id = loan.Id });
    }

    string IShowsRuleErrors.FieldFor(DomainRuleException error) => LoanForm.FieldFor(error.Code);

    async Task IShowsRuleErrors.ReloadAsync(CancellationToken ct)
    {
        var (from, to) = ParseDates();
        Items = await LoanForm.ChoicesAsync(db, BorrowerKind.Staff, from, to, Today, ct);
    }

    /// <summary>GET /loans/new?handler=availability&amp;from=2026-11-26&amp;to=2026-11-28 → {"free":{"5":3,…}}.</summary>
    public async Task<IActionResult> OnGetAvailabilityAsync(string? from, string? to, CancellationToken ct)
    {
        if (!ThaiDate.TryParse(from, out var f) || !ThaiDate.TryParse(to, out var t) || t < f)
        {
            return BadRequest(new { error = s[LoanForm.DateFormatMessage].Value });
        }

        return new JsonResult(new { from = Display.InputDate(f), to = Display.InputDate(t), free = await LoanForm.FreeAsync(db, f, t, Today, ct) });
    }

    private (DateOnly? From, DateOnly? To) ParseDates() => (Input.StartOn, Input.DueOn);

    public sealed class InputModel
    {
        /// <summary>Requested quantity per catalogue item id; empty or 0 = not requested.</summary>
        public Dictionary<int, int?> Quantities { get; set; } = [];

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่เริ่มยืม")]
        [Display(Name = "วันที่เริ่มยืม")]
        public DateOnly? StartOn { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่ส่งคืน")]
        [Display(Name = "วันที่ส่งคืน")]
        public DateOnly? DueOn { get; set; }

        [Required(ErrorMessage = "กรุณาระบุวัตถุประสงค์การยืม")]
        [StringLength(Loan.PurposeMaxLength, ErrorMessage = "วัตถุประสงค์ยาวเกินไป")]
        [Display(Name = "วัตถุประสงค์การยืม")]
        public string? Purpose { get; set; }

        [Required(ErrorMessage = "กรุณาระบุสถานที่นำไปใช้")]
        [StringLength(Loan.PlaceMaxLength, ErrorMessage = "สถานที่ยาวเกินไป")]
        [Display(Name = "สถานที่นำไปใช้")]
        public string? Place { get; set; }

        public bool OffPremises { get; set; }

        /// <summary>One per render of the form: posting the same render twice files one request.</summary>
        [StringLength(64)]
        public string? SubmissionKey { get; set; }

        public IReadOnlyList<RequestedLine> Lines() =>
            Quantities.Where(q => q.Value is not null and not 0).Select(q => new RequestedLine(q.Key, q.Value!.Value)).ToList();
    }
}
