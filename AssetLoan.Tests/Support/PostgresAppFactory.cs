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
    private readonly PostgresAppFactory? _first;
    private string? _server;

    public PostgresAppFactory()
    {
    }

    private PostgresAppFactory(PostgresAppFactory first)
    {
        _first = first;
        _database = first._database;
        With("DataProtection:KeyFile", Path.Combine(first.KeysPath, "keyring.key"));
        With("Audit:ChainKeyFile", Path.Combine(first.KeysPath, "audit-chain.key"));
    }

    /// <summary>
    /// A second instance of the app on <paramref name="first"/>'s database (not created or dropped again), with the
    /// same secrets (key-ring key file, audit chain key) but its own key folder, uploads and mail pickup folder, as a
    /// second server would have. Start <paramref name="first"/> before it: the first instance makes the secrets.
    /// </summary>
    public static PostgresAppFactory SecondInstanceOf(PostgresAppFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return new PostgresAppFactory(first);
    }

    /// <summary>Call first in every test: skips (or fails in CI) when no server is configured.</summary>
    public void RequireServer()
    {
        _server ??= Prerequisites.PostgresConnectionString();
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        RequireServer();
        if (_first is null)
        {
            using var admin = new NpgsqlConnection(_server);
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
        if (_server is null || _first is not null)
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
