using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Data;

/// <summary>
/// The names behind the ids an audit page shows — accounts (GUIDs), roles, borrowers, assets, catalogue items,
/// divisions, categories and loans — looked up once per page, so the auditor reads "นางสาวพัชรี ใจดี" and "416-64-0001"
/// rather than keys. Ids the book does not know (deleted rows) are shown as stored.
/// </summary>
public sealed class AuditNameBook
{
    private readonly Dictionary<(string Kind, string Id), string> _names;

    private AuditNameBook(Dictionary<(string Kind, string Id), string> names) => _names = names;

    public static AuditNameBook Empty { get; } = new([]);

    /// <summary>The entity column: a name instead of the key where the key names something.</summary>
    public string Entity(string entityType, string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        if (entityType == "IdentityUserRole`1" && entityId.Split('/') is [var user, var role])
        {
            return $"{Name(User, user) ?? user} – {Name(Role, role) ?? role}";
        }

        return KindOfEntity(entityType) is { } kind && Name(kind, entityId) is { } name ? name : entityId;
    }

    /// <summary>A stored value as the auditor reads it: the name behind an id, else <see cref="AuditNames.Value"/>.</summary>
    public string? Value(string entityType, string property, string? value) =>
        value is not null && KindOfProperty(entityType, property) is { } kind && Name(kind, value) is { } name
            ? name
            : AuditNames.Value(entityType, property, value);

    /// <summary>Loads the names; <paramref name="s"/> puts the words the book adds (role names, "คำขอ") in the reader's language.</summary>
    public static async Task<AuditNameBook> LoadAsync(AppDbContext db, IStringLocalizer s, IEnumerable<(string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes)> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(s);
        var wanted = new HashSet<(string Kind, string Id)>();
        foreach (var (type, id, changes) in entries)
        {
            if (type == "IdentityUserRole`1" && id.Split('/') is [var user, var role])
            {
                wanted.Add((User, user));
                wanted.Add((Role, role));
            }
            else if (KindOfEntity(type) is { } kind)
            {
                wanted.Add((kind, id));
            }

            foreach (var c in changes)
            {
                if (KindOfProperty(type, c.Property) is { } k)
                {
                    foreach (var v in new[] { c.Before, c.After }.OfType<string>())
                    {
                        wanted.Add((k, v));
                    }
                }
            }
        }

        List<string> Ids(string kind) => wanted.Where(w => w.Kind == kind).Select(w => w.Id).ToList();
        List<int> Ints(string kind) => Ids(kind).Select(i => int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();
        var names = new Dictionary<(string, string), string>();
        void Add<TKey>(string kind, IEnumerable<(TKey Id, string Name)> rows)
        {
            foreach (var (id, name) in rows)
            {
                names[(kind, Convert.ToString(id, CultureInfo.InvariantCulture)!)] = name;
            }
        }

        var users = Ids(User);
        var roles = Ids(Role);
        var borrowers = Ints(Borrower);
        var assets = Ints(Asset);
        var items = Ints(Item);
        var divisions = Ints(Division);
        var categories = Ints(Category);
        var loans = Ints(Loan);
        Add(User, (await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName)));
        Add(Role, (await db.Roles.AsNoTracking().Where(r => roles.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, s[Identity.Roles.Thai(r.Name ?? "")].Value)));
        Add(Borrower, (await db.Borrowers.AsNoTracking().Where(b => borrowers.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => (b.Id, b.Name)));
        Add(Asset, (await db.Assets.AsNoTracking().Where(a => assets.Contains(a.Id)).Select(a => new { a.Id, a.AssetNumber }).ToListAsync(ct)).Select(a => (a.Id, a.AssetNumber)));
        Add(Item, (await db.CatalogueItems.AsNoTracking().Where(c => items.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)));
        Add(Division, (await db.Divisions.AsNoTracking().Where(d => divisions.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)));
        Add(Category, (await db.Categories.AsNoTracking().Where(c => categories.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)));
        Add(Loan, (await db.Loans.AsNoTracking().Where(l => loans.Contains(l.Id)).Select(l => new { l.Id, l.Reference }).ToListAsync(ct)).Select(l => (l.Id, s["คำขอ {0}", l.Reference].Value)));
        return new AuditNameBook(names);
    }

    private const string User = "user";
    private const string Role = "role";
    private const string Borrower = "borrower";
    private const string Asset = "asset";
    private const string Item = "item";
    private const string Division = "division";
    private const string Category = "category";
    private const string Loan = "loan";

    private string? Name(string kind, string id) => _names.GetValueOrDefault((kind, id));

    private static string? KindOfEntity(string entityType) => entityType switch
    {
        "AppUser" => User,
        "Borrower" => Borrower,
        "Asset" => Asset,
        "CatalogueItem" => Item,
        "Division" => Division,
        "Category" => Category,
        "Loan" => Loan,
        _ => null,
    };

    private static string? KindOfProperty(string entityType, string property) => property switch
    {
        "UserId" or "RoleId" when entityType == "IdentityUserRole`1" => property == "UserId" ? User : Role,
        _ when property.EndsWith("UserId", StringComparison.Ordinal) => User,
        "BorrowerId" => Borrower,
        "AssetId" or "SubstitutedAssetId" => Asset,
        "CatalogueItemId" => Item,
        "DivisionId" or "BorrowerDivisionId" or "OwningDivisionId" => Division,
        "CategoryId" => Category,
        "LoanId" => Loan,
        _ => null,
    };
}
