using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using AssetLoan.Domain;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Apply;

/// <summary>
/// The public application (domain.md §2 outside borrower, §10 personal data): no account, the privacy notice, live
/// availability, and everything typed comes back on any error.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, NationalIdProtector ids, IStringLocalizer<SharedResource> s, ILogger<IndexModel> log, PublicDataCache cache, ApplyChallenge challenge) : PageModel
{
    /// <summary>History and audit name the applicant by role only: the person's name stays in the borrower record, which retention anonymises.</summary>
    public const string ApplicantActorName = "ผู้ยื่นคำขอทางออนไลน์";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PublicCatalogueItem> Catalogue { get; private set; } = [];

    /// <summary>The period the "free" column is for: the chosen dates, or today when none are chosen yet.</summary>
    public (DateOnly From, DateOnly To, bool ForChosenDates) AvailabilityPeriod { get; private set; }

    public Settings Settings { get; private set; } = new();

    /// <summary>How hard the form's challenge is, for the page's script.</summary>
    public int ChallengeBits => challenge.Bits;

    /// <summary>
    /// A catalogue up to this size is listed whole (a municipality lends tens of kinds, and a villager scrolls and types a
    /// quantity). A larger one (a province: thousands) starts from a search, and the form lists only the items found and
    /// the items already chosen, so that the page and its free counts cost what is shown, not what the catalogue holds.
    /// </summary>
    public const int ListEveryItemUpTo = 60;

    /// <summary>How many items one search shows.</summary>
    public const int SearchShows = 30;

    /// <summary>The catalogue is too large to list: the form starts from a search (<see cref="ListEveryItemUpTo"/>).</summary>
    public bool Searching { get; private set; }

    /// <summary>How many items matched <see cref="InputModel.Find"/> (may exceed what is shown).</summary>
    public int Matching { get; private set; }

    /// <summary>
    /// Set on a GET, whose lines carry nothing of the visitor's (no quantity typed, no message): the rendered list is
    /// kept under this key and the culture until the public data changes, so a search costs its rendering once.
    /// </summary>
    public string? LinesCacheKey { get; private set; }

    public async Task OnGetAsync(int? item, string? find, CancellationToken ct)
    {
        Input.Find = find;
        await LoadAsync(ct, item);
        Input.SubmissionKey = LoanTransactions.NewSubmissionKey();
        Input.Challenge = challenge.Issue();
        Input.Lines = Catalogue.Select(c => new LineInput { ItemId = c.Id, Quantity = c.Id == item ? 1 : 0 }).ToList();
        LinesCacheKey = string.Join('|', cache.Version, Today.DayNumber, Searching, item ?? 0, Input.Find?.Trim() ?? "");
        if (item is { } id && Catalogue.FirstOrDefault(c => c.Id == id) is { } chosen && !chosen.ForPublic && chosen.ForAgencies)
        {
            Input.Kind = BorrowerKind.Agency;
        }
    }

    /// <summary>Live availability for the JavaScript enhancement: free quantity per item for the dates.</summary>
    public async Task<IActionResult> OnGetAvailabilityAsync(string? start, string? due, string? ids, CancellationToken ct)
    {
        if (!ThaiDate.TryParse(start, out var from) || !ThaiDate.TryParse(due, out var to) || to < from || to.DayNumber - from.DayNumber > 366)
        {
            return new JsonResult(new { ok = false });
        }

        // The items on the visitor's form (at most a search's worth plus what was chosen); all of a small catalogue.
        var shown = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Take(SearchShows * 4).ToList();
        var all = shown.Count == 0 && await CatalogueSizeAsync(ct) <= ListEveryItemUpTo;
        var items = await db.PublicCatalogueAsync(from, to, Today, ct, all ? null : shown);
        return new JsonResult(new
        {
            ok = true,
            period = $"{Display.Date(from)} – {Display.Date(to)}",
            items = items.Select(i => new { id = i.Id, free = i.Free }),
        });
    }

    /// <summary>"ตรวจสอบจำนวนว่าง" without JavaScript: the form comes back with availability for the dates, nothing saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        DateFields.KeepOnly(ModelState, "Input.StartOn", "Input.DueOn");
        var (from, to) = ParseDates();
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError("Input.DueOn", s["วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม"]);
        }

        await LoadAsync(ct);
        AlignLines();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // Honeypot: only a robot fills a field people cannot see. It is told it succeeded; nothing is saved.
            log.LogWarning("Public application honeypot filled from {Address}; not saved", HttpContext.Connection.RemoteIpAddress);
            return Done(Loan.FormatReference(RandomNumberGenerator.GetInt32(1, 10000), FiscalYear.Of(Today).BuddhistYear), NewToken());
        }

        if (await db.SubmittedWithKeyAsync(Input.SubmissionKey, ct) is { TrackingToken: { } earlierToken } earlier)
        {
            return Done(earlier.Reference, earlierToken, filedBefore: true);
        }

        await LoadAsync(ct);
        AlignLines();
        var (startOn, dueOn) = ParseDates();
        ValidateInput();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var phone = ThaiPhone.Normalize(Input.Phone)!;
        var nationalId = Input.Kind == BorrowerKind.Person ? await ids.ProtectAsync(Input.NationalId!, ct) : null;
        var borrower = NewBorrower(phone, nationalId);
        var token = NewToken();
        var request = new LoanRequest(Input.Purpose, Input.Place, Input.OffPremises, startOn!.Value, dueOn!.Value,
            Input.Lines.Where(l => l.Quantity > 0).Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList(),
            Input.UrgencyReason,
            Input.Kind == BorrowerKind.Agency ? Input.AgencyLetterNumber : null,
            Input.Kind == BorrowerKind.Agency ? Input.AgencyLetterOn : null,
            token,
            Input.SubmissionKey);
        var now = time.GetUtcNow().UtcDateTime;

        // Back and submit again brings a fresh form key, but it is still the same application: answer with the first.
        if (await db.FiledAlreadyAsync(borrower, request, now, ct) is { TrackingToken: { } firstToken } first)
        {
            return Done(first.Reference, firstToken, filedBefore: true);
        }

        if (await db.OpenApplicationCountAsync(borrower, ct) >= Settings.OpenApplicationCap)
        {
            ModelState.AddModelError("", string.Format(System.Globalization.CultureInfo.CurrentCulture,
                s["ท่านมีคำขอที่อยู่ระหว่างดำเนินการครบ {0} รายการแล้ว กรุณารอให้คำขอเดิมเสร็จสิ้น หรือยกเลิกคำขอเดิมจากลิงก์ติดตาม ก่อนยื่นคำขอใหม่"],
                Settings.OpenApplicationCap));
            return Page();
        }

        if (!await EnoughAvailableAsync(startOn.Value, dueOn.Value, ct))
        {
            return Page();
        }

        if (await challenge.ClaimAsync(db, Input.Challenge, Input.ChallengeAnswer, HttpContext, ct) is { } refusal)
        {
            log.LogWarning("Public application refused by the challenge: {Refusal}", refusal);
            ModelState.AddModelError("", RefusalText(refusal));
            if (refusal is ApplyChallenge.Refusal.Invalid or ApplyChallenge.Refusal.Expired or ApplyChallenge.Refusal.Used)
            {
                // A fresh challenge, so that sending the form again works (the page's script solves it again).
                ModelState.Remove("Input.Challenge");
                ModelState.Remove("Input.ChallengeAnswer");
                Input.Challenge = challenge.Issue();
                Input.ChallengeAnswer = null;
            }

            return Page();
        }

        try
        {
            // SubmitLoanAsync reuses the applicant's existing record and checks its standing, as for walk-ins.
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(ApplicantActorName), Settings.Policy, Today, now, ct);
            log.LogInformation("Public application {Reference} submitted", loan.Reference);
            return Done(loan.Reference, loan.TrackingToken ?? token);
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            await challenge.ReleaseAsync(db, Input.Challenge, ct);
            ModelState.AddDomainError(ex, s, Loans.LoanForm.FieldFor(ex.Code, "Input", "Lines"));
            return Page();
        }
    }

    private string RefusalText(ApplyChallenge.Refusal refusal) => refusal switch
    {
        ApplyChallenge.Refusal.TooManyToday => s["วันนี้มีการยื่นคำขอจากเครือข่ายอินเทอร์เน็ตนี้ครบ {0} รายการแล้ว กรุณายื่นใหม่พรุ่งนี้ หรือติดต่อกองคลังโดยตรง", challenge.PerDay],
        ApplyChallenge.Refusal.TooManyWithoutScript => s["เบราว์เซอร์นี้ปิด JavaScript ไว้ และวันนี้มีการยื่นคำขอแบบนี้ครบ {0} รายการแล้ว กรุณาเปิด JavaScript แล้วส่งอีกครั้ง หรือติดต่อกองคลังโดยตรง", challenge.WithoutScriptPerDay],
        _ => s["แบบฟอร์มนี้หมดอายุหรือถูกส่งไปแล้ว ระบบเตรียมแบบฟอร์มใหม่ให้แล้ว (ข้อมูลที่กรอกยังอยู่) กรุณากดส่งอีกครั้ง"],
    };

    private DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    private RedirectToPageResult Done(string reference, string token, bool filedBefore = false)
    {
        TempData["Apply.FiledBefore"] = filedBefore;
        TempData["Apply.Reference"] = reference;
        TempData["Apply.Token"] = token;
        return RedirectToPage("Done");
    }

    /// <summary>≥128 random bits, URL-safe: 24 bytes give 32 base64url characters.</summary>
    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    private Borrower NewBorrower(string phone, ProtectedNationalId? nationalId)
    {
        var organisation = Input.Kind.IsOrganisation();
        var borrower = new Borrower(Input.Kind, organisation ? Input.OrganisationName! : Input.Name,
            new BorrowerContact(phone, Input.Email, Input.HouseNumber, Input.Moo, Input.Subdistrict, Input.District, Input.Province));
        if (organisation)
        {
            borrower.SetContactPerson(Input.Name);
        }

        if (nationalId is not null)
        {
            borrower.SetNationalId(nationalId.Cipher, nationalId.Lookup, nationalId.Normalized);
        }

        return borrower;
    }

    private (DateOnly? Start, DateOnly? Due) ParseDates() => (Input.StartOn, Input.DueOn);

    /// <summary>Checks that need the kind, the dates or the catalogue; each message goes beside its field.</summary>
    private void ValidateInput()
    {
        if (!PublicLoanTextKinds.Contains(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", s["กรุณาเลือกประเภทผู้ยืม"]);
        }

        if (Input.Kind == BorrowerKind.Person)
        {
            var problem = ThaiNationalId.Validate(Input.NationalId);
            if (problem is not null)
            {
                ModelState.AddModelError("Input.NationalId", s[NationalIdMessage(problem.Value)]);
            }
        }

        if (Input.Kind.IsOrganisation() && string.IsNullOrWhiteSpace(Input.OrganisationName))
        {
            ModelState.AddModelError("Input.OrganisationName", s["กรุณากรอกชื่อหน่วยงาน/องค์กร"]);
        }

        if (Input.Kind == BorrowerKind.Agency)
        {
            if (string.IsNullOrWhiteSpace(Input.AgencyLetterNumber))
            {
                ModelState.AddModelError("Input.AgencyLetterNumber", s["กรุณากรอกเลขที่หนังสือขอยืม"]);
            }

            if (Input.AgencyLetterOn is null && ModelState.GetValidationState("Input.AgencyLetterOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError("Input.AgencyLetterOn", s["กรุณากรอกวันที่ของหนังสือ เช่น 20/11/2569"]);
            }
        }

        if (!Input.Lines.Any(l => l.Quantity > 0))
        {
            ModelState.AddModelError("Input.Lines", s["กรุณาระบุจำนวนพัสดุที่ต้องการยืมอย่างน้อย 1 รายการ"]);
        }

        if (!Input.PrivacyAcknowledged)
        {
            ModelState.AddModelError("Input.PrivacyAcknowledged", s["กรุณาทำเครื่องหมายยืนยันว่าได้อ่านประกาศความเป็นส่วนตัวแล้ว"]);
        }
    }

    private static readonly HashSet<BorrowerKind> PublicLoanTextKinds = [.. PublicLoanText.OutsideKinds];

    public static string NationalIdMessage(NationalIdProblem problem) => problem switch
    {
        NationalIdProblem.Missing => "กรุณากรอกเลขประจำตัวประชาชน 13 หลัก",
        NationalIdProblem.WrongLength => "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก",
        NationalIdProblem.WrongFirstDigit => "เลขประจำตัวประชาชนหลักแรกต้องเป็นเลข 1–8",
        _ => "เลขประจำตัวประชาชนไม่ถูกต้อง (เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) กรุณาตรวจสอบอีกครั้ง",
    };

    /// <summary>Asks more than is free for the dates: the message goes beside that item's quantity.</summary>
    private async Task<bool> EnoughAvailableAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
        {
            return true; // the domain explains the dates
        }

        var free = await db.AvailabilityAsync(Catalogue.Select(c => c.Id).ToList(), from, to, Today, firmOnly: false, excludeLoanId: null, ct);
        Catalogue = Catalogue.Select(c => c with { Free = free.TryGetValue(c.Id, out var f) ? f.FreeQuantity : 0 }).ToList();
        AvailabilityPeriod = (from, to, true);
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var line = Input.Lines[i];
            if (line.Quantity > 0 && free.TryGetValue(line.ItemId, out var f) && line.Quantity > f.FreeQuantity)
            {
                var row = Catalogue.First(c => c.Id == line.ItemId);
                ModelState.AddModelError($"Input.Lines[{i}].Quantity", Loans.LoanForm.OnlyFree(s, f.FreeQuantity, row.UnitNoun));
            }
        }

        return ModelState.IsValid;
    }

    /// <summary>
    /// The public catalogue (items for the public, or for agencies) with what is free for the period: all of it when it
    /// is small; otherwise the items already chosen (a quantity typed, or <paramref name="item"/> from a tag or the home
    /// page) followed by what the search found.
    /// </summary>
    private async Task LoadAsync(CancellationToken ct, int? item = null)
    {
        // Settings and today's catalogue are shared by every visitor until a write changes them; the page itself is not
        // output-cached because its form carries the visitor's antiforgery token.
        Settings = await cache.SettingsAsync(db, ct);
        var (start, due) = ParseDates();
        AvailabilityPeriod = start is { } f && due is { } t && t >= f && t.DayNumber - f.DayNumber <= 366 ? (f, t, true) : (Today, Today, false);
        Searching = await CatalogueSizeAsync(ct) > ListEveryItemUpTo;
        if (!Searching)
        {
            Catalogue = AvailabilityPeriod.ForChosenDates
                ? await db.PublicCatalogueAsync(AvailabilityPeriod.From, AvailabilityPeriod.To, Today, ct)
                : await cache.PublicCatalogueTodayAsync(db, Today, ct);
            return;
        }

        var chosen = Input.Lines.Where(l => l.Quantity > 0 && l.ItemId > 0).Select(l => l.ItemId)
            .Concat(item is > 0 ? [item.Value] : []).Distinct().Take(SearchShows * 3).Order().ToList();
        var find = Input.Find?.Trim() ?? "";
        var (from, to) = (AvailabilityPeriod.From, AvailabilityPeriod.To);

        // The same search for the same dates finds the same items with the same free counts until a write changes the
        // public data: one visitor's search is computed once for everyone who asks it (issue 15).
        var key = string.Join('|', "apply-find", from.DayNumber, to.DayNumber, Today.DayNumber, string.Join(',', chosen), find);
        (Catalogue, Matching) = await cache.SearchAsync(key, async () =>
        {
            IReadOnlyList<int> found = [];
            var matching = 0;
            if (find.Length > 0)
            {
                (found, matching) = await db.FindPublicItemsAsync(find, SearchShows, ct);
            }

            var rows = await db.PublicCatalogueAsync(from, to, Today, ct, chosen.Union(found).ToList());
            return ((IReadOnlyList<PublicCatalogueItem>)[.. rows.OrderBy(r => chosen.Contains(r.Id) ? 0 : 1)], matching);
        });
    }

    private Task<int> CatalogueSizeAsync(CancellationToken ct) => cache.GetAsync("catalogue-size", () => db.PublicCatalogueSizeAsync(ct));

    /// <summary>One line per catalogue row, in the catalogue's order, keeping what was typed for each item.</summary>
    private void AlignLines()
    {
        var typed = Input.Lines.Where(l => l.ItemId != 0).GroupBy(l => l.ItemId).ToDictionary(g => g.Key, g => g.Last().Quantity);
        Input.Lines = Catalogue.Select(c => new LineInput { ItemId = c.Id, Quantity = typed.GetValueOrDefault(c.Id) }).ToList();
    }

    public sealed class InputModel
    {
        [Display(Name = "ประเภทผู้ยืม")]
        public BorrowerKind Kind { get; set; } = BorrowerKind.Person;

        [Required(ErrorMessage = "กรุณากรอกชื่อ–นามสกุล")]
        [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "ชื่อ–นามสกุล")]
        public string Name { get; set; } = "";

        [StringLength(20, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เลขประจำตัวประชาชน 13 หลัก")]
        public string? NationalId { get; set; }

        [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "ชื่อหน่วยงาน/องค์กร")]
        public string? OrganisationName { get; set; }

        [StringLength(100, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เลขที่หนังสือขอยืม")]
        public string? AgencyLetterNumber { get; set; }

        [BuddhistDate]
        [Display(Name = "ลงวันที่ (หนังสือ)")]
        public DateOnly? AgencyLetterOn { get; set; }

        [Required(ErrorMessage = "กรุณากรอกเบอร์โทรศัพท์")]
        [ThaiPhone]
        [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เบอร์โทรศัพท์")]
        public string Phone { get; set; } = "";

        [EmailAddress(ErrorMessage = "รูปแบบอีเมลไม่ถูกต้อง")]
        [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "อีเมล (ถ้ามี)")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "กรุณากรอกบ้านเลขที่")]
        [StringLength(50, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "บ้านเลขที่")]
        public string HouseNumber { get; set; } = "";

        [StringLength(20, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "หมู่ที่")]
        public string? Moo { get; set; }

        [Required(ErrorMessage = "กรุณากรอกตำบล")]
        [StringLength(100, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "ตำบล")]
        public string Subdistrict { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกอำเภอ")]
        [StringLength(100, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "อำเภอ")]
        public string District { get; set; } = "";

        [Required(ErrorMessage = "กรุณากรอกจังหวัด")]
        [StringLength(100, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "จังหวัด")]
        public string Province { get; set; } = "";

        [Required(ErrorMessage = "กรุณาระบุวัตถุประสงค์การยืม")]
        [StringLength(Loan.PurposeMaxLength, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "วัตถุประสงค์การยืม (นำไปใช้ในงานใด)")]
        public string Purpose { get; set; } = "";

        [Required(ErrorMessage = "กรุณาระบุสถานที่นำไปใช้")]
        [StringLength(Loan.PlaceMaxLength, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "สถานที่นำไปใช้")]
        public string Place { get; set; } = "";

        [Display(Name = "นำไปใช้นอกสถานที่ของเทศบาล")]
        public bool OffPremises { get; set; } = true;

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่เริ่มยืม")]
        [Display(Name = "วันที่เริ่มยืม")]
        public DateOnly? StartOn { get; set; }

        [BuddhistDate]
        [Required(ErrorMessage = "กรุณาระบุวันที่ส่งคืน")]
        [Display(Name = "วันที่ส่งคืน")]
        public DateOnly? DueOn { get; set; }

        [StringLength(500, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "เหตุผลความจำเป็นเร่งด่วน (กรณียืมพัสดุใช้สิ้นเปลือง)")]
        public string? UrgencyReason { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        /// <summary>A large catalogue: the words the applicant looks for (not saved).</summary>
        [StringLength(100, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
        [Display(Name = "ค้นหาพัสดุที่ต้องการยืม")]
        public string? Find { get; set; }

        [Display(Name = "ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัวและรับทราบการเก็บใช้ข้อมูลส่วนบุคคลตามที่แจ้งไว้ข้างต้นแล้ว")]
        public bool PrivacyAcknowledged { get; set; }

        /// <summary>One per render of the form: posting the same render twice files one request.</summary>
        [StringLength(64)]
        public string? SubmissionKey { get; set; }

        /// <summary>The proof-of-work challenge issued with this form (<see cref="ApplyChallenge"/>).</summary>
        [StringLength(400)]
        public string? Challenge { get; set; }

        /// <summary>The page's script's answer to <see cref="Challenge"/>; empty when JavaScript is off.</summary>
        [StringLength(12)]
        public string? ChallengeAnswer { get; set; }

        /// <summary>Honeypot: hidden from people; a robot that fills it gets a fake success.</summary>
        [StringLength(200)]
        public string? Website { get; set; }
    }

    public sealed class LineInput
    {
        public int ItemId { get; set; }

        [Range(0, 10_000, ErrorMessage = "จำนวนต้องอยู่ระหว่าง 0 ถึง 10,000")]
        public int Quantity { get; set; }
    }
}
