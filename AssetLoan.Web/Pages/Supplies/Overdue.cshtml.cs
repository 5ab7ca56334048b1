using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>ติดตามทวงถาม (ข้อ ๒๑๑): each overdue loan with its demand deadline (due + 7 days), flagged when it passed without a demand.</summary>
[ReadableBy(Roles.FinanceDirector, Roles.Executive, Roles.Auditor)]
public sealed class OverdueModel(AppDbContext db, TimeProvider time) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<OverdueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var today = Today;
        var rows = await (
                from l in db.Loans.AsNoTracking().Overdue(today)
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                join u in db.Users.AsNoTracking() on b.UserId equals u.Id into us
                from u in us.DefaultIfEmpty()
                orderby l.DueOn, l.Id
                select new
                {
                    l.Id,
                    l.Reference,
                    l.Status,
                    b.Name,
                    b.Kind,
                    Phone = b.Phone ?? u.PhoneNumber,
                    l.DueOn,
                    Demands = l.Demands.Count,
                    LastDemand = l.Demands.Max(d => (DateOnly?)d.IssuedOn),
                    Items = l.Lines
                        .Where(x => x.IssuedQuantity > x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost)
                        .Select(x => new { x.ItemName, Out = x.IssuedQuantity - x.ReturnedGood - x.ReturnedDamaged - x.ReturnedLost, x.UnitNoun })
                        .ToList(),
                })
            .ToListAsync(ct);
        Rows = rows.Select(r => new OverdueRow(
                r.Id, r.Reference, r.Name, r.Kind, r.Phone, r.DueOn, FollowUp.DaysOverdue(r.DueOn, today), FollowUp.DemandDeadline(r.DueOn),
                r.Demands, r.LastDemand, FollowUp.DemandMissed(r.Status, r.DueOn, today, r.Demands > 0),
                string.Join(", ", r.Items.Select(i => $"{i.ItemName} {i.Out} {i.UnitNoun}"))))
            .ToList();
    }

    public sealed record OverdueRow(int Id, string Reference, string BorrowerName, Domain.Borrowers.BorrowerKind Kind, string? Phone, DateOnly DueOn, int DaysOverdue,
        DateOnly DemandDeadline, int Demands, DateOnly? LastDemandOn, bool DemandMissed, string ItemsOut);
}
