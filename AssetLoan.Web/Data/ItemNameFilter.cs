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

    /// <summary>Loans with a line of the item <paramref name="id"/> and of an item <paramref name="name"/> means (either may be empty).</summary>
    public static IQueryable<Loan> WithItem(this IQueryable<Loan> loans, AppDbContext db, int? id, string? name)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (id is { } item)
        {
            loans = loans.Where(l => db.LoanLines.Any(x => x.LoanId == l.Id && x.CatalogueItemId == item));
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var ids = Matching(db, name);
            loans = loans.Where(l => db.LoanLines.Any(x => x.LoanId == l.Id && ids.Contains(x.CatalogueItemId)));
        }

        return loans;
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
