using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace AssetLoan.Web.Infrastructure;

public static class StartupIdentity
{
    public const string RegistryPolicy = "Registry";
    public const string SuppliesPolicy = "Supplies";
    public const string ApproversPolicy = "Approvers";
    public const string AuditPolicy = "Audit";
    public const string AdminPolicy = "Admin";
    public const string StaffPolicy = "Staff";

    /// <summary>/loans/all: the desk, and those who oversee it (read-only for the Executive and the Auditor).</summary>
    public const string LoanListPolicy = "LoanList";

    /// <summary>Who reads the office's books (register, year-end list, dashboard): กองคลัง, the approvers and the auditor.</summary>
    public const string BooksPolicy = "Books";

    /// <summary>An asset's whole history: the books' readers and the registry's keepers.</summary>
    public const string AssetHistoryPolicy = "AssetHistory";

    public static IServiceCollection AddAssetLoanIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddUserStore<AppUserStore>() // the authenticator key encrypted, recovery codes hashed
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider) // each code once
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<ThaiIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "AssetLoan.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(RegistryPolicy, p => p.RequireRole(Roles.SuppliesOfficer, Roles.Admin))
            .AddPolicy(SuppliesPolicy, ReadableByAttribute.FolderPolicy(Roles.SuppliesOfficer))
            .AddPolicy(ApproversPolicy, p => p.RequireRole(Roles.FinanceDirector, Roles.Executive))
            .AddPolicy(AuditPolicy, p => p.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(LoanListPolicy, p => p.RequireRole(Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive, Roles.Auditor))
            .AddPolicy(BooksPolicy, p => p.RequireRole(Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive, Roles.Auditor))
            .AddPolicy(AssetHistoryPolicy, p => p.RequireRole(Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive, Roles.Auditor, Roles.Admin))
            .AddPolicy(StaffPolicy, ReadableByAttribute.FolderPolicy(Roles.Employee, Roles.DivisionHead, Roles.SuppliesOfficer, Roles.FinanceDirector, Roles.Executive));
        return services;
    }
}

/// <summary>Identity's messages in Thai (password rules, duplicate e-mail…).</summary>
public sealed class ThaiIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"รหัสผ่านต้องยาวอย่างน้อย {length} ตัวอักษร" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "รหัสผ่านต้องมีตัวเลขอย่างน้อย 1 ตัว" };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"อีเมล {email} มีผู้ใช้แล้ว" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"ชื่อผู้ใช้ {userName} มีผู้ใช้แล้ว" };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"อีเมล {email} ไม่ถูกต้อง" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "รหัสผ่านไม่ถูกต้อง" };

    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"ผู้ใช้มีบทบาท {Roles.Thai(role)} อยู่แล้ว" };
}
