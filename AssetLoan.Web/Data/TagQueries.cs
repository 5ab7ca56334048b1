using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>Reads behind the QR tags: what a scanned value points to, and what holds a tag's item today.</summary>
public static class TagQueries
{
    private static readonly LoanStatus[] Holding = [LoanStatus.Checked, LoanStatus.Approved, LoanStatus.HandedOver, LoanStatus.PartlyReturned];

    /// <summary>
    /// The tag a scanned or typed value points to: an <c>…/a/{tag}</c> URL, a bare tag (any case), or an asset number.
    /// Null when nothing in the registry matches.
    /// </summary>
    public static async Task<string?> ResolveAsync(AppDbContext db, string? scanned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var value = Normalize(scanned);
        if (value.Length == 0)
        {
            return null;
        }

        var tag = value.ToUpperInvariant();
        if (Tags.IsWellFormed(tag) && (await db.Assets.AnyAsync(a => a.Tag == tag, ct) || await db.CatalogueItems.AnyAsync(c => c.Tag == tag, ct)))
        {
            return tag;
        }

        return await db.Assets.AsNoTracking().Where(a => a.AssetNumber == value).Select(a => a.Tag).FirstOrDefaultAsync(ct);
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
            if (at >= 0 && (at == 0 || value.Contains("://", StringComparison.Ordinal)))
            {
                var rest = value[(at + marker.Length)..];
                var end = rest.IndexOfAny(['/', '?', '#', '.']);
                return end < 0 ? rest : rest[..end];
            }
        }

        return value;
    }

    /// <summary>What every holding loan claims of a catalogue item (pool counts, or numbered units), for availability.</summary>
    public static async Task<IReadOnlyList<Commitment>> CommitmentsAsync(AppDbContext db, int catalogueItemId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = await db.Loans.AsNoTracking()
            .Where(l => Holding.Contains(l.Status))
            .SelectMany(l => l.Lines.Where(x => x.CatalogueItemId == catalogueItemId), (l, x) => new
            {
                l.Id,
                l.Status,
                l.StartOn,
                l.DueOn,
                x.IsPooled,
                x.Quantity,
                x.IssuedQuantity,
                Returned = x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost,
                Units = x.Units.Where(u => u.ReturnedAtUtc == null).Select(u => u.AssetId).ToList(),
            })
            .ToListAsync(ct);

        var commitments = new List<Commitment>();
        foreach (var x in lines)
        {
            var isOut = LoanTransitions.IsOut(x.Status);
            var (from, to) = AvailabilityCalculator.Span(x.StartOn, x.DueOn, isOut, today);
            var firm = LoanTransitions.HoldsFirmly(x.Status);
            if (x.IsPooled)
            {
                commitments.Add(new Commitment(x.Id, catalogueItemId, null, isOut ? x.IssuedQuantity - x.Returned : x.Quantity, from, to, firm));
                continue;
            }

            commitments.AddRange(x.Units.Select(assetId => new Commitment(x.Id, catalogueItemId, assetId, 1, from, to, firm)));
        }

        return commitments;
    }
}
