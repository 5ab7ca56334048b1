using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §6: after the retention period no name, phone or signature of the borrower is left anywhere.</summary>
public sealed class RetentionEverywhereTests
{
    private const string Name = "นางสาวเก็บนาน ไม่ลืม";
    private const string Phone = "0812223344";

    [Fact]
    public async Task RunOnce_LeavesTheNameAndPhoneInNoTableAndNoFile()
    {
        await using var app = new AppFactory();
        var client = app.CreateAnonymousClient();
        var form = await PublicApplication.FilledAsync(client, phone: Phone, name: Name);
        form.Set("Input.Purpose", $"งานบวชของ {Name}").Set("Input.Place", $"บ้าน {Name} หมู่ 3");
        var (_, token) = await PublicApplication.SubmitAsync(client, form);
        var loanId = await PublicApplication.LoanIdAsync(app, token);

        // Every other place a name lives: the receiver and signature, a walk-in name and a borrower's note in the
        // history, the notification rows and their .eml files.
        var signature = Path.Combine(app.UploadsPath, "signatures", $"{Guid.NewGuid():N}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(signature)!);
        await File.WriteAllBytesAsync(signature, [0x89, 0x50, 0x4E, 0x47], TestContext.Current.CancellationToken);
        var relative = Path.GetRelativePath(app.UploadsPath, signature).Replace('\\', '/');
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Loans SET ReceiverName = {Name}, ReceiverSignaturePath = {relative} WHERE Id = {loanId}");
            await db.Database.ExecuteSqlAsync($"UPDATE LoanHistoryEntry SET OnAuthorityOf = {Name}, Summary = 'KeyedIn', Note = {Phone} WHERE LoanId = {loanId}");
            db.Notifications.Add(new NotificationMessage
            {
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                Channel = NotificationChannel.Email,
                TemplateKey = "submitted",
                ToAddress = "keep@example.com",
                LoanId = loanId,
                Subject = $"เรียน {Name}",
                Body = $"{Name} โทร {Phone}",
                NextAttemptAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        await PublicApplication.CancelAsync(app, client, token);
        var mailDir = Path.Combine(app.UploadsPath, "mail");
        await app.Services.GetRequiredService<AssetLoan.Web.Infrastructure.Notifications.NotificationDispatcher>()
            .RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken);
        Assert.Contains(Directory.GetFiles(mailDir, "*.eml"), f => File.ReadAllText(f).Contains("keep@example.com", StringComparison.Ordinal));
        Assert.NotEmpty(TextsContaining(app.DatabasePath, Name));

        var days = await app.WithDbAsync(async db => (await Settings.LoadAsync(db, default)).RetentionDays);
        var job = app.Services.GetServices<IHostedService>().OfType<RetentionJob>().Single();
        Assert.Equal(1, await job.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime.AddDays(days + 1), TestContext.Current.CancellationToken));

        Assert.Empty(TextsContaining(app.DatabasePath, Name));
        Assert.Empty(TextsContaining(app.DatabasePath, Phone));
        Assert.Empty(TextsContaining(app.DatabasePath, "081-222-3344"));
        Assert.False(File.Exists(signature));
        Assert.DoesNotContain(Directory.GetFiles(mailDir, "*.eml"), f => File.ReadAllText(f).Contains("keep@example.com", StringComparison.Ordinal));
    }

    /// <summary>"table.column" of every text value in the database that contains <paramref name="needle"/>.</summary>
    private static List<string> TextsContaining(string databasePath, string needle)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string text && text.Contains(needle, StringComparison.Ordinal))
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return found;
    }
}
