using Microsoft.AspNetCore.Authorization;

namespace AssetLoan.Web.Identity;

/// <summary>
/// Opens one page of a protected folder to more roles, for reading only: the auditor reads a loan or a borrower, the
/// FinanceDirector and the Executive read the overdue list, slips and letters. Only GET and HEAD pass, so a reader can
/// never post to the page's handlers; the page itself still decides which buttons a person sees.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadableByAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>The folder's roles, or a reader named on the page for a GET/HEAD request.</summary>
    public static Action<AuthorizationPolicyBuilder> FolderPolicy(params string[] folderRoles) =>
        p => p.RequireAssertion(ctx => folderRoles.Any(ctx.User.IsInRole) || IsReader(ctx));

    private static bool IsReader(AuthorizationHandlerContext ctx) =>
        ctx.Resource is HttpContext http
        && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.GetEndpoint()?.Metadata.GetMetadata<ReadableByAttribute>() is { } readable
        && readable.Roles.Any(ctx.User.IsInRole);
}
