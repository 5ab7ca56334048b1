using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;

namespace AssetLoan.Web.Infrastructure;

public static class StartupOperations
{
    public static IServiceCollection AddAssetLoanOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddAssetLoanBackgroundJobs();
        services.AddSingleton<NationalIdProtector>().AddHostedService<Jobs.RetentionJob>();
        return services;
    }

    public static ILoggingBuilder AddAssetLoanLogging(this ILoggingBuilder logging)
    {
        logging.AddConsole(o => o.FormatterName = IsoConsoleFormatter.FormatterName)
            .AddConsoleFormatter<IsoConsoleFormatter, ConsoleFormatterOptions>();
        return logging;
    }

    public static WebApplication UseAssetLoanErrorHandling(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            if (!app.Configuration.GetValue("DisableHttpsRedirection", false))
            {
                app.UseHttpsRedirection();
            }
        }

        // 403, 404, 429… get a Thai page instead of an empty body.
        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        return app;
    }

    private static readonly string[] ScanPaths = ["/supplies/scan", "/supplies/handover", "/supplies/return"];

    public static WebApplication UseAssetLoanSecurityHeaders(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // The camera only where a QR code is scanned (scan, handover, return); nowhere else.
            h["Permissions-Policy"] = (ScanPaths.Any(p => http.Request.Path.StartsWithSegments(p)) ? "camera=(self)" : "camera=()") + ", microphone=(), geolocation=()";
            h.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; " +
                "worker-src 'self' blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
        return app;
    }

    public static WebApplication MapAssetLoanEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), database = report.Entries.GetValueOrDefault("database").Status.ToString() });
            },
        }).AllowAnonymous();

        // Unknown addresses are a Thai 404 for everyone, not a redirect to the sign-in page.
        app.MapFallback(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
