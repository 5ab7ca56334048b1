using System.Globalization;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>What /loans/all was asked for (query-string names are the property names in lower case).</summary>
public sealed record LoanSearch
{
    public const int PageSize = 50;

    /// <summary>A request number ("8/2570"), a borrower's name, a phone number, an asset number or a tag.</summary>
    public string? Q { get; init; }

    /// <summary>A <see cref="LoanStatus"/> name, or "Out" (handed over or partly returned), "Overdue" or "ToCheck" (the desk's
    /// list to check: outsiders' and heads' new requests and endorsed staff requests).</summary>
    public string? Status { get; init; }

    public BorrowerKind? Kind { get; init; }

    public int? Division { get; init; }

    /// <summary>An item id (from an older link; the page's field sends <see cref="ItemName"/>).</summary>
    public int? Item { get; init; }

    /// <summary>An item's name or part of it (<see cref="ItemNameFilter"/>).</summary>
    public string? ItemName { get; init; }

    /// <summary>Period start, typed in พ.ศ. ("25/12/2569"): loans whose period overlaps [From, To].</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>"submitted" (default: newest first; <see cref="Desc"/> turns it to oldest first), "start", "due", "reference".</summary>
    public string? Sort { get; init; }

    public bool Desc { get; init; }

    public int Page { get; init; } = 1;

    public static readonly string[] Sorts = ["submitted", "start", "due", "reference"];

    public string SortKey => Sorts.Contains(Sort) ? Sort! : "submitted";

    /// <summary>A filter date as people type it (the domain's พ.ศ. parser, as every date field); null when it is not one.</summary>
    public static DateOnly? ParseDate(string? text) => ThaiDate.TryParseBuddhist(text, out var date, out _) ? date : null;

    /// <summary>The query string of this search with some values changed (for sort headers and paging links).</summary>
    public string With(string? sort = null, bool? desc = null, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status,
            ["kind"] = Kind?.ToString(),
            ["division"] = Division?.ToString(CultureInfo.InvariantCulture),
            ["item"] = Item?.ToString(CultureInfo.InvariantCulture),
            ["itemname"] = ItemName?.Trim(),
            ["from"] = From,
            ["to"] = To,
            ["sort"] = sort ?? Sort,
            ["desc"] = (desc ?? Desc) ? "true" : null,
            ["page"] = (page ?? Page) is var p && p > 1 ? p.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString();
    }
}

/// <summary>One row of /loans/all, projected in SQL (never an entity).</summary>
public sealed record LoanListRow(int Id, string Reference, string BorrowerName, BorrowerKind Kind, string? DivisionName, DateOnly StartOn, DateOnly DueOn, LoanStatus Status, DateTime SubmittedAtUtc, IReadOnlyList<string> Items);

public sealed record LoanListPage(IReadOnlyList<LoanListRow> Rows, int Total, int Page)
{
    public int Pages => Math.Max(1, (Total + LoanSearch.PageSize - 1) / LoanSearch.PageSize);
}

/// <summary>
/// The loans list for the desk and for those who oversee it. Every filter is an indexed comparison (reference by
/// fiscal year and number; phone, asset number and tag by their unique or plain indexes; status, dates, division and
/// item by theirs); only a free-text borrower name scans the borrowers. Rows are a page, projected.
/// </summary>
public static class LoanSearchQueries
{
    /// <param name="keepCount">Where the page keeps the total between writes (counting a million loans is most of the
    /// cost); null counts every time.</param>
    public static async Task<LoanListPage> SearchAsync(this AppDbContext db, LoanSearch search, DateOnly today, WorkingCalendar calendar, CancellationToken ct,
        Func<Func<Task<int>>, Task<int>>? keepCount = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        var loans = await FilterAsync(db, db.Loans.AsNoTracking(), search, today, calendar, ct);
        var total = keepCount is null ? await loans.CountAsync(ct) : await keepCount(() => loans.CountAsync(ct));
        var page = Math.Clamp(search.Page, 1, Math.Max(1, (total + LoanSearch.PageSize - 1) / LoanSearch.PageSize));
        var rows = await (
                from l in Sorted(loans, search).Skip((page - 1) * LoanSearch.PageSize).Take(LoanSearch.PageSize)
                join b in db.Borrowers on l.BorrowerId equals b.Id
                join d in db.Divisions on l.BorrowerDivisionId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                select new LoanListRow(l.Id, l.Reference, b.Name, l.BorrowerKind, d == null ? null : d.Name, l.StartOn, l.DueOn, l.Status, l.SubmittedAtUtc,
                    l.Lines.OrderBy(x => x.Id).Select(x => x.ItemName + " × " + x.Quantity + " " + x.UnitNoun).ToList()))
            .ToListAsync(ct);
        return new LoanListPage(rows, total, page);
    }

