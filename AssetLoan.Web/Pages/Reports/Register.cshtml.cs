using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Reports;

/// <summary>/reports/register?fy=2570: ทะเบียนคุมการยืมพัสดุ of one fiscal year, paged on screen, A4 landscape in print.</summary>
public sealed class RegisterModel(AppDbContext db, TimeProvider time, PublicDataCache cache) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public RegisterFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int FiscalYear { get; private set; }

    public FiscalYear Year => new(FiscalYear);

    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    public RegisterTotals Totals { get; private set; } = null!;

    public int PageCount { get; private set; }

    /// <summary>The item-name field: what was typed (or the item an older link chose) and names that contain it.</summary>
    public ItemNameField ItemField { get; private set; } = new(null, false, []);

    public IReadOnlyList<Option> Divisions { get; private set; } = [];

    /// <summary>The admin's Thai-digit setting: print.js then puts the printed sheet's figures in Thai digits.</summary>
    public bool ThaiDigitsInPrint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ThaiDigitsInPrint = (await Settings.LoadAsync(db, ct)).ThaiDigitsOnDocuments;
        FiscalYear = Reports.FiscalYearOrCurrent(Filter.Fy, time);
        Filter.Fy = FiscalYear;
        var loans = await LoanRegister.LoansAsync(db, Filter, FiscalYear, ct);
        // The totals walk every loan of the filtered year (a province: hundreds of thousands): kept per filter until the
        // next write through the app on any instance, in the bounded store (the filter's item and division are typed).
        Totals = await cache.KeptAsync(new RegisterTotalsFigure(Filter.QueryString()), () => LoanRegister.TotalsAsync(loans, ct));
        PageCount = Math.Max(1, (Totals.Loans + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await LoanRegister.PageAsync(db, loans, PageNumber, PageSize, ct);
        ItemField = await ItemNameFilter.FieldAsync(db, Filter.Item, Filter.ItemName, ct);
        Divisions = await cache.GetAsync("register-divisions", () => db.Divisions.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(ct));
    }

    public sealed record Option(int Id, string Name);
}
