using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>
/// Serves the photo of a catalogue item, and nothing else: the path comes from the item's record, never from the
/// request, and only files under the catalogue photo folder are sent. Public (the transparency catalogue and the QR
/// page show photos); the ?v= in links changes with each new photo, so browsers may cache it for long.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PhotoModel(AppDbContext db, FileStorage storage, IDataProtectionProvider protection) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? v, CancellationToken ct)
    {
        var path = await db.CatalogueItems.AsNoTracking().Where(c => c.Id == id).Select(c => c.PhotoPath).FirstOrDefaultAsync(ct);
        var full = new CataloguePhotos(storage, protection).FullPathOf(path);
        if (full is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = v == CatalogueUrls.PhotoVersion(path) ? "public, max-age=604800, immutable" : "no-cache";
        return PhysicalFile(full, CataloguePhotos.ContentTypeOf(full));
    }
}