    public static async Task<IQueryable<Loan>> FilterAsync(AppDbContext db, IQueryable<Loan> loans, LoanSearch search, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        loans = Matching(db, loans, search.Q);
        loans = search.Status switch
        {
            null or "" => loans,
            "Out" => loans.Out(),
            "ToCheck" => loans.ToCheck(),
            "Overdue" => loans.Overdue(today, calendar),
            _ when Enum.TryParse<LoanStatus>(search.Status, out var status) => loans.Where(l => l.Status == status),
            _ => loans,
        };
        if (search.Kind is { } kind)
        {
            loans = loans.Where(l => l.BorrowerKind == kind);
        }

        if (search.Division is { } division)
        {
            loans = loans.Where(l => l.BorrowerDivisionId == division);
        }

        loans = await loans.WithItemAsync(db, search.Item, search.ItemName, ct);

        if (LoanSearch.ParseDate(search.From) is { } from)
        {
            loans = loans.Where(l => l.DueOn >= from);
        }

        if (LoanSearch.ParseDate(search.To) is { } to)
        {
            loans = loans.Where(l => l.StartOn <= to);
        }

        return loans;
    }

    private static IQueryable<Loan> Matching(AppDbContext db, IQueryable<Loan> loans, string? q)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0)
        {
            return loans;
        }

        if (LoanReference.TryParse(text, out var number, out var year))
        {
            return loans.Where(l => l.FiscalYear == year && l.Number == number);
        }

        // A scanned label may be its whole address (https://…/a/{tag}).
        var slash = text.LastIndexOf("/a/", StringComparison.OrdinalIgnoreCase);
        var tag = (slash >= 0 ? text[(slash + 3)..].Trim('/') : text).ToUpperInvariant();
        var assetIds = db.Assets.Where(a => a.AssetNumber == text || a.Tag == tag).Select(a => a.Id);
        var byAsset = db.LoanUnits.Where(u => assetIds.Contains(u.AssetId)).Join(db.LoanLines, u => u.LoanLineId, x => x.Id, (u, x) => x.LoanId);

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var phone = text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-') && digits.Length is 9 or 10 && digits[0] == '0' ? digits : null;
        var borrowers = phone is null
            ? db.Borrowers.Where(b => b.Name.Contains(text) || (b.ContactPerson != null && b.ContactPerson.Contains(text))).Select(b => b.Id)
            : db.Borrowers.Where(b => b.Phone == phone || db.Users.Any(u => u.Id == b.UserId && u.PhoneNumber == phone)).Select(b => b.Id);
        return loans.Where(l => borrowers.Contains(l.BorrowerId) || byAsset.Contains(l.Id));
    }

    private static IQueryable<Loan> Sorted(IQueryable<Loan> loans, LoanSearch search) => (search.SortKey, search.Desc) switch
    {
        ("start", false) => loans.OrderBy(l => l.StartOn).ThenBy(l => l.Id),
        ("start", true) => loans.OrderByDescending(l => l.StartOn).ThenByDescending(l => l.Id),
        ("due", false) => loans.OrderBy(l => l.DueOn).ThenBy(l => l.Id),
        ("due", true) => loans.OrderByDescending(l => l.DueOn).ThenByDescending(l => l.Id),
        ("reference", false) => loans.OrderBy(l => l.FiscalYear).ThenBy(l => l.Number),
        ("reference", true) => loans.OrderByDescending(l => l.FiscalYear).ThenByDescending(l => l.Number),
        // Newest first by default: ids grow with submission.
        (_, false) => loans.OrderByDescending(l => l.Id),
        _ => loans.OrderBy(l => l.Id),
    };
}
