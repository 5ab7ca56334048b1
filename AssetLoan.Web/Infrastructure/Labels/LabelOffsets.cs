using System.Globalization;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Labels;

/// <summary>
/// The printer's offset per template, kept as settings (<c>Labels.OffsetX.{template}</c>, <c>Labels.OffsetY.{template}</c>,
/// millimetres, invariant culture) so a change is audited like any other setting.
/// </summary>
public static class LabelOffsets
{
    public static string KeyX(LabelTemplate template) => $"Labels.OffsetX.{template?.Key}";

    public static string KeyY(LabelTemplate template) => $"Labels.OffsetY.{template?.Key}";

    public static async Task<LabelOffset> LoadAsync(AppDbContext db, LabelTemplate template, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(template);
        var keys = new[] { KeyX(template), KeyY(template) };
        var rows = await db.Settings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new LabelOffset(Read(rows, KeyX(template)), Read(rows, KeyY(template)));
    }

    /// <summary>Stages the two settings; the caller saves once.</summary>
    public static async Task SetAsync(AppDbContext db, LabelTemplate template, LabelOffset offset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(template);
        await Settings.SetAsync(db, KeyX(template), offset.XMm.ToString("0.0#", CultureInfo.InvariantCulture), ct);
        await Settings.SetAsync(db, KeyY(template), offset.YMm.ToString("0.0#", CultureInfo.InvariantCulture), ct);
    }

    private static double Read(Dictionary<string, string> rows, string key) =>
        rows.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var mm)
            ? Math.Clamp(mm, -LabelOffset.Limit, LabelOffset.Limit)
            : 0;
}
