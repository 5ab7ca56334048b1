using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// Anonymous public pages (/, /transparency, /a/{tag}, the statistics CSV) face the whole internet, so each is rendered
/// once and served from the output cache until a write changes what they show. The key is the path, the query keys the
/// page reads, the UI culture, the visitor's text size and today's date in Bangkok (availability and "overdue today" change
/// at midnight without a write). A signed-in request never reads or fills the cache (the default policy), and neither does
/// a request that carries a flash message or another query key. The layout gives visitors the language and text-size
/// forms without an antiforgery token (both switches ignore it), so a cached page holds nothing of one visitor's.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";

    /// <summary>Every cached public page carries this tag; <see cref="PublicDataChanges"/> evicts it on any write that matters.</summary>
    public const string Tag = "public-data";

    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>The query keys the cached pages read; they are part of the key.</summary>
    private static readonly string[] QueryKeys = ["year", "page", "item", "items"];

    /// <summary>
    /// The layout writes the whole address (query included) into the language and text-size forms' return address, so a
    /// request with any other query key (<c>?culture=en-US</c>, a tracking tag) is rendered for itself and not stored:
    /// its copy would send the next visitor back to someone else's address.
    /// </summary>
    private static bool OnlyKeyedQuery(HttpRequest request) =>
        request.Query.Keys.All(k => QueryKeys.Contains(k, StringComparer.OrdinalIgnoreCase));

    public static IServiceCollection AddAssetLoanPublicCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicDataVersion>();
        services.AddSingleton<PublicDataChanges>();
        services.AddSingleton<PublicDataStampWatch>();
        services.AddMemoryCache();
        services.AddSingleton<PublicDataCache>();
        services.AddSingleton<PublicStatistics>();
        services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<PublicDataChanges>()));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<PublicDataChanges>()));
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .With(c => !c.HttpContext.Request.Cookies.ContainsKey(TempDataCookie) && OnlyKeyedQuery(c.HttpContext.Request))
            .Expire(TimeSpan.FromMinutes(10))
            .Tag(Tag)
            .AddPolicy<NoEmptyTempDataCookie>()
            .SetVaryByQuery(QueryKeys)
            .VaryByValue(http => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .VaryByValue(http => new KeyValuePair<string, string>("text", TextSize.IsLarge(http) ? TextSize.Large : "normal"))
            .VaryByValue(http => new KeyValuePair<string, string>("today",
                BangkokTime.Today(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("O", CultureInfo.InvariantCulture)))));
        return services;
    }

    /// <summary>
    /// The output cache in the pipeline, after authentication, behind the check of the shared stamp
    /// (<see cref="PublicDataStampWatch"/>), which also keeps the data caches of this instance in step with the others.
    /// <c>Bench:OutputCache=false</c> (bench/run only) leaves the output cache out, so that the same build can be
    /// measured rendering every request.
    /// </summary>
    public static WebApplication UseAssetLoanPublicCache(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var watch = app.Services.GetRequiredService<PublicDataStampWatch>();
        app.Use(async (http, next) =>
        {
            await watch.CheckAsync(http.RequestServices, http.RequestAborted);
            await next(http);
        });
        if (app.Configuration.GetValue("Bench:OutputCache", true))
        {
            app.UseOutputCache();
        }

        return app;
    }
}

