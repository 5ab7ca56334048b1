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
/// date — and cancelling it before handover; an outside borrower also chooses how they are told (LINE, e-mail, none)
/// and links LINE by a one-time code. Shows no personal data: whoever holds the link sees only the loan (the LINE user
/// id only masked).
/// </summary>
public sealed class ApplicationModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> s) : PageModel
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

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    /// <summary>The last day to pick the items up before the approval expires.</summary>
    public DateOnly PickupBy => Domain.Loans.Loan.PickupDeadline(Loan.StartOn, Loan.DueOn, Settings.Policy.ExpireAfterDays);

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    /// <summary>The real pickup days: from the working day(s) before the start that the calendar allows, to <see cref="PickupBy"/>.</summary>
    public HandoverWindow Pickup => new(Calendar.PickupFrom(Loan.StartOn), PickupBy);

    public bool IsOverdue => FollowUp.IsOverdue(Loan.Status, Loan.DueOn, Today, Calendar);

    public bool CanCancel => LoanTransitions.Allows(Loan.Status, LoanAction.Cancel);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        var loan = await db.Loans.Include(l => l.Lines).ThenInclude(l => l.Units)
            .SingleOrDefaultAsync(l => l.TrackingToken == token && token.Length >= 22, ct);
        if (loan is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                loan.Cancel(Actor.Applicant(Apply.IndexModel.ApplicantActorName), CancelReason, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = s["ยกเลิกคำขอเรียบร้อยแล้ว"].Value;
                return Redirect($"/track/{token}");
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddDomainError(ex, s);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", s["มีผู้อื่นแก้ไขคำขอนี้ในขณะเดียวกัน กรุณาตรวจสอบอีกครั้ง"]);
            }
        }

        await LoadAsync(token, ct);
        return Page();
    }

    /// <summary>A one-time code to send to the municipality's LINE Official Account (shown once, on the next page).</summary>
    public async Task<IActionResult> OnPostLineCodeAsync(string token, CancellationToken ct)
    {
        if (await OutsiderAsync(token, ct) is not { } borrower)
        {
            return NotFound();
        }

        var settings = await Settings.LoadAsync(db, ct);
        var code = settings.LineOn ? await LineLinking.IssueAsync(db, borrower.Id, null, time.GetUtcNow().UtcDateTime, ct) : null;
        if (code is null)
        {
            TempData["FlashError"] = settings.LineOn ? s["ขอรหัสได้ไม่เกิน 5 ครั้งต่อชั่วโมง กรุณาลองใหม่ภายหลัง"].Value : s["ยังไม่เปิดใช้การแจ้งเตือนทาง LINE"].Value;
        }
        else
        {
            TempData["LineCode"] = LineLinkCode.Display(code);
        }

        return Redirect($"/track/{token}#notices");
    }

    public async Task<IActionResult> OnPostChannelAsync(string token, CancellationToken ct)
    {
        if (await OutsiderAsync(token, ct) is not { } borrower)
        {
            return NotFound();
        }

        if (Channel == ContactChannel.Line && borrower.LineUserId is null)
        {
            TempData["FlashError"] = s["กรุณาเชื่อมต่อ LINE ก่อนเลือกรับการแจ้งเตือนทาง LINE"].Value;
            return Redirect($"/track/{token}#notices");
        }

        if (Enum.IsDefined(Channel))
        {
            borrower.Prefer(Channel);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = s["บันทึกช่องทางรับการแจ้งเตือนแล้ว"].Value;
        }

        return Redirect($"/track/{token}#notices");
    }

    public async Task<IActionResult> OnPostUnlinkLineAsync(string token, CancellationToken ct)
    {
        if (await OutsiderAsync(token, ct) is not { } borrower)
        {
            return NotFound();
        }

        borrower.UnlinkLine();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = s["ยกเลิกการเชื่อมต่อ LINE แล้ว"].Value;
        return Redirect($"/track/{token}#notices");
    }

    /// <summary>The outside borrower of the application, tracked; null for an unknown token, a staff loan or anonymised data.</summary>
    private async Task<Domain.Borrowers.Borrower?> OutsiderAsync(string token, CancellationToken ct)
    {
        if (token.Length < 22)
        {
            return null;
        }

        var borrowerId = await db.Loans.Where(l => l.TrackingToken == token && l.BorrowerUserId == null).Select(l => (int?)l.BorrowerId).SingleOrDefaultAsync(ct);
        return borrowerId is null ? null : await db.Borrowers.SingleOrDefaultAsync(b => b.Id == borrowerId && b.AnonymisedAtUtc == null, ct);
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (token.Length < 22)
        {
            return false;
        }

        var loan = await db.Loans.AsNoTracking()
            .Where(l => l.TrackingToken == token)
            .Select(l => new TrackedLoan(l.Reference, l.Status, l.BorrowerKind, l.Purpose, l.Place, l.OffPremises, l.StartOn, l.DueOn,
                l.DecisionReason, l.HandedOverOn, l.ReturnedOn,
                l.Lines.Select(x => new TrackedLine(x.ItemName, x.Quantity, x.UnitNoun, x.IssuedQuantity, x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost)).ToList(),
                l.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new TrackedStep(h.AtUtc, h.Summary, h.FromStatus)).ToList()))
            .SingleOrDefaultAsync(ct);
        if (loan is null)
        {
            return false;
        }

        Loan = loan;
        Token = token;
        Settings = await Settings.LoadAsync(db, ct);
        Calendar = await db.WorkingCalendarAsync(ct);
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


    public sealed record TrackedLoan(string Reference, LoanStatus Status, Domain.Borrowers.BorrowerKind Kind, string Purpose, string Place, bool OffPremises,
        DateOnly StartOn, DateOnly DueOn, string? DecisionReason, DateOnly? HandedOverOn, DateOnly? ReturnedOn, IReadOnlyList<TrackedLine> Lines, IReadOnlyList<TrackedStep> History);

    /// <summary>What the borrower chose; the LINE user id leaves the page only masked.</summary>
    public sealed record NoticeChoice(ContactChannel Preferred, string? LineUserId, bool HasEmail, bool LineOn)
    {
        public string MaskedLineUserId => ContactChannels.MaskLineUserId(LineUserId);

        public bool LineLinked => LineUserId is not null;
    }

    public sealed record TrackedLine(string ItemName, int Quantity, string UnitNoun, int Issued, int Returned);

    public sealed record TrackedStep(DateTime AtUtc, string Summary, LoanStatus? From);
}
