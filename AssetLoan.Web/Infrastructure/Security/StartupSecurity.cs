using System.Net;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>
/// Sign-in, sessions, passwords, proxies and the audit anchors (issue 14). Settings:
/// <c>ReverseProxy:KnownProxies</c> / <c>ReverseProxy:KnownNetworks</c> (comma-separated addresses / CIDR networks whose
/// X-Forwarded-For and X-Forwarded-Proto are believed; nobody else's), <c>Auth:AbsoluteLifetimeHours</c>,
/// <c>Auth:CookieSecure</c> (Always outside Development; SameAsRequest in Development).
/// </summary>
public static class StartupSecurity
{
    public static IServiceCollection AddAssetLoanSecurity(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApplyChallenge>();
        services.AddSingleton<AuditAnchorJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditAnchorJob>());

        services.Configure<IdentityOptions>(o =>
        {
            // A passphrase of 12 characters or more, not a common one; no forced digit or symbol (they make weaker
            // passwords that people write down). Failed sign-ins are throttled (SignInThrottle), never locked.
            o.Password.RequiredLength = 12;
            o.Password.RequireDigit = false;
            o.Lockout.AllowedForNewUsers = false;
        });
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var secure = config["Auth:CookieSecure"] is { Length: > 0 } setting
            ? Enum.Parse<CookieSecurePolicy>(setting, ignoreCase: true)
            : env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddSingleton(new CookieSecurity(secure));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            o.Events.OnSigningIn = SessionValidation.StampSignInAsync;
        });
        // Form tokens follow the request (Secure over HTTPS, which a configured proxy reports); Always would refuse to
        // render a form over plain HTTP.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new MustChangePasswordFilter());
        });
        // The short-lived cookie between the password and the authenticator code (no "remember this device" cookie is
        // ever issued: every sign-in asks for the code).
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies the admin names are believed (the defaults would trust loopback).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var proxy in List(config["ReverseProxy:KnownProxies"]))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in List(config["ReverseProxy:KnownNetworks"]))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the real client and scheme, from configured proxies only.</summary>
    public static WebApplication UseAssetLoanForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static string[] List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
