using System.Security.Cryptography;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace AssetLoan.Web.Infrastructure;

/// <summary>One-off commands run instead of the web server.</summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (await OperationsCommands.TryRunAsync(app, args))
        {
            return true;
        }

        if (args is ["migrate"])
        {
            // Several instances: the schema is brought up to date once, before they start with Database:MigrateAtStartup=false.
            await DatabaseSetup.InitializeAsync(app);
            Console.WriteLine("The database is up to date.");
            return true;
        }

        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }

        if (args.Length < 2 || !args[1].Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: dotnet run --project AssetLoan.Web -- create-admin <email> [full name]");
            Environment.ExitCode = 2;
            return true;
        }

        await DatabaseSetup.InitializeAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = args[1];
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"มีผู้ใช้ {email} อยู่แล้ว");
            Environment.ExitCode = 1;
            return true;
        }

        var password = Environment.GetEnvironmentVariable("ASSETLOAN_ADMIN_PASSWORD")
            ?? RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14) + "7";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = args.Length > 2 ? args[2] : "ผู้ดูแลระบบ" };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join("; ", result.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return true;
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"สร้างผู้ดูแลระบบ {email} แล้ว รหัสผ่าน: {password}");
        Console.WriteLine("Created administrator; change the password after the first sign-in.");
        return true;
    }
}
