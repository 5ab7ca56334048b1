using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure;

public static class StartupData
{
    /// <summary>
    /// SQLite (embedded, zero set-up) by default; <c>Database:Provider=PostgreSQL</c> for a multi-instance deployment.
    /// Each provider has its own migration set.
    /// </summary>
    public static IServiceCollection AddAssetLoanData(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var connectionString = config.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        var provider = config["Database:Provider"] ?? "Sqlite";
        if (provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            connectionString = SqlitePaths.Resolve(connectionString, env.ContentRootPath);
            services.AddDbContext<AppDbContext>(o => o.UseSqlite(connectionString, s => s.CommandTimeout(60)));
        }

        services.AddHttpContextAccessor();
        services.AddScoped<Identity.CurrentActor>();
        services.AddSingleton(TimeProvider.System);
        services.AddAssetLoanKeys(config, env); // Security/StartupKeys.cs: key rings and the audit key, outside the database
        services.AddSingleton(new FileStorage(Path.GetFullPath(config["Storage:UploadsPath"] ?? "App_Data/uploads", env.ContentRootPath)));
        return services;
    }
}

/// <summary>Makes a relative SQLite file path relative to the app's folder, and creates that folder.</summary>
public static class SqlitePaths
{
    public static string Resolve(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        // Concurrent writers wait for the lock instead of failing at once.
        csb.DefaultTimeout = 60;
        return csb.ToString();
    }
}
