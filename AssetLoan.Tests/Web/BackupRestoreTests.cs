using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using AssetLoan.Domain.Audit;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>Issue 15 §4: <c>backup &lt;file&gt;</c> copies the live SQLite database and the uploads into one archive; <c>restore</c> puts it back.</summary>
public sealed class BackupRestoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "assetloan-tests");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_WhileApplicationsAreFiled_RestoresEveryAcknowledgedLoanTheAuditChainAndTheUploads()
    {
        var uploads = new Dictionary<string, byte[]>();
        var storage = app.Services.GetRequiredService<FileStorage>();
        foreach (var folder in new[] { "signatures", "paper-approvals", "catalogue" })
        {
            var bytes = Guid.NewGuid().ToByteArray();
            uploads[await storage.SaveAsync(folder, ".png", new MemoryStream(bytes), Ct)] = bytes;
        }

        // Citizens keep filing applications through the real pipeline before, during and after the backup.
        var acknowledged = new ConcurrentQueue<Filed>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writer = Task.Run(() => FileApplicationsAsync(acknowledged, stop.Token), Ct);
        while (acknowledged.Count < 5 && !writer.IsCompleted)
        {
            await Task.Delay(20, Ct);
        }

        var archive = Path.Combine(Scratch, $"backup-{Guid.NewGuid():N}.zip");
        var output = new StringWriter();
        var error = new StringWriter();
        var backupStarted = Stopwatch.GetTimestamp();
        var exit = await Backup.RunAsync(app.Services, ["backup", archive], output, error, Ct);
        var backupEnded = Stopwatch.GetTimestamp();
        await stop.CancelAsync();
        await writer;

        Assert.True(exit == 0, error.ToString());
        var before = acknowledged.Where(a => a.AcknowledgedAt < backupStarted).Select(a => a.Token).ToArray();
        Assert.True(before.Length >= 5, $"the writer filed {before.Length} applications before the backup");
        Assert.Contains(acknowledged, a => a.StartedAt < backupEnded && a.AcknowledgedAt > backupStarted);
        Assert.Contains(archive, output.ToString(), StringComparison.Ordinal);
        Assert.Contains(app.KeysPath, output.ToString(), StringComparison.Ordinal);

        // Restored into a new folder, with the keys kept separately (the app's own key folder).
        var target = Directory.CreateDirectory(Path.Combine(Scratch, $"restored-{Guid.NewGuid():N}")).FullName;
        var db = Path.Combine(target, "assetloan.db");
        var restoredUploads = Path.Combine(target, "uploads");
        var migrations = await app.WithDbAsync(d => Task.FromResult(d.Database.GetMigrations().ToList()));
        var result = await Backup.RestoreAsync(archive, db, restoredUploads, migrations, force: false, app.Clock.GetUtcNow().UtcDateTime, Ct);
        Assert.Equal(migrations[^1], result.Manifest.Migration);
        Assert.Empty(result.KeptAside);

        await using var restored = new AppFactory()
            .With("ConnectionStrings:Default", $"Data Source={db}")
            .With("Storage:UploadsPath", restoredUploads)
            .With("DataProtection:KeysPath", app.KeysPath)
            .With("DataProtection:KeyFile", Path.Combine(app.KeysPath, "keyring.key"))
            .With("Audit:ChainKeyFile", Path.Combine(app.KeysPath, "audit-chain.key"));
        var tokens = await restored.WithDbAsync(d => d.Loans.Where(l => before.Contains(l.TrackingToken)).Select(l => l.TrackingToken).ToListAsync(Ct));
        Assert.Equal(before.Order(), tokens.Order());
        var track = await restored.CreateAnonymousClient().GetAsync($"/track/{before[0]}", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, track.StatusCode);

        var (events, anchors) = await restored.WithDbAsync(async d =>
            (await d.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct), await d.AuditAnchors.AsNoTracking().ToListAsync(Ct)));
        Assert.NotEmpty(events);
        Assert.Null(AuditChain.Verify(events, restored.ChainKey, anchors));

        foreach (var (relative, bytes) in uploads)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(restoredUploads, relative), Ct));
        }

        File.Delete(archive);
    }

    [Fact]
    public async Task Restore_TamperedArchive_IsRefusedBeforeTouchingAnything()
    {
        var archive = await BackUpAsync();
        await using (var zip = await ZipFile.OpenAsync(archive, ZipArchiveMode.Update, Ct))
        {
            var upload = zip.Entries.First(e => e.FullName.StartsWith("uploads/", StringComparison.Ordinal) && !e.FullName.EndsWith('/'));
            await using var stream = await upload.OpenAsync(Ct);
            stream.Position = 0;
            stream.WriteByte(0xFF);
        }

        var target = Path.Combine(Scratch, $"tampered-{Guid.NewGuid():N}");
        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() =>
            Backup.RestoreAsync(archive, Path.Combine(target, "assetloan.db"), Path.Combine(target, "uploads"), [], force: false, app.Clock.GetUtcNow().UtcDateTime, Ct));
        Assert.Contains("sha256", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(target));
        File.Delete(archive);
    }

    [Fact]
    public async Task Restore_OntoANonEmptyDatabase_IsRefusedWithoutForce()
    {
        var archive = await BackUpAsync();
        var length = new FileInfo(app.DatabasePath).Length;

        // The command, on the app's own (live, non-empty) database: refused, nothing touched.
        var error = new StringWriter();
        Assert.Equal(1, await Backup.RunAsync(app.Services, ["restore", archive], new StringWriter(), error, Ct));
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(app.DatabasePath).Length);

        // A second restore into the same new folder needs --force, and keeps what it replaced.
        var target = Path.Combine(Scratch, $"twice-{Guid.NewGuid():N}");
        var db = Path.Combine(target, "assetloan.db");
        var migrations = await app.WithDbAsync(d => Task.FromResult(d.Database.GetMigrations().ToList()));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await Backup.RestoreAsync(archive, db, Path.Combine(target, "uploads"), migrations, force: false, now, Ct);
        await Assert.ThrowsAsync<BackupRefusedException>(() => Backup.RestoreAsync(archive, db, Path.Combine(target, "uploads"), migrations, force: false, now, Ct));
        var forced = await Backup.RestoreAsync(archive, db, Path.Combine(target, "uploads"), migrations, force: true, now, Ct);
        Assert.Equal(2, forced.KeptAside.Count);
        Assert.All(forced.KeptAside, p => Assert.True(File.Exists(p) || Directory.Exists(p), p));
        Assert.True(File.Exists(db));
        File.Delete(archive);
    }

    [Fact]
    public async Task Commands_MissingArchive_ExitNonZeroWithAMessageAndNoStackTrace()
    {
        var missing = Path.Combine(Scratch, $"missing-{Guid.NewGuid():N}.zip");
        var error = new StringWriter();
        Assert.Equal(1, await Backup.RunAsync(app.Services, ["restore", missing], new StringWriter(), error, Ct));
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await Backup.RunAsync(app.Services, ["backup"], new StringWriter(), new StringWriter(), Ct));
        Assert.Equal(2, await Backup.RunAsync(app.Services, ["restore", missing, "--forse"], new StringWriter(), new StringWriter(), Ct));
    }

    [Fact]
    public async Task Backup_WithPostgreSql_NamesPgDumpAndExitsNonZero()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("Database:Provider", "PostgreSQL")]).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(config).BuildServiceProvider();
        var error = new StringWriter();
        Assert.Equal(1, await Backup.RunAsync(services, ["backup", "x.zip"], new StringWriter(), error, Ct));
        Assert.Contains("pg_dump -Fc", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists("x.zip"));
    }

    private async Task<string> BackUpAsync()
    {
        var storage = app.Services.GetRequiredService<FileStorage>();
        await storage.SaveAsync("signatures", ".png", new MemoryStream([1, 2, 3]), Ct);
        var archive = Path.Combine(Scratch, $"backup-{Guid.NewGuid():N}.zip");
        var error = new StringWriter();
        Assert.True(await Backup.RunAsync(app.Services, ["backup", archive], new StringWriter(), error, Ct) == 0, error.ToString());
        return archive;
    }

    /// <summary>Files applications one after another until stopped (at most 200); acknowledged = the reference page was shown.</summary>
    private async Task FileApplicationsAsync(ConcurrentQueue<Filed> acknowledged, CancellationToken stop)
    {
        var client = app.CreateAnonymousClient();
        while (!stop.IsCancellationRequested && acknowledged.Count < 200)
        {
            var started = Stopwatch.GetTimestamp();
            var form = (await PublicApplication.FilledAsync(client)).Quantity(PublicApplication.Tent, 0).Quantity(PublicApplication.Chairs, 1);
            var (_, token) = await PublicApplication.SubmitAsync(client, form);
            acknowledged.Enqueue(new Filed(token, started, Stopwatch.GetTimestamp()));
        }
    }

    private sealed record Filed(string Token, long StartedAt, long AcknowledgedAt);
}
