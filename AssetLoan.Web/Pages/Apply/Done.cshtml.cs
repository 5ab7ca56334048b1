using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages.Apply;

/// <summary>
/// The confirmation after an application: the reference number and the private tracking link, shown once (TempData),
/// so the link never sits in a URL the applicant did not choose to keep.
/// </summary>
public sealed class DoneModel : PageModel
{
    public string? Reference { get; private set; }

    public string? TrackingUrl { get; private set; }

    /// <summary>The applicant posted the same application again (Back and submit): no second request was filed.</summary>
    public bool FiledBefore { get; private set; }

    public void OnGet()
    {
        Reference = TempData["Apply.Reference"] as string;
        FiledBefore = TempData["Apply.FiledBefore"] is true;
        if (TempData["Apply.Token"] is string token)
        {
            TrackingUrl = $"{Request.Scheme}://{Request.Host}/track/{token}";
        }
    }
}
