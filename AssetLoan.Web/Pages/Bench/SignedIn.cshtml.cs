using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages.Bench;

/// <summary>
/// The third ceiling of bench/run: what every staff page pays before its own content, a supplies officer's page with the
/// site layout (the sign-in cookie, the security-stamp check, roles and claims, the menu, the notification count) and no
/// rows. A staff page's CPU less this one's is the page's own share. Answers 404 unless <c>Bench:Ceiling</c> is set.
/// </summary>
[Authorize(Policy = StartupIdentity.SuppliesPolicy)]
public sealed class SignedInModel(IConfiguration config) : PageModel
{
    public IActionResult OnGet() => config.GetValue("Bench:Ceiling", false) ? Page() : NotFound();
}
