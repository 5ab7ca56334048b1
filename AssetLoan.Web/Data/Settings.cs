using System.Globalization;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// The municipality's settings (domain.md: "where the regulation leaves a choice, the system makes it a setting"),
/// stored as rows of <see cref="AppSetting"/>; a missing row means the default below.
/// </summary>
public sealed record Settings
{
    public string MunicipalityName { get; init; } = "เทศบาลตำบลแม่คือ";

    public string MunicipalityAddress { get; init; } = "อำเภอดอยสะเก็ด จังหวัดเชียงใหม่";

    public ApprovalPolicy Policy { get; init; } = ApprovalPolicy.Default;

    public string AssetNumberTemplate { get; init; } = Domain.Assets.AssetNumbers.DefaultTemplate;

    /// <summary>Base of the URLs printed in QR labels; empty means the request's own origin.</summary>
    public string PublicBaseUrl { get; init; } = "";

    /// <summary>PromptPay target (the municipality's tax ID) for compensation payments.</summary>
    public string PromptPayTarget { get; init; } = "";

    public bool ThaiDigitsOnDocuments { get; init; } = true;

    /// <summary>PDPA: personal fields of closed loans are anonymised after this many days.</summary>
    public int RetentionDays { get; init; } = 365 * 2;

    /// <summary>How many open applications one national ID or phone may hold.</summary>
    public int OpenApplicationCap { get; init; } = 3;

    /// <summary>The LINE Messaging API's address (a fake server in tests).</summary>
    public string LineApiBaseUrl { get; init; } = DefaultLineApiBaseUrl;

    /// <summary>The channel access token, protected with Data Protection (Infrastructure/Line/LineSecrets.cs); empty: LINE is off.</summary>
    public string LineChannelTokenProtected { get; init; } = "";

    /// <summary>The channel secret that signs webhook calls, protected like the token.</summary>
    public string LineChannelSecretProtected { get; init; } = "";

    /// <summary>LINE notices are queued only while a channel token is set.</summary>
    public bool LineOn => LineChannelTokenProtected.Length > 0;

    /// <summary>
    /// The admin, the approvers and the supplies officers must sign in with an authenticator code as well (issue 14 §4);
    /// off by default so an existing deployment keeps working until its staff are ready.
    /// </summary>
    public bool RequireTwoFactor { get; init; }

    /// <summary>
    /// Separation of duties (issue 14 §9): the officer who keyed in a request on a borrower's behalf neither checks it
    /// nor hands it over. On by default; a one-officer office may switch it off.
    /// </summary>
    public bool SeparateDuties { get; init; } = true;

    public const string DefaultLineApiBaseUrl = "https://api.line.me";

    /// <summary>The published borrowing regulation (Markdown).</summary>
    public string RegulationMarkdown { get; init; } = DefaultRegulation;

    public const string DefaultRegulation = """
        ## ระเบียบการยืมพัสดุของเทศบาล

        การยืมพัสดุเป็นไปตามระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ หมวด ๙ ส่วนที่ ๒ (ข้อ ๒๐๗–๒๑๑)

        1. ผู้ยืมยื่นคำขอยืม ระบุเหตุผลและความจำเป็น สถานที่ใช้ และกำหนดวันส่งคืน
        2. การยืมใช้ภายในสถานที่ ผู้อำนวยการกองคลัง (หัวหน้าหน่วยพัสดุ) เป็นผู้อนุมัติ
        3. การยืมไปใช้นอกสถานที่ และการยืมระหว่างหน่วยงานของรัฐ นายกเทศมนตรีหรือผู้ที่ได้รับมอบอำนาจเป็นผู้อนุมัติ
        4. พัสดุประเภทใช้สิ้นเปลืองให้ยืมเฉพาะหน่วยงานของรัฐเมื่อมีความจำเป็นเร่งด่วน และต้องคืนเป็นพัสดุประเภท ชนิด และปริมาณเดียวกัน
        5. ผู้ยืมต้องส่งคืนพัสดุในสภาพที่ใช้การได้เรียบร้อย หากชำรุดเสียหายหรือสูญหาย ต้องซ่อมแซมให้คงสภาพเดิม ชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม (ข้อ ๒๐๙)
        6. เมื่อครบกำหนดยืม หากผู้ยืมยังมิได้ส่งคืน เจ้าหน้าที่พัสดุต้องติดตามทวงถามภายใน ๗ วันนับแต่วันครบกำหนด (ข้อ ๒๑๑)
        """;