/// <summary>
/// The layout reads the flash message, so every page ends by telling the browser to delete the flash cookie, even when
/// the request had none; that empty <c>Set-Cookie</c> would keep every public page out of the cache. When the request carried
/// no such cookie, the deletion deletes nothing, and the page may be stored.
/// </summary>
public sealed class NoEmptyTempDataCookie : IOutputCachePolicy
{
    private const string Cookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private static readonly object Cacheable = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AllowCacheStorage)
        {
            context.HttpContext.Items[Cacheable] = true;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var setCookie = http.Response.Headers.SetCookie;
        if (http.Request.Cookies.ContainsKey(Cookie) || setCookie.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        // Only the deletion of a cookie the visitor does not have: replaying it to the next anonymous visitor deletes nothing.
        if (setCookie.All(c => c is not null && c.StartsWith(Cookie + "=;", StringComparison.Ordinal))
            && http.Response.StatusCode == StatusCodes.Status200OK && http.Items.ContainsKey(Cacheable))
        {
            context.AllowCacheStorage = true;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A number that changes whenever data shown on public pages changes in this process; data caches put it in their key
/// so that a write makes them recompute.
/// </summary>
public sealed class PublicDataVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}

/// <summary>
/// Watches saves: a change to anything in the domain (loans, lines, units, assets, catalogue, borrowers, calendar…) or to
/// the settings evicts the public pages from the output cache and bumps <see cref="PublicDataVersion"/>. Inside an explicit
/// transaction it evicts again at commit, so that a page rendered between the save and the commit (still reading the old
/// rows) is not kept.
/// <para>
/// For the other instances on the same database it also gives <see cref="PublicDataStamp"/> a new value in the same
/// transaction as the change: in the save itself when the save is its own transaction, otherwise just before the commit
/// (the last lock the transaction takes, held only while it commits). <see cref="PublicDataStampWatch"/> reads it.
/// </para>
/// </summary>
public sealed class PublicDataChanges(PublicDataVersion version, IOutputCacheStore store, PublicDataStampWatch watch) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            var stamp = NewStamp();
            pending.Stamp = stamp;
            await using var command = StampCommand(transaction, stamp);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            var stamp = NewStamp();
            pending.Stamp = stamp;
            using var command = StampCommand(transaction, stamp);
            command.ExecuteNonQuery();
        }

        return result;
    }

    private static DbCommand StampCommand(DbTransaction transaction, long stamp)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE \"PublicDataStamp\" SET \"Value\" = @value WHERE \"Id\" = @id";
        var value = command.CreateParameter();
        value.ParameterName = "@value";
        value.Value = stamp;
        command.Parameters.Add(value);
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = PublicDataStamp.SingleId;
        command.Parameters.Add(id);
        return command;
    }

    /// <summary>A value the stamp has not had (it only has to differ from the last one).</summary>
    private static long NewStamp() => Random.Shared.NextInt64(1, long.MaxValue);

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            var committed = db.Database.CurrentTransaction is null;
            if (committed)
            {
                _pending.Remove(db);
            }

            await EvictAsync(committed ? pending.Stamp : null);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            var committed = db.Database.CurrentTransaction is null;
            if (committed)
            {
                _pending.Remove(db);
            }

            EvictAsync(committed ? pending.Stamp : null).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            await EvictAsync(pending.Stamp);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            EvictAsync(pending.Stamp).AsTask().GetAwaiter().GetResult();
        }
    }

    private void Note(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var matters = db.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Matters(e.Metadata.ClrType));
        if (!matters)
        {
            return;
        }

        var pending = _pending.GetValue(db, _ => new Pending());
        if (db.Database.CurrentTransaction is null)
        {
            // The save is its own transaction: the stamp's new value goes in with it (an UPDATE of the seeded row).
            var stamp = db.ChangeTracker.Entries<PublicDataStamp>().FirstOrDefault();
            if (stamp is null)
            {
                stamp = db.Attach(new PublicDataStamp { Id = PublicDataStamp.SingleId });
            }

            var value = NewStamp();
            pending.Stamp = value;
            stamp.Entity.Value = value;
            stamp.Property(s => s.Value).IsModified = true;
        }
    }

    /// <summary>Domain entities and settings; not the audit trail, notifications, sign-ins or keys.</summary>
    private static bool Matters(Type type) =>
        type == typeof(AppSetting) || (type.Namespace?.StartsWith("AssetLoan.Domain", StringComparison.Ordinal) == true && type != typeof(AuditEvent));

    /// <summary><paramref name="committedStamp"/>: the stamp this write committed, which this instance need not evict for again.</summary>
    private ValueTask EvictAsync(long? committedStamp)
    {
        version.Bump();
        if (committedStamp is { } stamp)
        {
            watch.Saw(stamp);
        }

        return store.EvictByTagAsync(PublicPageCache.Tag, default);
    }

    private sealed class Pending
    {
        public long? Stamp { get; set; }
    }
}

