using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
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
/// /supplies/keyin (issue 13 §10): the supplies officer keys in a past loan from the paper register with its own dates,
/// approval reference and state, so the municipality starts with its whole current book. The rules are the domain's
/// (<see cref="PaperRecords"/>, <see cref="Loan.KeyInFromPaper"/>); a loan that would over-lend is refused beside the
/// items, keeping what was typed. It is numbered in the fiscal year of its own request date.
/// </summary>
public sealed class KeyInModel(AppDbContext db, CurrentActor current, TimeProvider time, NationalIdProtector ids, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    private static readonly string[] StaffRoles = [Roles.Employee, Roles.DivisionHead, Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<CatalogueItem> Items { get; private set; } = [];

    public IReadOnlyList<WalkinModel.StaffChoice> Staff { get; private set; } = [];

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Kind == BorrowerKind.Staff && string.IsNullOrEmpty(Input.StaffUserId))
        {
            ModelState.AddModelError("Input.StaffUserId", s["กรุณาเลือกบุคลากรผู้ยืม"]);
        }
        else if (Input.Kind != BorrowerKind.Staff && string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", s[Input.Kind == BorrowerKind.Person ? "กรุณากรอกชื่อ–นามสกุลผู้ยืม" : "กรุณากรอกชื่อหน่วยงาน/องค์กรผู้ยืม"]);
        }

        // A private person is known by the national ID on the paper, as on /apply; it is stored encrypted.
        if (Input.Kind == BorrowerKind.Person && ThaiNationalId.Validate(Input.NationalId) is { } idProblem)
        {
            ModelState.AddModelError("Input.NationalId", s[AssetLoan.Web.Pages.Apply.IndexModel.NationalIdMessage(idProblem)]);
        }

        if (!ModelState.IsValid || Input.RequestedOn is not { } requestedOn || Input.ApprovedOn is not { } approvedOn
            || Input.StartOn is not { } startOn || Input.DueOn is not { } dueOn)
        {
            await LoadAsync(ct);
            return Page();
        }

        var paper = new PaperLoanRecord(Input.State, requestedOn, approvedOn, Input.ApprovalReference, startOn, dueOn, Input.HandedOverOn, Input.ReturnedOn);
        foreach (var problem in PaperRecords.Problems(paper, Today))
        {
            ModelState.AddModelError($"Input.{problem.Field}", DomainErrors.Message(problem.Code, s));
        }

        await LoadAsync(ct);
        var lines = LinesFromInput();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Encrypted before the reservation lock: the key store writes through its own connection.
        var nationalId = Input.Kind == BorrowerKind.Person ? await ids.ProtectAsync(Input.NationalId!, ct) : null;
        var (loan, earlier) = await SaveAsync(paper, lines, nationalId, ct);
        if (earlier == PaperKeyIn.Duplicate)
        {
            ModelState.AddModelError("Input.ApprovalReference", s["ใบอนุมัตินี้บันทึกเข้าระบบแล้ว เป็นรายการยืมเลขที่ {0}", loan.Reference]);
            return Page();
        }

        this.Flash(s["บันทึกการยืมจากทะเบียนกระดาษเลขที่ {0} แล้ว", loan.Reference].Value);
        return RedirectToPage("/Loans/Details", new { id = loan.Id });
    }

    /// <summary>The one rule-code → field map of the request forms; what it does not place belongs to the paper's items.</summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error) =>
        error.Code == "Loan.PaperApproverRequired" ? "Input.ApproverName"
        : LoanForm.FieldFor(error.Code, items: "Items") is { Length: > 0 } field ? field : "Input.Items";

    /// <summary>Saves the loan, or finds the loan already keyed in from the same paper approval (a double tap: the same; otherwise a duplicate).</summary>
    private async Task<(Loan Loan, PaperKeyIn Earlier)> SaveAsync(PaperLoanRecord paper, IReadOnlyList<PaperLine> lines, ProtectedNationalId? nationalId, CancellationToken ct)
    {
        var itemIds = lines.Select(l => l.CatalogueItemId).ToList();
        var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var assetIds = lines.SelectMany(l => l.AssetIds).ToList();
        // The reservation lock every write that commits units takes (SQLite: one writer; PostgreSQL: the items' rows), so
        // parallel key-ins and approvals see each other's result and nothing over-lends.
        return await db.InReservationAsync(itemIds, async () =>
        {
            // Inside the lock, so two taps at once see each other: one signed paper approval is one loan.
            var reference = paper.ApprovalReference!.Trim();
            var nowUtc = time.GetUtcNow().UtcDateTime;
            var samePaper = await db.Loans.Whole()
                .Where(l => l.FromPaper && l.PaperApprovedOn == paper.ApprovedOn && l.PaperApprovalReference == reference).ToListAsync(ct);
            foreach (var earlier in samePaper)
            {
                if (earlier.KeyedInAgainAs(paper, current.Actor, nowUtc) is var seen and not PaperKeyIn.Other)
                {
                    return (earlier, seen);
                }
            }

            var assets = await db.Assets.Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            // What approved and out loans leave free for the part of the loan still to come (none for a returned loan).
            var from = paper.State == PaperLoanState.OnLoan ? Today : (paper.StartOn > Today ? paper.StartOn : Today);
            var to = paper.DueOn < from ? from : paper.DueOn;
            var firm = await db.AvailabilityAsync(itemIds, from, to, Today, firmOnly: true, excludeLoanId: null, ct);
            var borrower = Input.Kind == BorrowerKind.Staff
                ? await db.StaffBorrowerAsync(Input.StaffUserId!, ct)
                : await OutsiderAsync(nationalId, ct);
            var (number, year) = await db.NextLoanNumberAsync(paper.RequestedOn, ct);
            var loan = Loan.KeyInFromPaper(paper, Input.Purpose ?? "", Input.Place ?? "", lines, borrower, items, assets, firm,
                current.Actor, Input.ApproverName ?? "", number, Today, nowUtc);
            DomainRuleException.ThrowIf(year != paper.FiscalYear, "Loan.PaperFiscalYear", "The number is taken in the fiscal year of the request.");
            db.Loans.Add(loan);
            await db.SaveChangesAsync(ct);
            return (loan, PaperKeyIn.Other);
        }, ct);
    }

    private async Task<Borrower> OutsiderAsync(ProtectedNationalId? nationalId, CancellationToken ct)
    {
        var contact = new BorrowerContact(ThaiPhone.Normalize(Input.Phone), null, null, null, null, null, null);
        var borrower = new Borrower(Input.Kind, Input.Name!.Trim(), contact);
        if (nationalId is not null)
        {
            borrower.SetNationalId(nationalId.Cipher, nationalId.Lookup, nationalId.Normalized);
        }

        if (await db.ExistingOutsiderAsync(borrower, ct) is { } existing)
        {
            return existing;
        }

        db.Borrowers.Add(borrower);
        await db.SaveChangesAsync(ct);
        return borrower;
    }

    /// <summary>The typed lines: a quantity for a pooled item, the asset numbers for a numbered one (unknown numbers are refused beside the items).</summary>
    private List<PaperLine> LinesFromInput()
    {
        var lines = new List<PaperLine>();
        foreach (var item in Items)
        {
            if (item.IsPooled)
            {
                if (Input.Quantities.GetValueOrDefault(item.Id) is { } quantity and not 0)
                {
                    lines.Add(new PaperLine(item.Id, quantity, []));
                }

                continue;
            }

            var typed = (Input.AssetNumbers.GetValueOrDefault(item.Id) ?? "")
                .Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(AssetNumbers.Normalize).Distinct().ToList();
            if (typed.Count == 0)
            {
                continue;
            }

            var ids = db.Assets.AsNoTracking().Where(a => a.CatalogueItemId == item.Id && typed.Contains(a.AssetNumber)).Select(a => new { a.Id, a.AssetNumber }).ToList();
            var unknown = typed.Except(ids.Select(a => a.AssetNumber)).ToList();
            if (unknown.Count > 0)
            {
                ModelState.AddModelError("Input.Items", s["ไม่พบหมายเลขครุภัณฑ์ของ {0}: {1}", item.Name, string.Join(", ", unknown)]);
                continue;
            }

            lines.Add(new PaperLine(item.Id, ids.Count, ids.Select(a => a.Id).ToList()));
        }

        if (lines.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Items", s["กรุณาระบุพัสดุที่ยืมอย่างน้อย 1 รายการ"]);
        }

        return lines;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await db.CatalogueItems.AsNoTracking().Where(c => !c.Retired).OrderBy(c => c.Name).ToListAsync(ct);
        Staff = await (
                from u in db.Users.AsNoTracking()
                where !u.Disabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && StaffRoles.Contains(r.Name!)))
                join d in db.Divisions on u.DivisionId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                orderby u.FullName
                select new WalkinModel.StaffChoice(u.Id, u.FullName, u.Position, d == null ? null : d.Name))
            .ToListAsync(ct);
    }

    public sealed class InputModel
    {
        public BorrowerKind Kind { get; set; } = BorrowerKind.Staff;

        public string? StaffUserId { get; set; }

        [StringLength(200, ErrorMessage = "ชื่อยาวเกินไป")]
        public string? Name { get; set; }

        [StringLength(30, ErrorMessage = "หมายเลขโทรศัพท์ยาวเกินไป")]
        [ThaiPhone]
        public string? Phone { get; set; }

        [StringLength(20, ErrorMessage = "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก")]
        public string? NationalId { get; set; }

        public PaperLoanState State { get; set; } = PaperLoanState.OnLoan;

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่ยื่นคำขอตามทะเบียน")]
        public DateOnly? RequestedOn { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่อนุมัติตามหนังสือ")]
        public DateOnly? ApprovedOn { get; set; }

        [StringLength(PaperLoanRecord.ApprovalReferenceMaxLength, ErrorMessage = "เลขที่หนังสืออนุมัติยาวเกินไป")]
        public string? ApprovalReference { get; set; }

        [StringLength(200, ErrorMessage = "ชื่อยาวเกินไป")]
        public string? ApproverName { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่เริ่มยืม")]
        public DateOnly? StartOn { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่ส่งคืน")]
        public DateOnly? DueOn { get; set; }

        [BuddhistDate]
        public DateOnly? HandedOverOn { get; set; }

        [BuddhistDate]
        public DateOnly? ReturnedOn { get; set; }

        [StringLength(Loan.PurposeMaxLength, ErrorMessage = "วัตถุประสงค์ยาวเกินไป")]
        public string? Purpose { get; set; }

        [StringLength(Loan.PlaceMaxLength, ErrorMessage = "สถานที่ยาวเกินไป")]
        public string? Place { get; set; }

        public Dictionary<int, int?> Quantities { get; set; } = [];

        public Dictionary<int, string?> AssetNumbers { get; set; } = [];

        /// <summary>The items as one field for their messages (over-lending, unknown numbers).</summary>
        public string? Items { get; set; }
    }
}
