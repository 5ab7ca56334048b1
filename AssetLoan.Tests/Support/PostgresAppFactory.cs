using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace AssetLoan.Tests.Support;

/// <summary>
/// The same app on PostgreSQL: a fresh database per factory on the server named by ASSETLOAN_TEST_POSTGRES (CI starts a
/// local cluster), built by the PostgreSQL migration set, dropped afterwards.
/// </summary>
public sealed class PostgresAppFactory : AppFactory
{
    private readonly string _database = $"assetloan_test_{Guid.NewGuid():N}";
    private string? _server;

    /// <summary>Call first in every test: skips (or fails in CI) when no server is configured.</summary>
    public void RequireServer()
    {
        _server ??= Prerequisites.PostgresConnectionString();
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        RequireServer();
        using (var admin = new NpgsqlConnection(_server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            create.ExecuteNonQuery();
        }

        builder.UseSetting("ConnectionStrings:Default", new NpgsqlConnectionStringBuilder(_server) { Database = _database, MaxPoolSize = 60 }.ConnectionString);
        builder.UseSetting("Database:Provider", "PostgreSQL");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
