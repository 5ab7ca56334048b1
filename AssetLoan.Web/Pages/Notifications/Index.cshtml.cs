using System.Security.Claims;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Notifications;

/// <summary>The signed-in person's in-app messages (the outbox's in-app channel), newest first; mark one or all as read.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Unread { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = Mine();
        Total = await mine.CountAsync(ct);
        Unread = await mine.CountAsync(n => n.ReadAtUtc == null, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await mine.OrderByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Id, n.CreatedAtUtc, n.Subject, n.Body, n.ReadAtUtc != null, n.TemplateKey, n.LoanId))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await Mine().Where(n => n.Id == id && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        var row = await Mine().Where(n => n.Id == id).Select(n => new { n.TemplateKey, n.LoanId }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        return Request.Form.ContainsKey("open") && LinkFor(row.TemplateKey, row.LoanId) is { } link
            ? LocalRedirect(link)
            : RedirectToPage("/Notifications/Index");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await Mine().Where(n => n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        return RedirectToPage("/Notifications/Index");
    }

    /// <summary>Where a message leads: the page on which its reader acts or follows the loan.</summary>
    public static string? LinkFor(string templateKey, int? loanId) => (templateKey, loanId) switch
    {
        (_, null) => null,
        (NotificationTemplates.ActEndorse, _) => "/endorsements",
        (NotificationTemplates.ActCheck, _) => "/supplies",
        (NotificationTemplates.ActApprove, _) => "/approvals",
        (NotificationTemplates.ActConfirmCompensation, { } id) => $"/approvals/compensation/{id}",
        (_, { } id) => $"/loans/{id}",
    };

    private IQueryable<NotificationMessage> Mine() =>
        db.Notifications.Where(n => n.Channel == NotificationChannel.InApp && n.UserId == UserId);

    public sealed record Row(long Id, DateTime CreatedAtUtc, string Subject, string Body, bool IsRead, string TemplateKey, int? LoanId);
}
