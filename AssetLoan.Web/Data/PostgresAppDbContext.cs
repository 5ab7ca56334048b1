using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// The same model on PostgreSQL, with its own migration set (Data/PostgresMigrations). SQLite's NOCASE collation
/// has no PostgreSQL twin; searches there use ILIKE-free lower() prefix matching instead.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, CurrentActor? actor = null, TimeProvider? time = null, Infrastructure.Security.AuditChainKey? chainKey = null)
    : AppDbContext(options, actor, time, chainKey)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.GetCollation() == "NOCASE")
            {
                property.SetCollation(null);
            }
        }
    }
}
