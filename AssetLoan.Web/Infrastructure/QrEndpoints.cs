using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// <c>GET /qr/{tag}.png</c> and <c>GET /qr/{tag}.svg</c>: the QR code of a tag's public page, for anyone. Printed labels
/// and bookmarks depend on these addresses; never change them.
/// </summary>
public static class QrEndpoints
{
    /// <summary>HEAD too, so link checkers and printers' preflight see the image (not the sign-in redirect).</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapQrEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/qr/{tag}.png", GetOrHead, (string tag, HttpContext http, AppDbContext db, IMemoryCache cache, CancellationToken ct) =>
                ServeAsync(tag, "png", http, db, cache, ct))
            .AllowAnonymous();
        app.MapMethods("/qr/{tag}.svg", GetOrHead, (string tag, HttpContext http, AppDbContext db, IMemoryCache cache, CancellationToken ct) =>
                ServeAsync(tag, "svg", http, db, cache, ct))
            .AllowAnonymous();
        return app;
    }

    /// <summary>The base of printed URLs: the setting <see cref="Settings.PublicBaseUrl"/>, or this request's own origin when it is empty.</summary>
    public static async Task<string> PublicBaseAsync(AppDbContext db, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var configured = await db.Settings.AsNoTracking()
            .Where(s => s.Key == Settings.Keys.PublicBaseUrl)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.Trim().TrimEnd('/');
    }

    /// <summary>Whether a tag belongs to an asset or a catalogue item (a pool, or a numbered item's page).</summary>
    public static Task<bool> TagExistsAsync(AppDbContext db, string tag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Assets.Where(a => a.Tag == tag).Select(a => a.Id)
            .Concat(db.CatalogueItems.Where(c => c.Tag == tag).Select(c => c.Id))
            .AnyAsync(ct);
    }

    private static async Task<IResult> ServeAsync(string tag, string format, HttpContext http, AppDbContext db, IMemoryCache cache, CancellationToken ct)
    {
        tag = tag.ToUpperInvariant();
        // Tags are never deleted or reused, so a tag seen once is known; unknown ones are asked for every time.
        var known = $"qr-tag:{tag}";
        if (!Tags.IsWellFormed(tag) || (!cache.TryGetValue(known, out _) && !await TagExistsAsync(db, tag, ct)))
        {
            return Results.NotFound();
        }

        cache.Set(known, true, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });

        var size = QrCodes.DefaultPixelsPerModule;
        var sizeText = http.Request.Query["size"].ToString();
        if (sizeText.Length > 0
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size)
                || size is < QrCodes.MinPixelsPerModule or > QrCodes.MaxPixelsPerModule))
        {
            return Results.Text(
                $"ขนาด (size) ต้องเป็นจำนวนเต็ม {QrCodes.MinPixelsPerModule}–{QrCodes.MaxPixelsPerModule} พิกเซลต่อโมดูล",
                "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var url = QrCodes.TagUrl(await PublicBaseAsync(db, http.Request, ct), tag);
        var hash = ETagOf(format, url, size);
        var etag = new EntityTagHeaderValue($"\"{hash}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // The code for a tag and base URL never changes; a new base URL gives a new ETag.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365) };
        http.Response.Headers.CacheControl = headers.CacheControl + ", immutable";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // The same few codes are asked for again and again (a registry page, a label run): keep them for a while.
        var image = await cache.GetOrCreateAsync($"qr-image:{hash}", entry =>
        {
            var bytes = format == "png" ? QrCodes.Png(url, size) : Encoding.UTF8.GetBytes(QrCodes.Svg(url, size));
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            entry.Size = bytes.Length;
            return Task.FromResult(bytes);
        });
        return Results.File(image!, format == "png" ? "image/png" : "image/svg+xml; charset=utf-8");
    }

    private static string ETagOf(string format, string url, int size)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{format}\n{QrCodes.Ecc}\n{url}\n{size.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
