using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Apply;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// /supplies/walkin: the officer keys in a request for a staff member or for an outside borrower who came to the
/// counter or phoned. The loan's history records who keyed it in and for whom.
/// </summary>
public sealed class WalkinModel(AppDbContext db, CurrentActor current, TimeProvider time, NationalIdProtector ids, IStringLocalizer<SharedResource> s) : PageModel
{
    private static readonly string[] StaffRoles = [Roles.Employee, Roles.DivisionHead, Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ItemChoice> Items { get; private set; } = [];

    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.StartOn = Input.DueOn = Today.AddDays(1);
        Input.SubmissionKey = LoanTransactions.NewSubmissionKey();
        await LoadAsync(Today.AddDays(1), Today.AddDays(1), ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        DateFields.KeepOnly(ModelState, "Input.StartOn", "Input.DueOn");
        var (from, to) = ParseDates();
        await LoadAsync(from, to, ct);
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
        ValidateBorrower();
        var letterOn = Input.AgencyLetterOn;
        if (!ModelState.IsValid || from is null || to is null)
        {
            await LoadAsync(from, to, ct);
            return Page();
        }

        var officer = current.Actor;
        var request = new LoanRequest(Input.Purpose ?? "", Input.Place ?? "", Input.OffPremises, from.Value, to.Value, Input.Lines(),
            Input.UrgencyReason, Input.Kind == BorrowerKind.Agency ? Input.AgencyLetterNumber : null, Input.Kind == BorrowerKind.Agency ? letterOn : null,
            SubmissionKey: Input.SubmissionKey);
        try
        {
            var borrower = Input.Kind == BorrowerKind.Staff ? await db.StaffBorrowerAsync(Input.StaffUserId!, ct) : await NewOutsiderAsync(ct);
            var settings = await Settings.LoadAsync(db, ct);
            var loan = await db.SubmitLoanAsync(borrower, request, officer, settings.Policy, Today, time.GetUtcNow().UtcDateTime, ct);
            this.Flash(loan.SubmissionKey != request.SubmissionKey
                ? s["คำขอนี้ยื่นไว้แล้ว เลขที่ {0} ไม่ได้ยื่นซ้ำ", loan.Reference].Value
                : s["บันทึกคำขอเลขที่ {0} แทน {1} แล้ว", loan.Reference, borrower.Name].Value);
            return RedirectToPage("/Loans/Details", new { id = loan.Id });
        }
        catch (DomainRuleException ex) when (ex.Code == "Loan.StaffWithoutDivision")
        {
            // The domain's message speaks to the account holder; here the officer is told about the chosen person.
            ModelState.AddModelError("Input.StaffUserId", s["บุคลากรผู้นี้ยังไม่ได้กำหนดสังกัด จึงไม่มีหัวหน้าหน่วยงานให้ความเห็นชอบ โปรดติดต่อผู้ดูแลระบบ"]);
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddDomainError(ex, s, ex.Code.StartsWith("Borrower.", StringComparison.Ordinal) ? "Input.Name" : LoanForm.FieldFor(ex.Code));
        }

        db.ChangeTracker.Clear();
        await LoadAsync(from, to, ct);
        return Page();
    }

    /// <summary>
    /// An outside borrower's record for this request, stored as the public application stores it (a person's national
    /// ID encrypted with its look-up hash, the phone as digits), so that SubmitLoanAsync finds the same outsider's
    /// earlier records — online or at the counter — for the borrower-standing rule.
    /// </summary>
    private async Task<Borrower> NewOutsiderAsync(CancellationToken ct)
    {
        var contact = new BorrowerContact(ThaiPhone.Normalize(Input.Phone), null, Input.HouseNumber, Input.Moo, Input.Subdistrict, Input.District, Input.Province);
        var borrower = new Borrower(Input.Kind, Input.Name ?? "", contact);
        borrower.SetContactPerson(Input.Kind.IsOrganisation() ? Input.ContactPerson : null);
        if (Input.Kind == BorrowerKind.Person)
        {
            var id = await ids.ProtectAsync(Input.NationalId!, ct);
            borrower.SetNationalId(id.Cipher, id.Lookup, id.Normalized);
        }

        return borrower;
    }

    private void ValidateBorrower()
    {
        if (Input.Kind == BorrowerKind.Staff)
        {
            if (string.IsNullOrEmpty(Input.StaffUserId))
            {
                ModelState.AddModelError("Input.StaffUserId", s["กรุณาเลือกบุคลากรผู้ยืม"]);
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", s["กรุณากรอกชื่อผู้ยืม"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Phone))
        {
            ModelState.AddModelError("Input.Phone", s["กรุณากรอกหมายเลขโทรศัพท์"]);
        }

        if (Input.Kind.IsOrganisation() && string.IsNullOrWhiteSpace(Input.ContactPerson))
        {
            ModelState.AddModelError("Input.ContactPerson", s["กรุณาระบุชื่อผู้รับผิดชอบ"]);
        }

        if (Input.Kind == BorrowerKind.Person && ThaiNationalId.Validate(Input.NationalId) is { } problem)
        {
            ModelState.AddModelError("Input.NationalId", s[NationalIdMessage(problem)]);
        }
    }

    public static string NationalIdMessage(NationalIdProblem problem) => problem switch
    {
        NationalIdProblem.Missing => "กรุณากรอกเลขประจำตัวประชาชน 13 หลัก",
        NationalIdProblem.WrongLength => "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก",
        NationalIdProblem.WrongFirstDigit => "เลขประจำตัวประชาชนหลักแรกต้องเป็นเลข 1–8",
        _ => "เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง)",
    };

    private (DateOnly? From, DateOnly? To) ParseDates() => (Input.StartOn, Input.DueOn);

    private async Task LoadAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        Items = await LoanForm.ChoicesAsync(db, null, from, to, Today, ct);
        Staff = await (
                from u in db.Users.AsNoTracking()
                where !u.Disabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && StaffRoles.Contains(r.Name!)))
                join d in db.Divisions on u.DivisionId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                orderby u.FullName
                select new StaffChoice(u.Id, u.FullName, u.Position, d == null ? null : d.Name))
            .ToListAsync(ct);
    }

