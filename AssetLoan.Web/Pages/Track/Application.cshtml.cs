using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Line;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Track;

/// <summary>
/// /track/{token}: the applicant's private view of one application — progress, reasons, pickup instructions and due
/// date — and cancelling it before handover. Shows no personal data: whoever holds the link sees only the loan (the
/// last four digits of the phone number on file, the LINE user id only masked). Issue 16 §2: with the phone number on
/// file as a second factor, the outside borrower corrects and resubmits a sent-back application, asks for more days
/// before the due date, and downloads the pickup and return days as a calendar file; each action is audited and a
/// wrong number counts against the link (<see cref="TrackingLinkAudit"/>). Issue 16 §3–4: an outside borrower also
/// chooses how they are told (LINE, e-mail, none) and links LINE by a one-time code.
/// </summary>
public sealed class ApplicationModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    /// <summary>How the outside borrower is told (null for staff loans, whose owner chooses on their profile).</summary>
    public NoticeChoice? Notices { get; private set; }

    [BindProperty]
    public ContactChannel Channel { get; set; }

    public TrackedLoan Loan { get; private set; } = null!;

    /// <summary>Case-sensitive: links to this page are written by hand, as the router would lower-case it.</summary>
    public string Token { get; private set; } = "";

    public Settings Settings { get; private set; } = new();

    [BindProperty]
    [StringLength(500, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "เหตุผลที่ยกเลิก (ถ้ามี)")]
    public string? CancelReason { get; set; }

    [BindProperty]
    public FixInput Fix { get; set; } = new();

    [BindProperty]
    public ExtendInput Extend { get; set; } = new();

    [BindProperty]
    [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "เบอร์โทรศัพท์")]
    public string? CalendarPhone { get; set; }

    [BindProperty]
    [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "เบอร์โทรศัพท์")]
    public string? CancelPhone { get; set; }

    /// <summary>The phone for the notices form (channel, LINE link code, unlink): each action needs the second factor.</summary>
    [BindProperty]
    [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "เบอร์โทรศัพท์")]
    public string? NoticesPhone { get; set; }

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static Actor Applicant => Actor.Applicant(Apply.IndexModel.ApplicantActorName);

    /// <summary>The last day to pick the items up before the approval expires.</summary>
    public DateOnly PickupBy => Domain.Loans.Loan.PickupDeadline(Loan.StartOn, Loan.DueOn, Settings.Policy.ExpireAfterDays);

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    /// <summary>The real pickup days: from the working day(s) before the start that the calendar allows, to <see cref="PickupBy"/>.</summary>
    public HandoverWindow Pickup => new(Calendar.PickupFrom(Loan.StartOn), PickupBy);

    public bool IsOverdue => FollowUp.IsOverdue(Loan.Status, Loan.DueOn, Today, Calendar);

    /// <summary>
    /// The actions the holder of the link may take (<see cref="LoanActions.For"/> for the applicant, the actor the
    /// handlers pass to the verbs): the cancel, correction and extension forms come from it.
    /// </summary>
    public IReadOnlySet<LoanAction> Actions { get; private set; } = new HashSet<LoanAction>();

    public bool Offers(LoanAction action) => Actions.Contains(action);

    /// <summary>The pickup is still ahead (approved) or the items are out: the calendar file has something to say.</summary>
    public bool HasCalendar => Loan.Status == LoanStatus.Approved || LoanTransitions.IsOut(Loan.Status);

    /// <summary>The first day the items may be picked up (the day the calendar file names).</summary>
    public DateOnly PickupOn => Pickup.WorkingDays(Calendar)?.First ?? Pickup.From;

    /// <summary>The last on-time return day: the due date, or the first working day after it.</summary>
    public DateOnly ReturnOn => Calendar.ReturnBy(Loan.DueOn);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            return NotFound();
        }

        Fix = new FixInput
        {
            Purpose = Loan.Purpose,
            Place = Loan.Place,
            StartOn = Loan.StartOn < Today ? Today : Loan.StartOn,
            DueOn = Loan.DueOn < Today ? Today : Loan.DueOn,
            Lines = Loan.Lines.Select(l => new FixLine { ItemId = l.CatalogueItemId, Quantity = l.Quantity })
                .Concat(OtherItems.Select(i => new FixLine { ItemId = i.Id, Quantity = 0 })).ToList(),
        };
        Extend = new ExtendInput { NewDueOn = Loan.DueOn.AddDays(1) };
        return Page();
    }

    /// <summary>A sent-back application corrected and filed again under the same number (issue 16 §2a).</summary>
    public async Task<IActionResult> OnPostResubmitAsync(string token, CancellationToken ct)
    {
        var loan = await TrackedLoanAsync(token, ct);
        if (loan is null)
        {
            return NotFound();
        }

        foreach (var (value, field) in new[] { (Fix.StartOn, "Fix.StartOn"), (Fix.DueOn, "Fix.DueOn") })
        {
            if (value is null && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, s[Loans.LoanForm.DateFormatMessage]);
            }
        }

        if (await PhoneMatchesAsync(loan, Fix.Phone, "Fix.Phone", ct) && ModelState.IsValid)
        {
            var lines = Fix.Lines.Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList();
            var edit = new LoanRequestEdit(Fix.Purpose ?? "", Fix.Place ?? "", Fix.StartOn!.Value, Fix.DueOn!.Value, lines);
            var shortages = await db.ResubmitLoanAsync(loan, Applicant, edit, Today, Now, ct);
            if (shortages.Count == 0)
            {
                this.Flash(s["ยื่นคำขออีกครั้งแล้ว"].Value);
                return Redirect($"/track/{token}");
            }

            var ids = shortages.Select(x => x.CatalogueItemId).ToList();
            var units = await db.CatalogueItems.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UnitNoun, ct);
            Loans.LoanForm.AddShortages(ModelState, s, shortages, Fix.Lines.Select(l => l.ItemId).ToList(), "Fix.Lines", units);
        }

        await LoadAsync(token, ct);
        return Page();
    }

    /// <summary>More days asked before the due date, decided by the loan's own approving authority (issue 16 §2b).</summary>
    public async Task<IActionResult> OnPostExtendAsync(string token, CancellationToken ct)
    {
        var loan = await TrackedLoanAsync(token, ct);
        if (loan is null)
        {
            return NotFound();
        }

        if (Extend.NewDueOn is null && ModelState.GetFieldValidationState("Extend.NewDueOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Extend.NewDueOn", s["กรุณาระบุวันส่งคืนใหม่"]);
        }

        if (await PhoneMatchesAsync(loan, Extend.Phone, "Extend.Phone", ct) && ModelState.IsValid)
        {
            loan.RequestExtension(Applicant, Extend.NewDueOn!.Value, Extend.Reason ?? "", Today, Now);
            await db.SaveChangesAsync(ct);
            this.Flash(s["ส่งคำขอขยายเวลาแล้ว รอผู้มีอำนาจพิจารณา"].Value);
            return Redirect($"/track/{token}");
        }

        await LoadAsync(token, ct);
        return Page();
    }

    /// <summary>The pickup and return days as an .ics file for the phone's calendar (issue 16 §2d).</summary>
    public async Task<IActionResult> OnPostCalendarAsync(string token, CancellationToken ct)
    {
        var loan = await db.Loans.AsNoTracking().SingleOrDefaultAsync(l => l.TrackingToken == token && token.Length >= 22, ct);
        if (loan is null || !await LoadAsync(token, ct))
        {
            return NotFound();
        }

        if (!HasCalendar)
        {
            ModelState.AddModelError("", s["ทำรายการนี้ไม่ได้ในสถานะปัจจุบันของคำขอ"]);
            return Page();
        }

        if (!await PhoneMatchesAsync(loan, CalendarPhone, nameof(CalendarPhone), ct))
        {
            return Page();
        }

        var visits = new List<LoanCalendarFile.Visit>();
        var uid = $"{Loan.Reference.Replace('/', '-')}-{loan.Id}";
        if (Loan.Status == LoanStatus.Approved)
        {
            visits.Add(new LoanCalendarFile.Visit($"{uid}-pickup@assetloan", PickupOn, $"รับพัสดุที่ยืม คำขอเลขที่ {Loan.Reference}",
                $"มารับพัสดุได้{PickupDays.When(Pickup, Calendar)} เวลา 08.30–16.30 น. แจ้งเลขที่คำขอ {Loan.Reference} แก่เจ้าหน้าที่"));
        }

        visits.Add(new LoanCalendarFile.Visit($"{uid}-return@assetloan", ReturnOn, $"ส่งคืนพัสดุที่ยืม คำขอเลขที่ {Loan.Reference}",
            $"กำหนดส่งคืน {ThaiDate.FormatLong(Loan.DueOn)}{PickupDays.ReturnNote(Loan.DueOn, Calendar)} เวลา 08.30–16.30 น."));
        var text = LoanCalendarFile.Write(visits, $"งานพัสดุ กองคลัง {Settings.MunicipalityName}", Now);
        await db.RecordAsync(loan.Id, TrackingLinkAudit.CalendarAction, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(text), LoanCalendarFile.ContentType, $"loan-{Loan.Reference.Replace('/', '-')}.ics");
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        var loan = await db.Loans.Whole()
            .SingleOrDefaultAsync(l => l.TrackingToken == token && token.Length >= 22, ct);
        if (loan is null)
        {
            return NotFound();
        }

        if (await PhoneMatchesAsync(loan, CancelPhone, nameof(CancelPhone), ct) && ModelState.IsValid)
        {
            loan.Cancel(Applicant, CancelReason, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            this.Flash(s["ยกเลิกคำขอเรียบร้อยแล้ว"].Value);
            return Redirect($"/track/{token}");
        }

        await LoadAsync(token, ct);
        return Page();
    }

    private Task<Domain.Loans.Loan?> TrackedLoanAsync(string token, CancellationToken ct) =>
        token.Length < 22
            ? Task.FromResult<Domain.Loans.Loan?>(null)
            : db.Loans.Whole().SingleOrDefaultAsync(l => l.TrackingToken == token, ct);

    /// <summary>
    /// The second factor: the phone typed matches the one on file (normalised digits). A wrong number is refused beside
    /// <paramref name="field"/>, audited, and counts against the link; the stored number is never shown.
    /// </summary>
    private Task<bool> PhoneMatchesAsync(Domain.Loans.Loan loan, string? typed, string field, CancellationToken ct) =>
        PhoneMatchesAsync(loan.Id, loan.BorrowerId, typed, field, ct);

    private async Task<bool> PhoneMatchesAsync(int loanId, int borrowerId, string? typed, string field, CancellationToken ct)
    {
        if (await db.LockedAsync(loanId, Now, ct))
        {
            ModelState.AddModelError(field, s["กรอกเบอร์โทรศัพท์ไม่ถูกต้องหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่"]);
            return false;
        }

        var borrower = await db.Borrowers.AsNoTracking().SingleOrDefaultAsync(b => b.Id == borrowerId, ct);
        if (borrower?.PhoneMatches(typed) == true)
        {
            return true;
        }

        await db.RecordAsync(loanId, TrackingLinkAudit.WrongPhoneAction, ct);
        ModelState.AddModelError(field, string.IsNullOrWhiteSpace(typed)
            ? s["กรุณากรอกเบอร์โทรศัพท์ที่ให้ไว้ในคำขอ"]
            : s["เบอร์โทรศัพท์ไม่ตรงกับที่ให้ไว้ในคำขอ"]);
        return false;
    }

    /// <summary>
    /// The correction's and the extension's refusals beside their own fields (the cancel form's in the summary); the
    /// outsider's handlers let a refused rule or a lost race escape to <see cref="RuleErrorFilter"/>.
    /// </summary>
    string IShowsRuleErrors.FieldFor(DomainRuleException error, string handler) => handler switch
    {
        "Resubmit" => Loans.LoanForm.FieldFor(error.Code, "Fix", "Lines"),
        "Extend" => error.Code switch
        {
            "Loan.ExtensionNotLater" or "Loan.ExtensionAfterDue" => "Extend.NewDueOn",
            "Loan.ReasonRequired" => "Extend.Reason",
            _ => "",
        },
        _ => "",
    };

    /// <summary>The handlers load the page after the verb: after a refusal it is loaded here, for the token in the route.</summary>
    Task IShowsRuleErrors.ReloadAsync(CancellationToken ct) => LoadAsync(RouteData.Values["token"] as string ?? "", ct);

    /// <summary>A one-time code to send to the municipality's LINE Official Account (shown once, on the next page).</summary>
    public async Task<IActionResult> OnPostLineCodeAsync(string token, CancellationToken ct)
    {
        if (await OutsiderAsync(token, ct) is not { } found)
        {
            return NotFound();
        }

        var (borrower, loanId) = found;

        if (!await PhoneMatchesAsync(loanId, borrower.Id, NoticesPhone, nameof(NoticesPhone), ct))
        {
            return await NoticesRefusedAsync(token, ct);
        }

        var settings = await Settings.LoadAsync(db, ct);
        var code = settings.LineOn ? await LineLinking.IssueAsync(db, borrower.Id, null, time.GetUtcNow().UtcDateTime, ct) : null;
        if (code is null)
        {
            this.FlashError(settings.LineOn ? s["ขอรหัสได้ไม่เกิน 5 ครั้งต่อชั่วโมง กรุณาลองใหม่ภายหลัง"].Value : s["ยังไม่เปิดใช้การแจ้งเตือนทาง LINE"].Value);
        }
        else
        {
            TempData["LineCode"] = LineLinkCode.Display(code);
        }

        return Redirect($"/track/{token}#notices");
    }

    public async Task<IActionResult> OnPostChannelAsync(string token, CancellationToken ct)
    {
        if (await OutsiderAsync(token, ct) is not { } found)
        {
            return NotFound();
        }

        var (borrower, loanId) = found;

        if (!await PhoneMatchesAsync(loanId, borrower.Id, NoticesPhone, nameof(NoticesPhone), ct))
        {
            return await NoticesRefusedAsync(token, ct);
        }

        if (Channel == ContactChannel.Line && borrower.LineUserId is null)
        {
            this.FlashError(s["กรุณาเชื่อมต่อ LINE ก่อนเลือกรับการแจ้งเตือนทาง LINE"].Value);
            return Redirect($"/track/{token}#notices");
        }

        if (Enum.IsDefined(Channel))
        {
            borrower.Prefer(Channel);
            await db.SaveChangesAsync(ct);
            this.Flash(s["บันทึกช่องทางรับการแจ้งเตือนแล้ว"].Value);
        }

        return Redirect($"/track/{token}#notices");
    }

    public async Task<IActionResult> OnPostUnlinkLineAsync(string token, CancellationToken ct)
    {
        if (await OutsiderAsync(token, ct) is not { } found)
        {
            return NotFound();
        }

        var (borrower, loanId) = found;

        if (!await PhoneMatchesAsync(loanId, borrower.Id, NoticesPhone, nameof(NoticesPhone), ct))
        {
            return await NoticesRefusedAsync(token, ct);
        }

        borrower.UnlinkLine();
        await db.SaveChangesAsync(ct);
        this.Flash(s["ยกเลิกการเชื่อมต่อ LINE แล้ว"].Value);
        return Redirect($"/track/{token}#notices");
    }

    /// <summary>The outside borrower of the application (tracked) and the loan's id; null for an unknown token, a staff loan or anonymised data.</summary>
    private async Task<(Domain.Borrowers.Borrower Borrower, int LoanId)?> OutsiderAsync(string token, CancellationToken ct)
    {
        if (token.Length < 22)
        {
            return null;
        }

        var ids = await db.Loans.Where(l => l.TrackingToken == token && l.BorrowerUserId == null)
            .Select(l => new { l.Id, l.BorrowerId }).SingleOrDefaultAsync(ct);
        var borrower = ids is null ? null : await db.Borrowers.SingleOrDefaultAsync(b => b.Id == ids.BorrowerId && b.AnonymisedAtUtc == null, ct);
        return borrower is null ? null : (borrower, ids!.Id);
    }

    /// <summary>A notices action refused for the phone: the page again, with the message beside the phone field.</summary>
    private async Task<IActionResult> NoticesRefusedAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (token.Length < 22)
        {
            return false;
        }

        var id = await db.Loans.Where(l => l.TrackingToken == token).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (id is null || await Loans.LoanView.LoadAsync(db, id.Value, ct) is not { } view)
        {
            return false;
        }

        // The settings and the working calendar are read once, for the actions and for the page (they were read twice).
        Settings = await Settings.LoadAsync(db, ct);
        Calendar = view.Calendar;
        Actions = view.ActionsFor(Applicant, await view.ActionContextAsync(db, Today, ct, Settings));
        // The applicant's page is the loan page's read model, cut down to what the applicant may see (read once).
        var loan = new TrackedLoan(view.Reference, view.Status, view.BorrowerKind, view.Purpose, view.Place, view.OffPremises, view.StartOn, view.DueOn,
            view.DecisionReason, view.HandedOverOn, view.ReturnedOn,
            view.Lines.Select(x => new TrackedLine(x.CatalogueItemId, x.ItemName, x.Quantity, x.UnitNoun, x.IssuedQuantity, x.ReturnedQuantity)).ToList(),
            view.History.Select(h => new TrackedStep(h.AtUtc, h.Summary, h.FromStatus, h.Summary == nameof(LoanAction.Resubmit) ? h.Note : null)).ToList(),
            view.PendingExtension?.RequestedDueOn, view.BorrowerPhone);
        Loan = loan;
        Token = token;
        PhoneTail = loan.Phone is { Length: >= 4 } phone ? phone[^4..] : "";
        if (loan.Status == LoanStatus.SentBack && await db.CatalogueItems.CountAsync(ct) <= Apply.IndexModel.ListEveryItemUpTo)
        {
            // A municipality's catalogue is small: the correction may add items the application did not have.
            var onLoan = loan.Lines.Select(l => l.CatalogueItemId).ToHashSet();
            OtherItems = (await db.PublicCatalogueAsync(loan.StartOn, loan.DueOn, Today, ct))
                .Where(i => !onLoan.Contains(i.Id) && (loan.Kind == Domain.Borrowers.BorrowerKind.Agency ? i.ForAgencies : i.ForPublic) && !i.IsConsumable)
                .ToList();
        }

        var outsider = await db.Loans.AsNoTracking().Where(l => l.TrackingToken == token && l.BorrowerUserId == null)
            .Join(db.Borrowers.Where(b => b.AnonymisedAtUtc == null), l => l.BorrowerId, b => b.Id, (l, b) => new { b.PreferredChannel, b.LineUserId, HasEmail = b.Email != null })
            .SingleOrDefaultAsync(ct);
        Notices = outsider is null ? null : new NoticeChoice(outsider.PreferredChannel, outsider.LineUserId, outsider.HasEmail, Settings.LineOn);
        return true;
    }

    /// <summary>Steps done: a cancelled application stopped where it was when it was cancelled.</summary>
    public int StepsDone => Loan.Status == LoanStatus.Cancelled && Loan.History.LastOrDefault(h => h.Summary == "Cancel")?.From is { } from
        ? PublicLoanText.StepsDone(from)
        : PublicLoanText.StepsDone(Loan.Status);


    /// <summary>Public catalogue items not on a sent-back application, which its correction may add (small catalogues only).</summary>
    public IReadOnlyList<PublicCatalogueItem> OtherItems { get; private set; } = [];

    /// <summary>The last four digits of the phone on file, so the borrower knows which number to type (never more).</summary>
    public string PhoneTail { get; private set; } = "";

    /// <summary><see cref="Phone"/> stays inside the page model: only <see cref="PhoneTail"/> reaches the view.</summary>
    public sealed record TrackedLoan(string Reference, LoanStatus Status, Domain.Borrowers.BorrowerKind Kind, string Purpose, string Place, bool OffPremises,
        DateOnly StartOn, DateOnly DueOn, string? DecisionReason, DateOnly? HandedOverOn, DateOnly? ReturnedOn, IReadOnlyList<TrackedLine> Lines, IReadOnlyList<TrackedStep> History,
        DateOnly? PendingExtensionTo, string? Phone);

    /// <summary>What the borrower chose; the LINE user id leaves the page only masked.</summary>
    public sealed record NoticeChoice(ContactChannel Preferred, string? LineUserId, bool HasEmail, bool LineOn)
    {
        public string MaskedLineUserId => ContactChannels.MaskLineUserId(LineUserId);

        public bool LineLinked => LineUserId is not null;
    }

    public sealed record TrackedLine(int CatalogueItemId, string ItemName, int Quantity, string UnitNoun, int Issued, int Returned);

    /// <summary><paramref name="Changes"/>: what a resubmission changed ("เก้าอี้พลาสติก 100 → 60 ตัว").</summary>
    public sealed record TrackedStep(DateTime AtUtc, string Summary, LoanStatus? From, string? Changes);

    public sealed class FixInput
    {
        [StringLength(Domain.Loans.Loan.PurposeMaxLength, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "วัตถุประสงค์")]
        public string? Purpose { get; set; }

        [StringLength(Domain.Loans.Loan.PlaceMaxLength, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "สถานที่นำไปใช้")]
        public string? Place { get; set; }

        [BuddhistDate]
        [Display(Name = "วันที่เริ่มยืม")]
        public DateOnly? StartOn { get; set; }

        [BuddhistDate]
        [Display(Name = "วันที่ส่งคืน")]
        public DateOnly? DueOn { get; set; }

        public List<FixLine> Lines { get; set; } = [];

        [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ")]
        public string? Phone { get; set; }
    }

    public sealed class FixLine
    {
        public int ItemId { get; set; }

        [Range(0, 100_000, ErrorMessage = "{0} ต้องอยู่ระหว่าง {1} ถึง {2}")]
        [Display(Name = "จำนวน")]
        public int Quantity { get; set; }
    }

    public sealed class ExtendInput
    {
        [BuddhistDate]
        [Display(Name = "วันส่งคืนใหม่")]
        public DateOnly? NewDueOn { get; set; }

        [StringLength(500, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เหตุผลที่ขอขยายเวลา")]
        public string? Reason { get; set; }

        [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เบอร์โทรศัพท์ที่ให้ไว้ในคำขอ")]
        public string? Phone { get; set; }
    }
}