    public static class Keys
    {
        public const string MunicipalityName = "Municipality.Name";
        public const string MunicipalityAddress = "Municipality.Address";
        public const string OnPremisesApprover = "Approval.OnPremises";
        public const string OffPremisesApprover = "Approval.OffPremises";
        public const string InterAgencyApprover = "Approval.InterAgency";
        public const string ConsumableApprover = "Approval.Consumable";
        public const string DefaultMaxLoanDays = "Loans.DefaultMaxLoanDays";
        public const string BorrowerStandingRule = "Loans.BorrowerStandingRule";
        public const string ExpireAfterDays = "Loans.ExpireAfterDays";
        public const string BookingHorizonDays = "Loans.BookingHorizonDays";
        public const string AssetNumberTemplate = "Assets.NumberTemplate";
        public const string PublicBaseUrl = "Public.BaseUrl";
        public const string PromptPayTarget = "Payments.PromptPayTarget";
        public const string ThaiDigitsOnDocuments = "Documents.ThaiDigits";
        public const string RetentionDays = "Privacy.RetentionDays";
        public const string OpenApplicationCap = "Apply.OpenApplicationCap";
        public const string RegulationMarkdown = "Transparency.Regulation";
        public const string LineApiBaseUrl = "Line.ApiBaseUrl";
        public const string RequireTwoFactor = "Security.RequireTwoFactor";
        public const string SeparateDuties = "Security.SeparateDuties";
    }

    /// <summary>Settings stored only protected (Infrastructure/Line/LineSecrets.cs), written only when the Admin types one.</summary>
    public static class SecretKeys
    {
        public const string LineChannelToken = "Line.ChannelToken";
        public const string LineChannelSecret = "Line.ChannelSecret";
    }

    public static async Task<Settings> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return FromRows(rows);
    }

    public static Settings FromRows(IReadOnlyDictionary<string, string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = new Settings();
        var p = ApprovalPolicy.Default;
        return d with
        {
            MunicipalityName = Text(rows, Keys.MunicipalityName, d.MunicipalityName),
            MunicipalityAddress = Text(rows, Keys.MunicipalityAddress, d.MunicipalityAddress),
            Policy = new ApprovalPolicy(
                RoleOf(rows, Keys.OnPremisesApprover, p.OnPremisesApprover),
                RoleOf(rows, Keys.OffPremisesApprover, p.OffPremisesApprover),
                RoleOf(rows, Keys.InterAgencyApprover, p.InterAgencyApprover),
                RoleOf(rows, Keys.ConsumableApprover, p.ConsumableApprover),
                Int(rows, Keys.DefaultMaxLoanDays, p.DefaultMaxLoanDays),
                Bool(rows, Keys.BorrowerStandingRule, p.BorrowerStandingRule),
                Int(rows, Keys.ExpireAfterDays, p.ExpireAfterDays),
                Int(rows, Keys.BookingHorizonDays, p.BookingHorizonDays)),
            AssetNumberTemplate = Text(rows, Keys.AssetNumberTemplate, d.AssetNumberTemplate),
            PublicBaseUrl = Text(rows, Keys.PublicBaseUrl, d.PublicBaseUrl),
            PromptPayTarget = Text(rows, Keys.PromptPayTarget, d.PromptPayTarget),
            ThaiDigitsOnDocuments = Bool(rows, Keys.ThaiDigitsOnDocuments, d.ThaiDigitsOnDocuments),
            RetentionDays = Int(rows, Keys.RetentionDays, d.RetentionDays),
            OpenApplicationCap = Int(rows, Keys.OpenApplicationCap, d.OpenApplicationCap),
            RegulationMarkdown = Text(rows, Keys.RegulationMarkdown, d.RegulationMarkdown),
            LineApiBaseUrl = Text(rows, Keys.LineApiBaseUrl, d.LineApiBaseUrl) is { Length: > 0 } line ? line : d.LineApiBaseUrl,
            RequireTwoFactor = Bool(rows, Keys.RequireTwoFactor, d.RequireTwoFactor),
            SeparateDuties = Bool(rows, Keys.SeparateDuties, d.SeparateDuties),
            LineChannelTokenProtected = Text(rows, SecretKeys.LineChannelToken, ""),
            LineChannelSecretProtected = Text(rows, SecretKeys.LineChannelSecret, ""),
        };
    }

    /// <summary>Writes one setting (tracked, so the audit trail records before → after on save).</summary>
    public static async Task SetAsync(AppDbContext db, string key, string value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Settings.FindAsync([key], ct);
        if (row is null)
        {
            db.Settings.Add(new AppSetting { Key = key, Value = value });
        }
        else
        {
            row.Value = value;
        }
    }

    private static string Text(IReadOnlyDictionary<string, string> rows, string key, string fallback) =>
        rows.TryGetValue(key, out var v) ? v : fallback;

    private static int Int(IReadOnlyDictionary<string, string> rows, string key, int fallback) =>
        rows.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    private static bool Bool(IReadOnlyDictionary<string, string> rows, string key, bool fallback) =>
        rows.TryGetValue(key, out var v) && bool.TryParse(v, out var b) ? b : fallback;

    private static Role RoleOf(IReadOnlyDictionary<string, string> rows, string key, Role fallback) =>
        rows.TryGetValue(key, out var v) && Enum.TryParse<Role>(v, out var r) ? r : fallback;
}
