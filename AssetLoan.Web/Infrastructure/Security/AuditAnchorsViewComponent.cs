using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Security;

/// <summary>The published heads of the audit chain (newest first) for the transparency page: no personal data.</summary>
[ViewComponent(Name = "AuditAnchors")]
public sealed class AuditAnchorsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int take = 30)
    {
        var anchors = await db.AuditAnchors.AsNoTracking().OrderByDescending(a => a.AnchoredOn).Take(take)
            .Select(a => new AuditAnchorRow(a.AnchoredOn, a.Sequence, a.Hash)).ToListAsync(HttpContext.RequestAborted);
        return View(anchors);
    }
}

public sealed record AuditAnchorRow(DateOnly AnchoredOn, long Sequence, string Hash);
