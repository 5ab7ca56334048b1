using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AssetLoan.Web.Identity;

/// <summary>
/// Narrows one named handler of a page to fewer roles than the page itself (the reveal of a national ID, the scan of a
/// paper approval). Enforced by the authorization middleware like every other role rule, before antiforgery or the
/// handler run, so the generated authorization matrix shows it. A page shows the link or button of such a handler when
/// <see cref="Permits{TPage}"/> says so, so the roles are written once, in the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class HandlerRolesAttribute(string handler, params string[] roles) : Attribute
{
    /// <summary>The policy a page with this attribute gets, on top of its folder's (<see cref="Convention"/>).</summary>
    public const string Policy = "handler-roles";

    public string Handler { get; } = handler;

    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>Signed in, and in one of the roles named for the requested handler (<c>?handler=</c>), if any is named.</summary>
    public static void Build(AuthorizationPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.RequireAuthenticatedUser().RequireAssertion(Allows);
    }

    /// <summary>Whether <paramref name="user"/> may call <paramref name="handler"/> of <typeparamref name="TPage"/> by its handler roles.</summary>
    public static bool Permits<TPage>(ClaimsPrincipal user, string handler)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rule = typeof(TPage).GetCustomAttributes<HandlerRolesAttribute>(inherit: false)
            .FirstOrDefault(a => string.Equals(a.Handler, handler, StringComparison.OrdinalIgnoreCase));
        return rule is null || rule.Roles.Any(user.IsInRole);
    }

    /// <summary>Adds <see cref="Policy"/> to the endpoint of every page that names handler roles.</summary>
    public static void Convention(PageApplicationModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.HandlerTypeAttributes.OfType<HandlerRolesAttribute>().Any())
        {
            page.EndpointMetadata.Add(new AuthorizeAttribute(Policy));
        }
    }

    private static bool Allows(AuthorizationHandlerContext ctx)
    {
        if (ctx.Resource is not HttpContext http)
        {
            return false;
        }

        var handler = http.Request.RouteValues.TryGetValue("handler", out var routed) && routed is string r ? r : http.Request.Query["handler"].ToString();
        var rules = http.GetEndpoint()?.Metadata.GetOrderedMetadata<HandlerRolesAttribute>() ?? [];
        var rule = rules.FirstOrDefault(a => string.Equals(a.Handler, handler, StringComparison.OrdinalIgnoreCase));
        return rule is null || rule.Roles.Any(ctx.User.IsInRole);
    }
}
