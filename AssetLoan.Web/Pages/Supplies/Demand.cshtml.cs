using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>บันทึกการทวงถาม (ข้อ ๒๑๑): date, channel, note, by whom; and "ส่งแจ้งเตือนทันที" (a reminder through the outbox).</summary>
public sealed class DemandModel(AppDbContext db, TimeProvider time, CurrentActor current, IStringLocalizer<SharedResource> s) : PageModel, IShowsRuleErrors
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public IReadOnlyList<Demand> Demands { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    public bool CanRecord { get; private set; }

    /// <summary>Why no demand may be recorded now (not overdue, not out), shown instead of the form; null when it may.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new InputModel { IssuedOn = Today, Channel = DemandChannel.Letter };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Input.IssuedOn is not { } issuedOn)
        {
            return Page();
        }

        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id, ct);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        loan.RecordDemand(current.Actor, issuedOn, Input.Channel, Input.Note, BangkokTime.Today(nowUtc), nowUtc, Calendar);
        await db.SaveChangesAsync(ct);
        this.Flash(string.Format(System.Globalization.CultureInfo.CurrentCulture, s["บันทึกการทวงถามรายการยืมเลขที่ {0} แล้ว"].Value, loan.Reference));
        return RedirectToPage("/Supplies/Overdue");
    }

    /// <summary>ส่งแจ้งเตือนทันที: queues the overdue reminder for the borrower now (e-mail and, for staff, in-app).</summary>
    public async Task<IActionResult> OnPostRemindAsync(int id, string? returnUrl, CancellationToken ct)
    {
        var loan = await db.Loans.AsNoTracking().Where(l => l.Id == id).Select(l => new { l.Reference, l.Status }).SingleOrDefaultAsync(ct);
        if (loan is null)
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : $"/supplies/demand/{id}";
        if (!LoanTransitions.IsOut(loan.Status))
        {
            this.FlashError(s["รายการยืมนี้ไม่มีพัสดุค้างส่งคืน จึงไม่ต้องแจ้งเตือน"].Value);
            return LocalRedirect(back);
        }

        var queued = await OutboxWriter.QueueAsync(db, id, NotificationTemplates.Overdue, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        if (queued == 0)
        {
            this.FlashError(s["ผู้ยืมไม่มีอีเมลหรือบัญชีผู้ใช้ จึงแจ้งเตือนผ่านระบบไม่ได้ กรุณาโทรศัพท์หรือส่งหนังสือทวงถาม"].Value);
        }
        else
        {
            this.Flash(string.Format(System.Globalization.CultureInfo.CurrentCulture, s["ส่งแจ้งเตือนผู้ยืมรายการเลขที่ {0} แล้ว"].Value, loan.Reference));
        }

        return LocalRedirect(back);
    }

    string IShowsRuleErrors.FieldFor(DomainRuleException error) => error.Code == "Loan.DemandDate" ? "Input.IssuedOn" : "";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, id, ct);
        if (summary is null)
        {
            return false;
        }

        Loan = summary;
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Calendar = await db.WorkingCalendarAsync(ct);
        Demands = await db.Demands.AsNoTracking().Where(d => d.LoanId == id).OrderBy(d => d.IssuedOn).ThenBy(d => d.Id).ToListAsync(ct);
        // The form is shown only when the loan page would offer "record a demand" to this officer (LoanActions).
        var refusal = await LoanDesk.RefusalAsync(db, id, current.Actor, LoanAction.RecordDemand, Today, ct);
        Refusal = refusal is null ? null : DomainErrors.Message(refusal, s);
        CanRecord = refusal is null;
        return true;
    }

    public sealed class InputModel
    {
        [BuddhistDate]
        [Required(ErrorMessage = "กรุณากรอกวันที่ทวงถาม")]
        [Display(Name = "วันที่ทวงถาม")]
        public DateOnly? IssuedOn { get; set; }

        [Display(Name = "ช่องทาง")]
        public DemandChannel Channel { get; set; }

        [StringLength(1000, ErrorMessage = "หมายเหตุยาวเกินไป")]
        [Display(Name = "หมายเหตุ (เช่น เลขที่หนังสือ ผลการติดต่อ)")]
        public string? Note { get; set; }
    }
}
