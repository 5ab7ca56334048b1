using AssetLoan.Domain.Assets;

namespace AssetLoan.Web.Vocabulary;

/// <summary>
/// The Thai words the supplies office uses for the registry's enumerations. Views pass them through the shared
/// localizer (<c>S[AssetText.Status(s)]</c>), so the English lives once in SharedResource.en.resx.
/// </summary>
public static class AssetText
{
    public static string Status(AssetStatus status) => status switch
    {
        AssetStatus.Available => "ว่าง พร้อมให้ยืม",
        AssetStatus.OnLoan => "ถูกยืม",
        AssetStatus.UnderRepair => "ชำรุด/ส่งซ่อม",
        AssetStatus.Lost => "สูญหาย",
        _ => "จำหน่ายแล้ว",
    };

    /// <summary>Bootstrap badge colour for a status; a retired asset is grey whatever its last status.</summary>
    public static string StatusBadge(AssetStatus status, bool retired = false) => retired ? "text-bg-secondary" : status switch
    {
        AssetStatus.Available => "text-bg-success",
        AssetStatus.OnLoan => "text-bg-primary",
        AssetStatus.UnderRepair => "text-bg-warning",
        AssetStatus.Lost => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>The statuses an officer may set by hand; on loan comes only from loans, disposed only from retiring.</summary>
    public static readonly IReadOnlyList<AssetStatus> SettableStatuses = [AssetStatus.Available, AssetStatus.UnderRepair, AssetStatus.Lost];

    /// <summary>Choices of the list's status filter ("" = still in the registry).</summary>
    public static string StatusFilter(string value) => value switch
    {
        "available" => Status(AssetStatus.Available),
        "onloan" => Status(AssetStatus.OnLoan),
        "underrepair" => Status(AssetStatus.UnderRepair),
        "lost" => Status(AssetStatus.Lost),
        "retired" => "จำหน่ายแล้ว",
        "all" => "ทั้งหมด รวมที่จำหน่ายแล้ว",
        _ => "ทุกสถานะ",
    };

    public static string Nature(LendingNature nature) => nature == LendingNature.Consumable ? "ใช้สิ้นเปลือง" : "ใช้คงรูป";

    public static string Budget(BudgetClass budget) => budget switch
    {
        BudgetClass.Equipment => "ครุภัณฑ์",
        BudgetClass.BelowThreshold => "ครุภัณฑ์ต่ำกว่าเกณฑ์",
        _ => "วัสดุ",
    };

    public static string Tracking(TrackingMode mode) =>
        mode == TrackingMode.Pooled ? "นับเป็นจำนวนรวม" : "แยกรายชิ้น มีหมายเลขครุภัณฑ์";

    public static string AudienceGroup(BorrowerAudience group) => group switch
    {
        BorrowerAudience.Staff => "บุคลากรภายใน",
        BorrowerAudience.Public => "ประชาชน/บุคคลภายนอก",
        BorrowerAudience.Agencies => "หน่วยงานของรัฐ",
        _ => "ไม่มี",
    };

    public static readonly IReadOnlyList<BorrowerAudience> AudienceGroups = [BorrowerAudience.Staff, BorrowerAudience.Public, BorrowerAudience.Agencies];

    /// <summary>The groups in an audience, in Thai, for the caller to localize and join.</summary>
    public static IEnumerable<string> Audience(BorrowerAudience audience) =>
        AudienceGroups.Where(g => audience.HasFlag(g)).Select(AudienceGroup);
}
