using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
