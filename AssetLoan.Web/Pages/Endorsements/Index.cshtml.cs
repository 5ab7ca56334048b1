using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Endorsements;

/// <summary>
/// /endorsements: requests of the head's own division's staff waiting for endorsement (rule 4), and for the fallback
/// division's head also those of divisions without a head (<see cref="EndorsementQueries"/>), marked as such.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor current) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = current.Actor;
        if (me.DivisionId is not { } mine)
        {
            return;
        }

        var fallback = await db.FallbackDivisionIdAsync(ct);
        Rows = await (
                from l in db.Loans.AsNoTracking().AwaitingEndorsementBy(db, mine, fallback)
                join b in db.Borrowers on l.BorrowerId equals b.Id
                join d in db.Divisions on l.BorrowerDivisionId equals d.Id
                where l.BorrowerUserId != me.UserId
                orderby l.SubmittedAtUtc
                select new Row(l.Id, l.Reference, b.Name, l.StartOn, l.DueOn, l.SubmittedAtUtc, l.Purpose,
                    l.Lines.OrderBy(x => x.Id).Select(x => x.ItemName + " × " + x.Quantity + " " + x.UnitNoun).ToList(),
                    l.BorrowerDivisionId != mine ? d.Name : null))
            .ToListAsync(ct);
    }

    /// <param name="OnBehalfOfDivision">The borrower's division when this head endorses for it as the fallback (it has no head).</param>
    public sealed record Row(int Id, string Reference, string BorrowerName, DateOnly StartOn, DateOnly DueOn, DateTime SubmittedAtUtc, string Purpose, IReadOnlyList<string> Items, string? OnBehalfOfDivision);
}
