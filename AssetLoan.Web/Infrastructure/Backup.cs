using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c> for one server on SQLite: one .zip holding a consistent
/// copy of the live database (SQLite's online backup API, taken while the app keeps writing), the uploads folder and a
/// manifest (app version, last migration, time, length and sha256 of every entry). The keys are never in the archive
/// (see <see cref="StartupKeys"/>): a backup alone opens no national ID; the operator keeps the key folder separately.
/// </summary>
public static class Backup
{
    public const string Format = "assetloan-backup/1";
    private const string ManifestEntry = "manifest.json";
    private const string DatabaseEntry = "database/assetloan.db";
    private const string UploadsPrefix = "uploads/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The command line: 0 done, 1 refused or failed (a message, no stack trace), 2 usage.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var restore = args.Length > 0 && args[0] == "restore";
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var unknown = args.Skip(1).Any(a => a.StartsWith("--", StringComparison.Ordinal) && !(restore && a == "--force"));
        if (file is null || unknown)
        {
            await error.WriteLineAsync(restore
                ? "usage: dotnet run --project AssetLoan.Web -- restore <file.zip> [--force]"
                : "usage: dotnet run --project AssetLoan.Web -- backup <file.zip>");
            return 2;
        }

        if ((services.GetRequiredService<IConfiguration>()["Database:Provider"] ?? "Sqlite").Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync(restore
                ? "ฐานข้อมูลเป็น PostgreSQL: กู้คืนด้วย pg_restore / With PostgreSQL restore with pg_restore, e.g.\n  pg_restore --clean --if-exists --no-owner -d assetloan assetloan.dump"
                : "ฐานข้อมูลเป็น PostgreSQL: สำรองด้วย pg_dump / With PostgreSQL back up with pg_dump, e.g.\n  pg_dump -Fc -d assetloan -f assetloan-$(date +%F).dump\nand copy Storage:UploadsPath (e.g. tar czf uploads-$(date +%F).tar.gz <uploads>) yourself.");
            return 1;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var databasePath = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var uploads = services.GetRequiredService<FileStorage>().Root;
            var keys = services.GetRequiredService<KeySettings>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            if (restore)
            {
                var result = await RestoreAsync(file, databasePath, uploads, db.Database.GetMigrations().ToList(), args.Contains("--force"), now, ct);
                await ReportRestoreAsync(output, Path.GetFullPath(file), databasePath, uploads, result, keys);
            }
            else
            {
                var manifest = await CreateAsync(databasePath, uploads, file, [.. KeyPaths(keys), databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal"], now, ct);
                await ReportBackupAsync(output, Path.GetFullPath(file), manifest, keys);
            }

            return 0;
        }
        catch (Exception e) when (e is BackupRefusedException or IOException or UnauthorizedAccessException or InvalidDataException or SqliteException or JsonException)
        {
            await error.WriteLineAsync($"{(restore ? "กู้คืนไม่สำเร็จ / restore failed" : "สำรองข้อมูลไม่สำเร็จ / backup failed")}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Writes the archive next to its final name and moves it there when complete. The database is copied first, so
    /// every upload it refers to is already on disk when the folder is walked (files are saved before their row).
    /// </summary>
    public static async Task<BackupManifest> CreateAsync(string databasePath, string uploadsRoot, string archivePath, IReadOnlyCollection<string> excluded, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        archivePath = Path.GetFullPath(archivePath);
        if (!File.Exists(databasePath))
        {
            throw new BackupRefusedException($"ไม่พบฐานข้อมูล / database not found: {databasePath}");
        }

        if (File.Exists(archivePath))
        {
            throw new BackupRefusedException($"มีไฟล์นี้อยู่แล้ว ไม่เขียนทับ / the file already exists, not overwritten: {archivePath}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
        var partial = archivePath + ".partial";
        var snapshot = archivePath + ".db.partial";
        excluded = [.. excluded, archivePath, partial, snapshot]; // an archive written into the uploads folder
        try
        {
            File.Delete(snapshot);
            var migration = Snapshot(databasePath, snapshot);
            var entries = new List<BackupEntry>();
            BackupManifest manifest;
            File.Delete(partial);
            await using (var zip = await ZipFile.OpenAsync(partial, ZipArchiveMode.Create, ct))
            {
                entries.Add((await AddAsync(zip, DatabaseEntry, snapshot, nowUtc, ct))!);
                var files = Directory.Exists(uploadsRoot) ? Directory.EnumerateFiles(uploadsRoot, "*", SearchOption.AllDirectories) : [];
                foreach (var file in files.Where(f => !excluded.Any(x => IsUnder(f, x))).Order(StringComparer.Ordinal))
                {
                    var name = UploadsPrefix + Path.GetRelativePath(uploadsRoot, file).Replace('\\', '/');
                    if (await AddAsync(zip, name, file, File.GetLastWriteTimeUtc(file), ct) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }

                manifest = new BackupManifest(Format, AppVersion, migration, nowUtc, entries);
                var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
                manifestEntry.LastWriteTime = new DateTimeOffset(nowUtc);
                await using var stream = await manifestEntry.OpenAsync(ct);
                await JsonSerializer.SerializeAsync(stream, manifest, Json, ct);
            }

            File.Move(partial, archivePath);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
            File.Delete(snapshot);
        }
    }

    /// <summary>
    /// Checks every entry against the manifest before touching anything, extracts beside the targets (checking again),
    /// checks the database's integrity, then moves it into place. With <paramref name="force"/> what was there is kept
    /// aside as <c>….before-restore-{time}</c>, never deleted.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(string archivePath, string databasePath, string uploadsRoot, IReadOnlyCollection<string> knownMigrations, bool force, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(knownMigrations);
        archivePath = Path.GetFullPath(archivePath);
        databasePath = Path.GetFullPath(databasePath);
        uploadsRoot = Path.GetFullPath(uploadsRoot);
        if (!File.Exists(archivePath))
        {
            throw new BackupRefusedException($"ไม่พบไฟล์สำรอง / backup file not found: {archivePath}");
        }

        await using var zip = await ZipFile.OpenAsync(archivePath, ZipArchiveMode.Read, ct);
        var manifest = await ReadManifestAsync(zip, ct);
        await VerifyAsync(zip, manifest, ct);
        if (manifest.Migration is { } migration && knownMigrations.Count > 0 && !knownMigrations.Contains(migration))
        {
            throw new BackupRefusedException($"ไฟล์สำรองมาจาก AssetLoan รุ่นที่ใหม่กว่านี้ (migration {migration}, {manifest.AppVersion}); ติดตั้งรุ่นนั้นก่อน / the backup comes from a newer AssetLoan; install that version first.");
        }

        if (!force && (HasDatabase(databasePath) || (Directory.Exists(uploadsRoot) && Directory.EnumerateFileSystemEntries(uploadsRoot).Any())))
        {
            throw new BackupRefusedException($"ที่ปลายทางมีข้อมูลอยู่แล้ว ({databasePath}, {uploadsRoot}); หยุดโปรแกรมก่อนแล้วสั่งใหม่พร้อม --force (ของเดิมจะถูกเก็บไว้ข้าง ๆ) / the target is not empty; stop the app and add --force (the old data is kept aside).");
        }

        var suffix = $".restore-{Guid.NewGuid():N}";
        var databaseTemp = databasePath + suffix;
        var uploadsTemp = Path.Combine(Path.GetDirectoryName(uploadsRoot)!, "." + Path.GetFileName(uploadsRoot) + suffix);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
            Directory.CreateDirectory(uploadsTemp);
            foreach (var entry in manifest.Entries)
            {
                var target = entry.Path == DatabaseEntry ? databaseTemp : Path.Combine(uploadsTemp, entry.Path[UploadsPrefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var source = await zip.GetEntry(entry.Path)!.OpenAsync(ct);
                await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                Check(entry, await CopyHashingAsync(source, file, ct));
            }

            CheckIntegrity(databaseTemp);
            var stamp = ".before-restore-" + nowUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var kept = new List<string>();
            if (File.Exists(databasePath))
            {
                kept.Add(databasePath + stamp);
                foreach (var part in new[] { "", "-wal", "-shm", "-journal" }.Where(p => File.Exists(databasePath + p)))
                {
                    File.Move(databasePath + part, databasePath + stamp + part);
                }
            }

            File.Move(databaseTemp, databasePath);
            if (Directory.Exists(uploadsRoot) && Directory.EnumerateFileSystemEntries(uploadsRoot).Any())
            {
                kept.Add(uploadsRoot + stamp);
                Directory.Move(uploadsRoot, uploadsRoot + stamp);
            }
            else if (Directory.Exists(uploadsRoot))
            {
                Directory.Delete(uploadsRoot);
            }

            Directory.Move(uploadsTemp, uploadsRoot);
            return new RestoreResult(manifest, kept);
        }
        finally
        {
            File.Delete(databaseTemp);
            if (Directory.Exists(uploadsTemp))
            {
                Directory.Delete(uploadsTemp, recursive: true);
            }
        }
    }

    private static string AppVersion =>
        typeof(Backup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>One read transaction on the live file (writers go on under WAL); the copy is a single self-contained file.</summary>
    private static string? Snapshot(string databasePath, string snapshot)
    {
        using var live = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 }.ToString());
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString());
        live.Open();
        copy.Open();
        live.BackupDatabase(copy);
        using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE";
        command.ExecuteScalar();
        command.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1";
        return command.ExecuteScalar() as string;
    }

    private static void CheckIntegrity(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        if (command.ExecuteScalar() as string != "ok")
        {
            throw new BackupRefusedException("ฐานข้อมูลในไฟล์สำรองไม่สมบูรณ์ (PRAGMA integrity_check) / the database in the backup fails its integrity check.");
        }
    }

    /// <summary>Null when the file disappeared between listing and reading (an upload removed by the retention job).</summary>
    private static async Task<BackupEntry?> AddAsync(ZipArchive zip, string name, string path, DateTime modifiedUtc, CancellationToken ct)
    {
        FileStream source;
        try
        {
            source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (source)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(modifiedUtc, DateTimeKind.Utc));
            await using var target = await entry.OpenAsync(ct);
            var (length, sha256) = await CopyHashingAsync(source, target, ct);
            return new BackupEntry(name, length, sha256);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new BackupRefusedException("ไม่ใช่ไฟล์สำรองของ AssetLoan (ไม่มี manifest.json) / not an AssetLoan backup.");
        await using var stream = await entry.OpenAsync(ct);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
        if (manifest?.Format != Format || manifest.Entries is null)
        {
            throw new BackupRefusedException($"รูปแบบไฟล์สำรองไม่รู้จัก / unknown backup format (expected {Format}).");
        }

        return manifest;
    }

    /// <summary>Every entry listed, safe to extract, present once and with its length and sha256; nothing else in the archive.</summary>
    private static async Task VerifyAsync(ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        var listed = new Dictionary<string, BackupEntry>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            if (!IsSafe(entry.Path) || !listed.TryAdd(entry.Path, entry))
            {
                throw new BackupRefusedException($"manifest.json ผิดรูปแบบ / bad entry in manifest.json: {entry.Path}");
            }
        }

        if (!listed.ContainsKey(DatabaseEntry))
        {
            throw new BackupRefusedException($"ไม่มีฐานข้อมูลในไฟล์สำรอง / no {DatabaseEntry} in the backup.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zipEntry in zip.Entries.Where(e => e.FullName != ManifestEntry && !e.FullName.EndsWith('/')))
        {
            if (!listed.TryGetValue(zipEntry.FullName, out var expected) || !seen.Add(zipEntry.FullName))
            {
                throw new BackupRefusedException($"ไฟล์สำรองถูกแก้ไข: มี {zipEntry.FullName} ที่ไม่อยู่ใน manifest / the backup was altered: an entry not in the manifest.");
            }

            await using var stream = await zipEntry.OpenAsync(ct);
            Check(expected, await CopyHashingAsync(stream, null, ct));
        }

        if (listed.Keys.FirstOrDefault(k => !seen.Contains(k)) is { } missing)
        {
            throw new BackupRefusedException($"ไฟล์สำรองไม่ครบ: ไม่มี {missing} / the backup is incomplete: {missing} is missing.");
        }
    }

    private static void Check(BackupEntry expected, (long Length, string Sha256) actual)
    {
        if (actual.Length != expected.Length || actual.Sha256 != expected.Sha256)
        {
            throw new BackupRefusedException($"ไฟล์สำรองเสียหายหรือถูกแก้ไข: sha256 ของ {expected.Path} ไม่ตรงกับ manifest / sha256 mismatch: the backup is damaged or altered.");
        }
    }

    private static bool IsSafe(string path) =>
        path == DatabaseEntry
        || (path.StartsWith(UploadsPrefix, StringComparison.Ordinal) && !path.Contains('\\') && !path.Contains(':')
            && path[UploadsPrefix.Length..].Split('/').All(s => s.Length > 0 && s != "." && s != ".."));

    private static async Task<(long Length, string Sha256)> CopyHashingAsync(Stream source, Stream? target, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (target is not null)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            length += read;
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static bool HasDatabase(string path) =>
        (File.Exists(path) && new FileInfo(path).Length > 0) || (File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0);

    private static bool IsUnder(string file, string excluded) =>
        file == excluded || file.StartsWith(excluded.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The key folder and key files outside the database, a file inside the listed folder not listed again.</summary>
    private static List<string> KeyPaths(KeySettings keys)
    {
        var paths = new[] { keys.InDatabase ? null : keys.KeysPath, keys.CertificatePath ?? keys.KeyFilePath, keys.AuditKey is null ? keys.AuditKeyFilePath : null }.OfType<string>().ToList();
        return paths.Where(p => !paths.Any(folder => folder != p && IsUnder(p, folder))).ToList();
    }

    private static async Task ReportBackupAsync(TextWriter output, string archive, BackupManifest manifest, KeySettings keys)
    {
        var uploads = manifest.Entries.Count - 1;
        await output.WriteLineAsync($"สำรองข้อมูลแล้ว: {archive}");
        await output.WriteLineAsync($"Backed up the database (migration {manifest.Migration}) and {uploads} uploaded files, with the sha256 of each in manifest.json.");
        await WriteKeysAsync(output, keys, "ไฟล์สำรองนี้ไม่มีกุญแจ เก็บสิ่งต่อไปนี้แยกไว้ที่อื่น (ต้องใช้เมื่อกู้คืน) / The keys are NOT in the archive; keep these elsewhere, they are needed after a restore:");
    }

    private static async Task ReportRestoreAsync(TextWriter output, string archive, string databasePath, string uploads, RestoreResult result, KeySettings keys)
    {
        var m = result.Manifest;
        await output.WriteLineAsync($"กู้คืนแล้วจาก {archive} (สำรองเมื่อ {m.CreatedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, AssetLoan {m.AppVersion}, migration {m.Migration})");
        await output.WriteLineAsync($"Restored: database → {databasePath}, {m.Entries.Count - 1} uploaded files → {uploads}");
        foreach (var kept in result.KeptAside)
        {
            await output.WriteLineAsync($"ของเดิมเก็บไว้ที่ / the previous copy is kept at: {kept}");
        }

        await WriteKeysAsync(output, keys, "เริ่มโปรแกรมด้วยกุญแจชุดเดิม (ไม่เช่นนั้นจะอ่านเลขประจำตัวประชาชนไม่ได้และตรวจสอบบันทึกการตรวจสอบไม่ผ่าน) / Start the app with the same keys, or national IDs stay unreadable and /audit/verify fails:");
    }

    private static async Task WriteKeysAsync(TextWriter output, KeySettings keys, string heading)
    {
        await output.WriteLineAsync(heading);
        if (keys.InDatabase)
        {
            await output.WriteLineAsync("  - key rings: in the database (DataProtection:Store=Database), encrypted by:");
        }

        foreach (var path in KeyPaths(keys))
        {
            await output.WriteLineAsync($"  - {path}");
        }

        if (keys.AuditKey is not null)
        {
            await output.WriteLineAsync("  - Audit:ChainKey (from configuration)");
        }
    }
}

public sealed record BackupManifest(string Format, string AppVersion, string? Migration, DateTime CreatedAtUtc, IReadOnlyList<BackupEntry> Entries);

public sealed record BackupEntry(string Path, long Length, string Sha256);

public sealed record RestoreResult(BackupManifest Manifest, IReadOnlyList<string> KeptAside);

/// <summary>A refusal the operator can act on (a missing file, a checksum that does not match, a non-empty target).</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