/// <summary>
/// Each instance keeps its own output cache and data caches; a write through another instance reaches them through
/// <see cref="PublicDataStamp"/>. Before a request is served (from the cache or not), the stamp is read by key at most
/// once per <c>PublicCache:StampCheckMilliseconds</c> (1000; 0 = every request) by one request at a time; when it has
/// moved since the last read, this instance evicts its public pages and bumps <see cref="PublicDataVersion"/>. With one
/// instance it costs one read by primary key a second and never finds a change it did not already evict.
/// </summary>
public sealed class PublicDataStampWatch(PublicDataVersion version, IOutputCacheStore store, IConfiguration config, ILogger<PublicDataStampWatch> log)
{
    private readonly long _intervalMs = Math.Max(0, config.GetValue("PublicCache:StampCheckMilliseconds", 1000));
    private long _nextCheck;
    private long _seen;
    private bool _seenOnce;
    private int _checking;

    /// <summary>
    /// This instance committed <paramref name="value"/> and has evicted its caches already: the next check need not evict
    /// again (if another instance writes after it, the stamp moves on and the check still sees that).
    /// </summary>
    public void Saw(long value)
    {
        Interlocked.Exchange(ref _seen, value);
        Volatile.Write(ref _seenOnce, true);
    }

    public async ValueTask CheckAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requestServices);
        if (Environment.TickCount64 < Interlocked.Read(ref _nextCheck) || Interlocked.Exchange(ref _checking, 1) == 1)
        {
            return;
        }

        try
        {
            var db = requestServices.GetRequiredService<AppDbContext>();
            var value = await db.PublicDataStamps.AsNoTracking().Where(s => s.Id == PublicDataStamp.SingleId).Select(s => s.Value).FirstOrDefaultAsync(ct);
            if (Volatile.Read(ref _seenOnce) && value != Interlocked.Read(ref _seen))
            {
                version.Bump();
                await store.EvictByTagAsync(PublicPageCache.Tag, ct);
            }

            Saw(value);
            Interlocked.Exchange(ref _nextCheck, Environment.TickCount64 + _intervalMs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The page may still be served (from the cache or rendered); the next request tries again.
            log.LogWarning(ex, "Reading the public data stamp failed");
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }
}

/// <summary>Data the anonymous pages share (settings, today's public catalogue), kept until the next write that matters.</summary>
public sealed class PublicDataCache(IMemoryCache cache, PublicDataVersion version) : IDisposable
{
    /// <summary>
    /// How many distinct visitor searches (what a visitor typed, so unbounded in kind) are kept at once. A crowd of
    /// scripts searching random words fills this store, not the process: beyond it the oldest are dropped.
    /// </summary>
    public const int SearchEntries = 2_000;

    private readonly MemoryCache _searches = new(new MemoryCacheOptions { SizeLimit = SearchEntries, CompactionPercentage = 0.25 });

    /// <summary>The stamp of the public data now: a key that contains it is recomputed after the next write that matters.</summary>
    public long Version => version.Current;

    /// <summary>
    /// A result keyed by what a visitor asked (a search and the items on the form), kept until the next write that
    /// matters, for ten minutes at most, in a store of <see cref="SearchEntries"/> entries.
    /// </summary>
    public async Task<T> SearchAsync<T>(string key, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var fullKey = (key, version.Current);
        if (_searches.TryGetValue(fullKey, out T? value) && value is not null)
        {
            return value;
        }

        value = await load();
        _searches.Set(fullKey, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return value;
    }

    /// <summary>How many searches are kept now (for the tests of the bound).</summary>
    public long SearchesKept => _searches.Count;

    public void Dispose() => _searches.Dispose();

    public async Task<T> GetAsync<T>(string name, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = (name, version.Current);
        if (cache.TryGetValue(key, out T? value) && value is not null)
        {
            return value;
        }

        value = await load();
        cache.Set(key, value, TimeSpan.FromMinutes(10));
        return value;
    }

    public Task<Settings> SettingsAsync(AppDbContext db, CancellationToken ct) => GetAsync("settings", () => Settings.LoadAsync(db, ct));

    /// <summary>The public catalogue with what is free today (the page's default view; other dates are asked live).</summary>
    public Task<IReadOnlyList<PublicCatalogueItem>> PublicCatalogueTodayAsync(AppDbContext db, DateOnly today, CancellationToken ct) =>
        GetAsync("catalogue-" + today.DayNumber.ToString(CultureInfo.InvariantCulture), () => db.PublicCatalogueAsync(today, today, today, ct));
}
