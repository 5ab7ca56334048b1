using System.Security.Claims;
using AssetLoan.Domain.People;

namespace AssetLoan.Web.Identity;

/// <summary>The signed-in person as the domain sees them, built from the request's claims.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    public const string FullNameClaim = "assetloan:fullname";
    public const string DivisionClaim = "assetloan:division";

    public ClaimsPrincipal? User => http.HttpContext?.User;

    public bool IsSignedIn => User?.Identity?.IsAuthenticated == true;

    public Actor Actor => IsSignedIn ? FromPrincipal(User!) : Actor.System;

    public static Actor FromPrincipal(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null)
            .Where(r => r is not null)
            .Select(r => r!.Value)
            .ToHashSet();
        var division = int.TryParse(user.FindFirstValue(DivisionClaim), out var d) ? d : (int?)null;
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.FindFirstValue(FullNameClaim) ?? user.Identity?.Name ?? "",
            roles,
            division);
    }
}
