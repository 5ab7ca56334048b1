using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AssetLoan.Web.Identity;

/// <summary>Adds the full name and division to the cookie so pages need no user look-up per request.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, Data.AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentActor.FullNameClaim, user.FullName));
        if (user.DivisionId is { } division)
        {
            identity.AddClaim(new Claim(CurrentActor.DivisionClaim, division.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordFilter.Claim, "1"));
        }

        if (!user.TwoFactorEnabled
            && TwoFactorCodes.RequiredRoles.Any(r => identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, r))
            && (await Data.Settings.LoadAsync(db, CancellationToken.None)).RequireTwoFactor)
        {
            identity.AddClaim(new Claim(TwoFactorSetupGate.Claim, "1"));
        }

        return identity;
    }
}
