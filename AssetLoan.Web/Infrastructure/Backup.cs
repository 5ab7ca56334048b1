namespace AssetLoan.Web.Infrastructure;

/// <summary>Backup and restore of one server's SQLite database and uploads folder (not yet implemented).</summary>
public static class Backup
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct) =>
        throw new NotImplementedException();

    public static Task<RestoreResult> RestoreAsync(string archivePath, string databasePath, string uploadsRoot, IReadOnlyCollection<string> knownMigrations, bool force, DateTime nowUtc, CancellationToken ct) =>
        throw new NotImplementedException();
}

public sealed record BackupManifest(string Format, string AppVersion, string? Migration, DateTime CreatedAtUtc, IReadOnlyList<BackupEntry> Entries);

public sealed record BackupEntry(string Path, long Length, string Sha256);

public sealed record RestoreResult(BackupManifest Manifest, IReadOnlyList<string> KeptAside);

public sealed class BackupRefusedException(string message) : Exception(message);
