using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

namespace AssetLoan.Web.Infrastructure;

public static class StartupPages
{
    public const string PublicPostsPolicy = "public-posts";

    /// <summary>A borrower's record (who they are, how to reach them): only the roles that deal with the loan.</summary>
    public const string BorrowerDetailPolicy = "BorrowerDetail";

    /// <summary>Compensation for damage and loss is decided by the head of the finance division alone (domain.md §8).</summary>
    public const string CompensationPolicy = "Compensation";

    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IServiceCollection AddAssetLoanLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Thai first: the browser's language does not switch the UI; only the user's choice (cookie) does.
            o.DefaultRequestCulture = new RequestCulture(Thai);
            o.SupportedCultures = [Thai, English];
            o.SupportedUICultures = [Thai, English];
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Thai text goes out as UTF-8, not as &#xE42; entities (2.3× smaller pages).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Thai, UnicodeRanges.GeneralPunctuation,
            UnicodeRanges.CurrencySymbols, UnicodeRanges.LetterlikeSymbols, UnicodeRanges.Arrows, UnicodeRanges.MathematicalOperators,
            UnicodeRanges.GeometricShapes, UnicodeRanges.MiscellaneousSymbols));
        return services;
    }

    public static IServiceCollection AddAssetLoanPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                // Who may open what, in one place. Everything else needs a signed-in user (fallback policy).
                var c = o.Conventions;
                foreach (var page in new[] { "/Index", "/Error", "/Status", "/Culture", "/TextSize", "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/AccessDenied", "/Account/Lockout" })
                {
                    c.AllowAnonymousToPage(page);
                }

                foreach (var folder in new[] { "/Apply", "/Track", "/Transparency", "/Public" })
                {
                    c.AllowAnonymousToFolder(folder);
                }

                foreach (var page in new[] { "/Assets/Create", "/Assets/Edit", "/Assets/Retire", "/Assets/Import", "/Assets/Export", "/Catalogue/Create", "/Catalogue/Edit", "/Catalogue/Repairs", "/Catalogue/Lots" })
                {
                    c.AuthorizePage(page, StartupIdentity.RegistryPolicy);
                }

                c.AllowAnonymousToPage("/Catalogue/Photo");
                c.AuthorizeFolder("/Labels", StartupIdentity.RegistryPolicy);
                c.AuthorizeFolder("/Loans", StartupIdentity.StaffPolicy);
                c.AuthorizeFolder("/Endorsements", "DivisionHead");
                c.AuthorizeFolder("/Supplies", StartupIdentity.SuppliesPolicy);
                c.AuthorizeFolder("/Borrowers", BorrowerDetailPolicy); // /supplies/borrower/{id}: the supplies roles; the executive and the auditor read it (ReadableBy), masked
                c.AuthorizeFolder("/Approvals", StartupIdentity.ApproversPolicy);
                c.AuthorizeFolder("/Audit", StartupIdentity.AuditPolicy);
                c.AuthorizeFolder("/LoanList", StartupIdentity.LoanListPolicy); // /loans/all
                c.AuthorizeFolder("/Admin", StartupIdentity.AdminPolicy);
                c.AuthorizeFolder("/Reports", StartupIdentity.BooksPolicy);
                c.AuthorizePage("/Assets/History", StartupIdentity.AssetHistoryPolicy);
                c.AuthorizeFolder("/Approvals/Compensation", CompensationPolicy);
                c.AddFolderApplicationModelConvention("/", Identity.HandlerRolesAttribute.Convention);
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                ThaiModelBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.Filters.Add<RuleErrorFilter>(); // a rule error escaping a POST handler: the message beside its field (IShowsRuleErrors)
            });

        services.AddAuthorizationBuilder()
            .AddPolicy("DivisionHead", p => p.RequireRole(Identity.Roles.DivisionHead))
            .AddPolicy(BorrowerDetailPolicy, Identity.ReadableByAttribute.FolderPolicy(Identity.Roles.SuppliesOfficer, Identity.Roles.FinanceDirector))
            .AddPolicy(CompensationPolicy, p => p.RequireRole(Identity.Roles.FinanceDirector))
            .AddPolicy(Identity.HandlerRolesAttribute.Policy, Identity.HandlerRolesAttribute.Build);
        services.AddAntiforgery(o => o.Cookie.Name = "AssetLoan.Af");
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Anonymous POSTs (apply, track, cancel) are limited per client address; pages for reading are not.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // Sign-in (password, authenticator code, recovery code) has its own throttle (Security/SignInThrottle.cs), so a crowd applying does not block staff; the LINE
                // webhook comes from LINE's few addresses, is signed, and throttles wrong link codes per LINE account.
                if (!HttpMethods.IsPost(http.Request.Method) || http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/status")
                    || http.Request.Path.StartsWithSegments("/account/login") || http.Request.Path.StartsWithSegments("/account/login-2fa")
                    || http.Request.Path.StartsWithSegments("/account/login-recovery") || http.Request.Path.StartsWithSegments(Line.LineWebhook.Path))
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                var limit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimit:PublicPostsPerMinute", 10);
                return RateLimitPartition.GetFixedWindowLimiter(
                    Security.ClientAddress.Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}

/// <summary>Model-binding messages ("The value 'x' is not valid") in Thai; English comes from the shared resource.</summary>
public static class ThaiModelBindingMessages
{
    public static void Apply(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.SetAttemptedValueIsInvalidAccessor((v, f) => $"ค่า '{v}' ไม่ถูกต้องสำหรับ {f}");
        p.SetMissingBindRequiredValueAccessor(f => $"กรุณากรอก {f}");
        p.SetMissingKeyOrValueAccessor(() => "กรุณากรอกข้อมูล");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "กรุณากรอกข้อมูล");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"ค่า '{v}' ไม่ถูกต้อง");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "ค่าไม่ถูกต้อง");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "กรุณากรอกเป็นตัวเลข");
        p.SetUnknownValueIsInvalidAccessor(f => $"ค่าไม่ถูกต้องสำหรับ {f}");
        p.SetValueIsInvalidAccessor(v => $"ค่า '{v}' ไม่ถูกต้อง");
        p.SetValueMustBeANumberAccessor(f => $"{f} ต้องเป็นตัวเลข");
        p.SetValueMustNotBeNullAccessor(f => $"กรุณากรอก {f}");
    }
}
