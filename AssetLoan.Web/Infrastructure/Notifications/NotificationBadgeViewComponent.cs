using System.Security.Claims;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Notifications;

/// <summary>The navbar link to /notifications with the number of unread in-app messages.</summary>
[ViewComponent(Name = "NotificationBadge")]
public sealed class NotificationBadgeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = userId is null
            ? 0
            : await db.Notifications.CountAsync(n => n.Channel == NotificationChannel.InApp && n.UserId == userId && n.ReadAtUtc == null, HttpContext.RequestAborted);
        return View(unread);
    }
}