    public sealed record StaffChoice(string Id, string FullName, string? Position, string? Division);

    public sealed class InputModel
    {
        public BorrowerKind Kind { get; set; } = BorrowerKind.Person;

        public string? StaffUserId { get; set; }

        [StringLength(200, ErrorMessage = "ชื่อยาวเกินไป")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "ชื่อยาวเกินไป")]
        public string? ContactPerson { get; set; }

        [StringLength(30, ErrorMessage = "หมายเลขโทรศัพท์ยาวเกินไป")]
        [ThaiPhone]
        public string? Phone { get; set; }

        [StringLength(20, ErrorMessage = "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก")]
        public string? NationalId { get; set; }

        [StringLength(50, ErrorMessage = "ข้อความยาวเกินไป")]
        public string? HouseNumber { get; set; }

        [StringLength(20, ErrorMessage = "ข้อความยาวเกินไป")]
        public string? Moo { get; set; }

        [StringLength(100, ErrorMessage = "ข้อความยาวเกินไป")]
        public string? Subdistrict { get; set; }

        [StringLength(100, ErrorMessage = "ข้อความยาวเกินไป")]
        public string? District { get; set; }

        [StringLength(100, ErrorMessage = "ข้อความยาวเกินไป")]
        public string? Province { get; set; }

        [StringLength(100, ErrorMessage = "ข้อความยาวเกินไป")]
        public string? AgencyLetterNumber { get; set; }

        [BuddhistDate]
        public DateOnly? AgencyLetterOn { get; set; }

        /// <summary>One per render of the form: posting the same render twice files one request.</summary>
        [StringLength(64)]
        public string? SubmissionKey { get; set; }

        [StringLength(500, ErrorMessage = "เหตุผลยาวเกินไป")]
        public string? UrgencyReason { get; set; }

        public Dictionary<int, int?> Quantities { get; set; } = [];

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่เริ่มยืม")]
        public DateOnly? StartOn { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่ส่งคืน")]
        public DateOnly? DueOn { get; set; }

        [Required(ErrorMessage = "กรุณาระบุวัตถุประสงค์การยืม")]
        [StringLength(Loan.PurposeMaxLength, ErrorMessage = "วัตถุประสงค์ยาวเกินไป")]
        public string? Purpose { get; set; }

        [Required(ErrorMessage = "กรุณาระบุสถานที่นำไปใช้")]
        [StringLength(Loan.PlaceMaxLength, ErrorMessage = "สถานที่ยาวเกินไป")]
        public string? Place { get; set; }

        public bool OffPremises { get; set; }

        public IReadOnlyList<RequestedLine> Lines() =>
            Quantities.Where(q => q.Value is not null and not 0).Select(q => new RequestedLine(q.Key, q.Value!.Value)).ToList();
    }
}
