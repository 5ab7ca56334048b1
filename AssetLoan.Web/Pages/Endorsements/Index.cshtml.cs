using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Endorsements;

/// <summary>/endorsements: requests of the head's own division's staff waiting for endorsement (rule 4).</summary>
public sealed class IndexModel(AppDbContext db, CurrentActor current) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = current.Actor;
        Rows = await (
                from l in db.Loans.AsNoTracking().AwaitingEndorsement()
                join b in db.Borrowers on l.BorrowerId equals b.Id
                where l.BorrowerDivisionId == me.DivisionId && me.DivisionId != null && l.BorrowerUserId != me.UserId
                orderby l.SubmittedAtUtc
                select new Row(l.Id, l.Reference, b.Name, l.StartOn, l.DueOn, l.SubmittedAtUtc, l.Purpose,
                    l.Lines.OrderBy(x => x.Id).Select(x => x.ItemName + " × " + x.Quantity + " " + x.UnitNoun).ToList()))
            .ToListAsync(ct);
    }

    public sealed record Row(int Id, string Reference, string BorrowerName, DateOnly StartOn, DateOnly DueOn, DateTime SubmittedAtUtc, string Purpose, IReadOnlyList<string> Items);
}
