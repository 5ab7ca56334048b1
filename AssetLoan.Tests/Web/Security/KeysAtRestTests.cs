using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §1: a copy of the database (or of its backup) alone opens no national ID.</summary>
public sealed class KeysAtRestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Purposes = ["AssetLoan.NationalId.v1", "AssetLoan.NationalId.v2"];

    private async Task<(string NationalId, int BorrowerId)> ApplyAsync()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id));
        return (id, await app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).Select(l => l.BorrowerId).SingleAsync()));
    }

    [Fact]
    public async Task DatabaseFileAlone_RecoversNoNationalId()
    {
        var (id, _) = await ApplyAsync();
        var copy = await CopyDatabaseAsync();

        // Everything an attacker holding only the file could try: the key rows in it, for every purpose ever used.
        using var attackerKeys = new TempFolder();
        var (ciphers, keyRows) = ReadFile(copy, attackerKeys.Path);
        Assert.NotEmpty(ciphers);
        Assert.Equal(0, keyRows);
        foreach (var appName in new[] { "AssetLoan", "AssetLoan.PersonalData" })
        {
            var provider = DataProtectionProvider.Create(new DirectoryInfo(attackerKeys.Path), b => b.SetApplicationName(appName));
            foreach (var purpose in Purposes)
            {
                var protector = provider.CreateProtector(purpose);
                foreach (var cipher in ciphers)
                {
                    Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(cipher));
                }
            }
        }

        var bytes = await File.ReadAllBytesAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(id)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(ThaiNationalId.Format(id))));
        File.Delete(copy);
    }

    [Fact]
    public async Task KeyFolderWithoutItsKeyFile_OpensNothing_AndTheAppStillReadsTheId()
    {
        var (id, borrowerId) = await ApplyAsync();
        var cipher = await app.WithDbAsync(db => db.Borrowers.Where(b => b.Id == borrowerId).Select(b => b.NationalIdCipher!).SingleAsync());

        // The rings are encrypted at rest: no plain master key in any file.
        var files = Directory.GetFiles(app.KeysPath, "*.xml", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}personal{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        // The personal ring without the key file that wraps it does not decrypt.
        using var stolen = new TempFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(app.KeysPath, "personal"), "*.xml"))
        {
            File.Copy(file, Path.Combine(stolen.Path, Path.GetFileName(file)));
        }

        var attacker = DataProtectionProvider.Create(new DirectoryInfo(stolen.Path), b => b.SetApplicationName("AssetLoan.PersonalData"));
        Assert.ThrowsAny<Exception>(() => attacker.CreateProtector("AssetLoan.NationalId.v2").Unprotect(cipher));

        // The application ring (cookies, forms) does not open it either: its own purpose and its own ring.
        var appRing = app.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.ThrowsAny<CryptographicException>(() => appRing.CreateProtector("AssetLoan.NationalId.v2").Unprotect(cipher));
        Assert.Equal(id, app.Services.GetRequiredService<NationalIdProtector>().Unprotect(cipher));
    }

    [Fact]
    public async Task StartUp_OutsideDevelopment_LogsNoMissingEncryptorWarning()
    {
        var logs = new ConcurrentQueue<string>();
        await using var fresh = new AppFactory();
        await using var logged = fresh.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new ListLoggerProvider(logs))));
        var client = logged.CreateClient();
        Assert.True((await client.GetAsync("/account/login", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        await logged.Services.GetRequiredService<NationalIdProtector>().ProtectAsync(PublicApplication.NewNationalId(), TestContext.Current.CancellationToken);

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(fresh.KeysPath, "personal"), "*.xml"));
        Assert.DoesNotContain(logs, m => m.Contains("No XML encryptor configured", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<string> CopyDatabaseAsync()
    {
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var copy = Path.Combine(Path.GetTempPath(), "assetloan-tests", $"stolen-{Guid.NewGuid():N}.db");
        File.Copy(app.DatabasePath, copy);
        return copy;
    }

    /// <summary>The ciphers, and the key rows written out as key files, from the copied file only.</summary>
    private static (List<string> Ciphers, int KeyRows) ReadFile(string path, string keysOut)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var ciphers = new List<string>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT NationalIdCipher FROM Borrowers WHERE NationalIdCipher IS NOT NULL";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                ciphers.Add(reader.GetString(0));
            }
        }

        var rows = 0;
        using (var keys = connection.CreateCommand())
        {
            keys.CommandText = "SELECT Xml FROM DataProtectionKeys";
            using var reader = keys.ExecuteReader();
            while (reader.Read())
            {
                File.WriteAllText(Path.Combine(keysOut, $"key-{rows++}.xml"), reader.GetString(0));
            }
        }

        return (ciphers, rows);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "assetloan-tests", $"keys-{Guid.NewGuid():N}")).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Collects every log line (for asserting what start-up said).</summary>
public sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
