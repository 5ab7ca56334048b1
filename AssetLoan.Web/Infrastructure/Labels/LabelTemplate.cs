namespace AssetLoan.Web.Infrastructure.Labels;

/// <summary>
/// A label stock, in millimetres. A sheet holds <see cref="Columns"/> × <see cref="Rows"/> labels starting at the
/// top-left margin, with gaps between them; a roll is a sheet of one label whose page is the label.
/// </summary>
public sealed record LabelTemplate(
    string Key,
    string Name,
    double PageWidthMm,
    double PageHeightMm,
    double MarginLeftMm,
    double MarginTopMm,
    int Columns,
    int Rows,
    double LabelWidthMm,
    double LabelHeightMm,
    double GapXMm,
    double GapYMm)
{
    public int PerPage => Columns * Rows;

    /// <summary>Top-left corner of the label at <paramref name="index"/> (0-based, row by row) on its page.</summary>
    public (double XMm, double YMm) Origin(int index)
    {
        var slot = index % PerPage;
        var column = slot % Columns;
        var row = slot / Columns;
        return (MarginLeftMm + (column * (LabelWidthMm + GapXMm)), MarginTopMm + (row * (LabelHeightMm + GapYMm)));
    }
}

/// <summary>The label stocks the office buys. Adding one is adding a row.</summary>
public static class LabelTemplates
{
    /// <summary>A4, 3 × 8 labels of 70 × 37 mm, no gaps (e.g. Avery 3474): 296 mm of labels centred on 297.</summary>
    public static readonly LabelTemplate A4x24 = new("a4-3x8", "A4 3×8 ดวง (70×37 มม.)", 210, 297, 0, 0.5, 3, 8, 70, 37, 0, 0);

    /// <summary>A4, 2 × 7 labels of 99.1 × 38.1 mm (e.g. Avery L7163).</summary>
    public static readonly LabelTemplate A4x14 = new("a4-2x7", "A4 2×7 ดวง (99.1×38.1 มม.)", 210, 297, 4.65, 15.15, 2, 7, 99.1, 38.1, 2.5, 0);

    /// <summary>A thermal roll of 50 × 30 mm labels: one page per label, the page is the label.</summary>
    public static readonly LabelTemplate Roll50x30 = new("roll-50x30", "ม้วนความร้อน 50×30 มม. (ดวงละหน้า)", 50, 30, 0, 0, 1, 1, 50, 30, 0, 0);

    public static readonly IReadOnlyList<LabelTemplate> All = [A4x24, A4x14, Roll50x30];

    public static LabelTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}

/// <summary>Per-printer shift of everything printed on a sheet, in millimetres (right and down are positive).</summary>
public readonly record struct LabelOffset(double XMm, double YMm)
{
    public const double Limit = 20;

    public static LabelOffset None => default;
}

/// <summary>What one label shows.</summary>
public sealed record LabelContent(string Url, string MunicipalityName, string ItemName, string? AssetNumber, string Tag);
