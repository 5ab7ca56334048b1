using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>Reads behind the QR tags: what a scanned value points to, and what holds a tag's item today.</summary>
public static class TagQueries
{
    /// <summary>
    /// The one reader of every scan (the scan page, handover and return): an asset number as written in the register,
    /// a bare tag (any case), or a label's <c>/a/{tag}</c> or <c>/qr/{tag}.png</c> address, with or without a query or
    /// fragment. Returns the tag and, for a numbered unit, the asset (untracked); null when nothing matches.
    /// </summary>
    public static async Task<ScanMatch?> FindByScanAsync(this AppDbContext db, string? scanned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var value = Normalize(scanned);
        if (value.Length == 0)
        {
            return null;
        }

        var tag = value.ToUpperInvariant();
        if (Tags.IsWellFormed(tag))
        {
            var byTag = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Tag == tag, ct);
            if (byTag is not null)
            {
                return new ScanMatch(tag, byTag);
            }

            if (await db.CatalogueItems.AnyAsync(c => c.Tag == tag, ct))
            {
                return new ScanMatch(tag, null);
            }
        }

        var byNumber = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.AssetNumber == value, ct);
        return byNumber is null ? null : new ScanMatch(byNumber.Tag, byNumber);
    }

    /// <summary>
    /// What a scanner gave, reduced to a tag or an asset number: the tag from an <c>/a/{tag}</c> or <c>/qr/{tag}.png</c>
    /// URL, otherwise the trimmed text with runs of spaces collapsed (as asset numbers are stored). scan.js does the same.
    /// </summary>
    public static string Normalize(string? scanned)
    {
        var value = string.Join(' ', (scanned ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var marker in new[] { "/a/", "/qr/" })
        {
            var at = value.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
            // A path ("/a/…"), a full URL, or a host without its scheme ("example.go.th/qr/….png?size=2").
            if (at >= 0 && (at == 0 || value.Contains("://", StringComparison.Ordinal) || !value[..at].Contains(' ', StringComparison.Ordinal)))
            {
                var rest = value[(at + marker.Length)..];
                var end = rest.IndexOfAny(['/', '?', '#', '.']);
                return end < 0 ? rest : rest[..end];
            }
        }

        return value;
    }
}

/// <summary>What a scan points to: the tag, and the numbered unit when it is one.</summary>
public sealed record ScanMatch(string Tag, Asset? Asset);
