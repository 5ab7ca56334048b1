using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// The "รายการพัสดุ" filter of the loan lists and the register, typed instead of picked: a province has thousands of
/// catalogue items, and a drop-down of all of them made every list page half a megabyte. The typed name means exactly
/// the item of that name when there is one (what choosing from the suggestions gives), otherwise every item whose name
/// contains it ("เต็นท์" finds every tent). An item id from an older link still filters by that item.
/// </summary>
public static class ItemNameFilter
{
    /// <summary>How many names the field suggests under what was typed.</summary>
    public const int SuggestionCount = 20;

    /// <summary>The ids of the items <paramref name="name"/> means, as a sub-query (one statement with the list's).</summary>
    public static IQueryable<int> Matching(AppDbContext db, string name)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = name.Trim();
        return db.CatalogueItems
            .Where(c => c.Name == text || (!db.CatalogueItems.Any(e => e.Name == text) && c.Name.Contains(text)))
            .Select(c => c.Id);
    }

    /// <summary>
    /// Below this many loan lines of the chosen items, the list starts from those lines; from this many, it walks the
    /// loans in the list's order and asks each for a line (bench/run at a million loans: a rare item took 0.93 s the
    /// second way and 1 ms the first; a common one 2 ms the second way and 0.4 s the first).
    /// </summary>
    public const int FewLines = 2_000;

    /// <summary>Loans with a line of the item <paramref name="id"/> and of an item <paramref name="name"/> means (either may be empty).</summary>
    public static async Task<IQueryable<Loan>> WithItemAsync(this IQueryable<Loan> loans, AppDbContext db, int? id, string? name, CancellationToken ct, int fewLines = FewLines)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (id is { } item)
        {
            loans = await WithLinesAsync(loans, db, db.LoanLines.Where(x => x.CatalogueItemId == item), fewLines, ct);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var ids = Matching(db, name);
            loans = await WithLinesAsync(loans, db, db.LoanLines.Where(x => ids.Contains(x.CatalogueItemId)), fewLines, ct);
        }

        return loans;
    }

    private static async Task<IQueryable<Loan>> WithLinesAsync(IQueryable<Loan> loans, AppDbContext db, IQueryable<LoanLine> lines, int fewLines, CancellationToken ct)
    {
        if (await lines.Take(fewLines).CountAsync(ct) < fewLines)
        {
            var loanIds = lines.Select(x => x.LoanId);
            return loans.Where(l => loanIds.Contains(l.Id));
        }

        return loans.Where(l => lines.Any(x => x.LoanId == l.Id));
    }

    /// <summary>What the field shows and suggests: the typed text (or the name of the item an older link chose), whether it
    /// names no item at all, and up to <see cref="SuggestionCount"/> names containing it.</summary>
    public static async Task<ItemNameField> FieldAsync(AppDbContext db, int? id, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            var chosen = id is { } item ? await db.CatalogueItems.AsNoTracking().Where(c => c.Id == item).Select(c => c.Name).SingleOrDefaultAsync(ct) : null;
            return new ItemNameField(chosen, false, []);
        }

        var suggestions = await db.CatalogueItems.AsNoTracking().Where(c => c.Name.Contains(text)).OrderBy(c => c.Name).Select(c => c.Name)
            .Take(SuggestionCount).ToListAsync(ct);
        return new ItemNameField(text, suggestions.Count == 0, suggestions);
    }
}

/// <summary>The item-name field as a list page draws it.</summary>
public sealed record ItemNameField(string? Text, bool NoneFound, IReadOnlyList<string> Suggestions);
