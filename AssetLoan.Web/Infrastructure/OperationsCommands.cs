using System.Globalization;
using AssetLoan.Web.Data;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// Operator commands run instead of the web server: <c>bench-seed</c> (province-sized data for bench/run),
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c>.
/// </summary>
public static class OperationsCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] is "backup" or "restore")
        {
            // No migration, no seeding, no hosted service: the database is copied or replaced as it is.
            Environment.ExitCode = await Backup.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
            return true;
        }

        if (args.Length == 0 || args[0] is not "bench-seed")
        {
            return false;
        }

        var size = new BenchSeed.Size(
            Option(args, "--assets", 100_000), Option(args, "--pools", 2_000), Option(args, "--borrowers", 50_000), Option(args, "--loans", 1_000_000));
        await DatabaseSetup.InitializeAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await BenchSeed.RunAsync(db, size, now, Console.Out, CancellationToken.None);
        return true;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
