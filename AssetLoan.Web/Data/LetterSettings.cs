using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>Who signs one kind of letter: the name in brackets, the position, and the acting/delegated line under it.</summary>
public sealed record LetterSigner(string Name, string Position, string Acting)
{
    public string? ActingLine => string.IsNullOrWhiteSpace(Acting) ? null : Acting.Trim();
}

/// <summary>
/// The municipality's letters (issue 13 §6, §9): the letter code printed after "ที่", the signer of each kind of letter,
/// the emblem (ครุฑ) uploaded by the admin, the contact line, and the ข้อ ๒๐๙ undertaking printed on the slip and the
/// blank forms. Stored as rows of <see cref="AppSetting"/> like <see cref="Settings"/>; a missing row means the default.
/// </summary>
public sealed record LetterSettings
{
    /// <summary>รหัสหนังสือ: the municipality's code, e.g. "ชม ๕๒๓๐๑"; the letter's running number follows a slash.</summary>
    public string LetterCode { get; init; } = "ชม ๕๒๓๐๑";

    /// <summary>The supplies unit that sends the letters (the memo's ส่วนราชการ and the external letter's contact line).</summary>
    public string Office { get; init; } = "กองคลัง งานพัสดุ";

    public string OfficePhone { get; init; } = "";

    public LetterSigner DemandSigner { get; init; } = new("", "", "");

    public LetterSigner NoticeSigner { get; init; } = new("", "", "");

    /// <summary>The stored emblem (a PNG re-encoded on upload, <see cref="Infrastructure.EmblemImage"/>); empty: none.</summary>
    public string EmblemPath { get; init; } = "";

    public string Undertaking { get; init; } = DefaultUndertaking;

    /// <summary>ข้อ ๒๐๙ (๒): a local government's compensation criteria are those set by กระทรวงมหาดไทย.</summary>
    public const string DefaultUndertaking =
        "ข้าพเจ้าจะส่งคืนพัสดุที่ยืมในสภาพที่ใช้การได้เรียบร้อยภายในกำหนดเวลาข้างต้น หากพัสดุที่ยืมเกิดชำรุดเสียหาย หรือใช้การไม่ได้ " +
        "หรือสูญหายไป ข้าพเจ้ายินยอมจัดการแก้ไขซ่อมแซมให้คงสภาพเดิมโดยเสียค่าใช้จ่ายของตนเอง หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด " +
        "ลักษณะและคุณภาพอย่างเดียวกัน หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม ตามหลักเกณฑ์ที่กระทรวงมหาดไทยกำหนด " +
        "(ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ ข้อ ๒๐๙ (๒))";

    public bool HasEmblem => EmblemPath.Length > 0;

    public static class Keys
    {
        public const string LetterCode = "Letters.Code";
        public const string Office = "Letters.Office";
        public const string OfficePhone = "Letters.OfficePhone";
        public const string DemandSignerName = "Letters.Demand.SignerName";
        public const string DemandSignerPosition = "Letters.Demand.SignerPosition";
        public const string DemandSignerActing = "Letters.Demand.SignerActing";
        public const string NoticeSignerName = "Letters.Notice.SignerName";
        public const string NoticeSignerPosition = "Letters.Notice.SignerPosition";
        public const string NoticeSignerActing = "Letters.Notice.SignerActing";
        public const string EmblemPath = "Letters.EmblemPath";
        public const string Undertaking = "Letters.Undertaking";
    }

    public static async Task<LetterSettings> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith("Letters.")).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return FromRows(rows);
    }

    public static LetterSettings FromRows(IReadOnlyDictionary<string, string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = new LetterSettings();
        return new LetterSettings
        {
            LetterCode = Text(rows, Keys.LetterCode, d.LetterCode),
            Office = Text(rows, Keys.Office, d.Office),
            OfficePhone = Text(rows, Keys.OfficePhone, d.OfficePhone),
            DemandSigner = new(Text(rows, Keys.DemandSignerName, ""), Text(rows, Keys.DemandSignerPosition, ""), Text(rows, Keys.DemandSignerActing, "")),
            NoticeSigner = new(Text(rows, Keys.NoticeSignerName, ""), Text(rows, Keys.NoticeSignerPosition, ""), Text(rows, Keys.NoticeSignerActing, "")),
            EmblemPath = Text(rows, Keys.EmblemPath, ""),
            Undertaking = Text(rows, Keys.Undertaking, "") is { Length: > 0 } u ? u : d.Undertaking,
        };
    }

    /// <summary>"ชม ๕๒๓๐๑" + "77" → "ชม ๕๒๓๐๑/77".</summary>
    public string Numbered(string number) => $"{LetterCode.Trim()}/{number.Trim()}";

    private static string Text(IReadOnlyDictionary<string, string> rows, string key, string fallback) =>
        rows.TryGetValue(key, out var v) ? v : fallback;
}
