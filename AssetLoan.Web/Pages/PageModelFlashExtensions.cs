using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AssetLoan.Web.Pages;

/// <summary>
/// The message a page leaves for the page it redirects to (Post/Redirect/Get): written by the PageModel, read once by
/// the layout. The TempData keys live here only (Web/Architecture/FlashTests fails on another copy).
/// </summary>
public static class PageModelFlashExtensions
{
    private const string MessageKey = "Flash";
    private const string ErrorKey = "FlashError";

    /// <summary>Leaves a success message for the next page.</summary>
    public static void Flash(this PageModel page, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData[MessageKey] = message;
    }

    /// <summary>Leaves a message for the next page that something was not done.</summary>
    public static void FlashError(this PageModel page, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData[ErrorKey] = message;
    }

    /// <summary>The success message left for this request, if any (reading it uses it up).</summary>
    public static string? FlashMessage(this ITempDataDictionary tempData) => tempData?[MessageKey] as string;

    /// <summary>The error message left for this request, if any (reading it uses it up).</summary>
    public static string? FlashErrorMessage(this ITempDataDictionary tempData) => tempData?[ErrorKey] as string;
}
