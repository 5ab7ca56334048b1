using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
