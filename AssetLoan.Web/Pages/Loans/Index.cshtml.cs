using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Loans;

/// <summary>/loans: the signed-in staff member's own requests, newest first.</summary>
public sealed class IndexModel(AppDbContext db, CurrentActor current, TimeProvider time) : PageModel
{
    public IReadOnlyList<LoanRow> Loans { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Calendar = await db.WorkingCalendarAsync(ct);
        var me = current.Actor.UserId;
        Loans = await db.Loans.AsNoTracking()
            .Where(l => l.BorrowerUserId == me || (l.RequestedByUserId == me && !l.KeyedInByOfficer))
            .OrderByDescending(l => l.SubmittedAtUtc).ThenByDescending(l => l.Id)
            .Select(l => new LoanRow(l.Id, l.Reference, l.StartOn, l.DueOn, l.Status,
                l.Lines.OrderBy(x => x.Id).Select(x => new LineText(x.ItemName, x.Quantity, x.UnitNoun)).ToList()))
            .ToListAsync(ct);
    }

    public sealed record LoanRow(int Id, string Reference, DateOnly StartOn, DateOnly DueOn, LoanStatus Status, IReadOnlyList<LineText> Lines)
    {
        public string ItemsText => LoanText.Items(Lines.Select(l => (l.Name, l.Quantity, l.Unit)));
    }

    public sealed record LineText(string Name, int Quantity, string Unit);
}
