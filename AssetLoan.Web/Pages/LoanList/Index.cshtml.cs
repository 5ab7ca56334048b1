using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Pages.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.LoanList;

/// <summary>
/// /loans/all: every loan, found by request number ("8/2570" or "0008/2570"), borrower name, phone, asset number or
/// tag; filtered by status, borrower kind, division, catalogue item and period; sorted and paged. The supplies officer
/// and the FinanceDirector open loans to act on them; the Executive and the Auditor read.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, PublicDataCache cache) : PageModel
{
    public LoanSearch Search { get; private set; } = new();

    public LoanListPage Result { get; private set; } = new([], 0, 1);

    public DateOnly Today { get; private set; }

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    public IReadOnlyList<NamedOption> Divisions { get; private set; } = [];

    /// <summary>The item-name field: what was typed (or the item an older link chose) and names that contain it.</summary>
    public ItemNameField ItemField { get; private set; } = new(null, false, []);

    /// <summary>The auditor reads the loan's record in the audit trail; the others open the loan page.</summary>
    public bool ReadsAuditTrail => User.IsInRole(Roles.Auditor) && !User.IsInRole(Roles.SuppliesOfficer) && !User.IsInRole(Roles.FinanceDirector) && !User.IsInRole(Roles.Executive);

    /// <summary>A filter besides the search text is in use: the folded filters open.</summary>
    public bool AnyFilter => !string.IsNullOrEmpty(Search.Status) || Search.Kind is not null || Search.Division is not null || Search.Item is not null || !string.IsNullOrWhiteSpace(Search.ItemName)
        || !string.IsNullOrWhiteSpace(Search.From) || !string.IsNullOrWhiteSpace(Search.To);

    public bool InvalidFrom { get; private set; }

    public bool InvalidTo { get; private set; }

    public async Task OnGetAsync([FromQuery] LoanSearch search, CancellationToken ct)
    {
        Search = search ?? new LoanSearch();
        InvalidFrom = !string.IsNullOrWhiteSpace(Search.From) && LoanSearch.ParseDate(Search.From) is null;
        InvalidTo = !string.IsNullOrWhiteSpace(Search.To) && LoanSearch.ParseDate(Search.To) is null;
        Today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        Calendar = await db.WorkingCalendarAsync(ct);
        Divisions = await cache.GetAsync("loanlist-divisions", () => AdminQueries.DivisionsAsync(db, ct));
        ItemField = await ItemNameFilter.FieldAsync(db, Search.Item, Search.ItemName, ct);
        // The total is kept per search and day (overdue depends on the day), in the bounded store, until the next write
        // through the app on any instance.
        Result = await db.SearchAsync(Search, Today, Calendar, ct, load => cache.KeptAsync(new LoanCountFigure(Today, Search.With(sort: "", page: 1)), load));
    }
}
