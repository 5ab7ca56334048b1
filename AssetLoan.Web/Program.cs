using AssetLoan.Web;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using AssetLoan.Web.Infrastructure.Line;
using AssetLoan.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);

// What the app is made of (each line is a section in Infrastructure/Startup*.cs).
builder.Services.AddAssetLoanData(builder.Configuration, builder.Environment);
builder.Services.AddAssetLoanIdentity();
builder.Services.AddAssetLoanLocalization();
builder.Services.AddAssetLoanPages();
builder.Services.AddAssetLoanOperations();
builder.Services.AddAssetLoanSecurity(builder.Configuration, builder.Environment);
builder.Services.AddAssetLoanPublicCache();
builder.Logging.AddAssetLoanLogging();

var app = builder.Build();

// Commands instead of a web server: `dotnet run --project AssetLoan.Web -- create-admin <email>`.
if (await Commands.TryRunAsync(app, args))
{
    return;
}

// One server migrates at start-up; several run `dotnet AssetLoan.Web.dll migrate` once and start with this off (README).
if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
{
    await DatabaseSetup.InitializeAsync(app);
}

// The request pipeline.
app.UseAssetLoanForwardedHeaders();
app.UseAssetLoanErrorHandling();
app.UseAssetLoanSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseTwoFactorSetupGate(); // an account that must set up two-factor sign-in reaches nothing else, page or not
app.UseRateLimiter(); // after authentication: only anonymous POSTs are limited
app.UseAuthorization();
app.UseAssetLoanPublicCache(); // after authentication: a signed-in request never sees a cached anonymous page
app.MapAssetLoanEndpoints();
app.MapQrEndpoints();
app.MapLineWebhook(); // /line/webhook: the LINE Official Account links accounts by one-time code
app.MapBenchCeiling(); // bench/run only (Bench:Ceiling)
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("AssetLoan พร้อมใช้งานที่ {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
