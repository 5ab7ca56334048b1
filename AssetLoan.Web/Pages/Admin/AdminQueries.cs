using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Admin;

public sealed record UserRow(string Id, string Email, string FullName, string? Position, string? DivisionName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut);

public sealed record NamedOption(int Id, string Code, string Name);

/// <summary>Reads shared by the administration pages.</summary>
public static class AdminQueries
{
    /// <summary>Role names of each user, in the order of <see cref="Roles.All"/>.</summary>
    public static async Task<Dictionary<string, List<string>>> RolesByUserAsync(AppDbContext db, IReadOnlyCollection<string>? userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = db.UserRoles.AsNoTracking();
        if (userIds is not null)
        {
            links = links.Where(ur => userIds.Contains(ur.UserId));
        }

        var pairs = await (
            from ur in links
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => g.Select(p => p.Name ?? "").OrderBy(n => Array.IndexOf([.. Roles.All], n)).ToList());
    }

    public static Task<List<NamedOption>> DivisionsAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Divisions.AsNoTracking().OrderBy(d => d.Name).Select(d => new NamedOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }

    /// <summary>Enabled administrators other than <paramref name="exceptUserId"/>: at least one must remain.</summary>
    public static async Task<int> OtherActiveAdminsAsync(AppDbContext db, string exceptUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var adminRoleId = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await (
            from ur in db.UserRoles.AsNoTracking()
            where ur.RoleId == adminRoleId && ur.UserId != exceptUserId
            join u in db.Users on ur.UserId equals u.Id
            where !u.Disabled
            select u.Id).CountAsync(ct);
    }
}
