using AssetLoan.Web.Data.Seed;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>At start-up: apply migrations (never EnsureCreated), turn on WAL for SQLite, create roles, seed demo data.</summary>
public static class DatabaseSetup
{
    public static async Task InitializeAsync(WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // Authenticator keys and recovery codes stored plain before they were protected at rest are protected now.
        await AppUserStore.ProtectStoredAsync(db, scope.ServiceProvider.GetRequiredService<Infrastructure.Security.PersonalDataProtection>(), ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var seedDemo = app.Configuration.GetValue("Seed:Demo", false);
        if (seedDemo && !app.Environment.IsDevelopment() && !app.Configuration.GetValue("Seed:AllowOutsideDevelopment", false))
        {
            // The demo data publishes its password on the sign-in page and creates an Admin with it.
            throw new InvalidOperationException("Seed:Demo is for Development only: it creates an Admin with the published demo password. Remove it.");
        }

        if (seedDemo && !await db.CatalogueItems.AnyAsync(ct))
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
            await seeder.SeedAsync(ct);
            app.Logger.LogInformation("Seeded demo data: {Assets} assets, {Users} users", await db.Assets.CountAsync(ct), await db.Users.CountAsync(ct));
        }
    }
}
