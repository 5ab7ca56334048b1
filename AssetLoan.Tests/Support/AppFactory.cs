using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AssetLoan.Tests.Support;

/// <summary>
/// The real app over a fresh SQLite file built by the migrations, with the demo data and a fake clock
/// (25 Nov 2026, 10:00 in Bangkok). One factory per test class; each has its own database file.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), "assetloan-tests", $"{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings = new();

    static AppFactory()
    {
        // Hundreds of app instances start in one test run; each would watch its configuration files with an inotify
        // instance (the per-user limit is 128 on many machines). Tests never edit appsettings while running.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

        // The same limit, from the other watcher every instance starts: asp-append-version watches wwwroot for changes
        // (CI of b0b6f93 failed 42 tests at once with "user limit (128) on the number of inotify instances", shared with
        // the Chromium of every browser class). Polling watches need no inotify instance.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public AppFactory()
        : this(DefaultNow)
    {
    }

    /// <summary>A factory whose clock starts at <paramref name="now"/> (a fake clock only moves forward).</summary>
    protected AppFactory(DateTimeOffset now) => Clock = new FakeTimeProvider(now);

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => _dbPath;

    /// <summary>The key rings and secrets, in a folder of their own (never in the database).</summary>
    public string KeysPath => Path.Combine(Path.GetDirectoryName(_dbPath)!, Path.GetFileNameWithoutExtension(_dbPath) + "-keys");

    public string UploadsPath => Path.Combine(Path.GetDirectoryName(_dbPath)!, Path.GetFileNameWithoutExtension(_dbPath) + "-uploads");

    /// <summary>Overrides a configuration value before the app starts (e.g. a rate limit).</summary>
    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Changes the app's services before it starts (e.g. a decorator that counts calls).</summary>
    public AppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(Path.GetDirectoryName(_dbPath)!);
        builder.UseEnvironment("Testing");
        ConfigureDatabase(builder);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:AllowOutsideDevelopment", "true");
        builder.UseSetting("Storage:UploadsPath", UploadsPath);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(UploadsPath, "mail"));
        builder.UseSetting("RateLimit:PublicPostsPerMinute", "1000");

        // Every test client is one address: the per-day limits of /apply would stop a class after a few applications.
        // The proof of work stays on, easy (HtmlForm answers it; in Chromium the page's script does).
        builder.UseSetting("Apply:ChallengeBits", "8");
        builder.UseSetting("Apply:PerClientPerDay", "100000");
        builder.UseSetting("Apply:WithoutScriptPerClientPerDay", "100000");
        builder.UseSetting("DisableHttpsRedirection", "true");
        builder.UseSetting("BackgroundJobs:Enabled", "false");
        builder.UseSetting("DataProtection:KeysPath", KeysPath);
        builder.UseSetting("DataProtection:KeyFile", Path.Combine(KeysPath, "keyring.key"));
        builder.UseSetting("Audit:ChainKeyFile", Path.Combine(KeysPath, "audit-chain.key"));
        builder.UseSetting("Auth:CookieSecure", "SameAsRequest"); // the test server speaks plain HTTP
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    /// <summary>SQLite by default; the PostgreSQL factory overrides this.</summary>
    protected virtual void ConfigureDatabase(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_dbPath}");
        builder.UseSetting("Database:Provider", "Sqlite");
    }

    /// <summary>The audit chain's HMAC key, for verifying the chain in a test.</summary>
    public byte[] ChainKey => Services.GetRequiredService<global::AssetLoan.Web.Infrastructure.Security.AuditChainKey>().Bytes;

    /// <summary>A scope for reading the database as it is now (a fresh context, no tracking leftovers).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>True once <see cref="StartOnKestrel"/> ran: the app listens on a real port, not the in-memory test server.</summary>
    public bool OnKestrel { get; private set; }

    /// <summary>Starts the app on a free loopback port (browser tests, HTTP walks); <c>ClientOptions.BaseAddress</c> is its address.</summary>
    public void StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        OnKestrel = true;
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form (demo password) and returns a client that keeps the cookie.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string email)
    {
        var client = CreateAnonymousClient();
        var form = await HtmlForm.LoadAsync(client, "/account/login");
        form.Set("Input.Email", email).Set("Input.Password", global::AssetLoan.Web.Data.Seed.DemoData.Password);
        var response = await form.SubmitAsync(client);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            try
            {
                File.Delete(f);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>Demo accounts by role, as seeded.</summary>
public static class Demo
{
    public const string Officer = "officer@maekhue.go.th";
    public const string Director = "director@maekhue.go.th";
    public const string Mayor = "mayor@maekhue.go.th";
    public const string Deputy = "deputy@maekhue.go.th";
    public const string Head = "head@maekhue.go.th";
    public const string Employee = "employee@maekhue.go.th";
    public const string Auditor = "auditor@maekhue.go.th";
    public const string Admin = "admin@maekhue.go.th";
}
