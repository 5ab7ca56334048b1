using AssetLoan.Domain.People;

namespace AssetLoan.Web.Identity;

/// <summary>Role names as stored by Identity: the names of <see cref="Role"/>.</summary>
public static class Roles
{
    public const string Employee = nameof(Role.Employee);
    public const string DivisionHead = nameof(Role.DivisionHead);
    public const string SuppliesOfficer = nameof(Role.SuppliesOfficer);
    public const string FinanceDirector = nameof(Role.FinanceDirector);
    public const string Executive = nameof(Role.Executive);
    public const string Auditor = nameof(Role.Auditor);
    public const string Admin = nameof(Role.Admin);

    public static readonly IReadOnlyList<string> All = Enum.GetNames<Role>();

    /// <summary>Thai names shown in the UI.</summary>
    public static string Thai(string role) => role switch
    {
        Employee => "บุคลากรภายใน",
        DivisionHead => "หัวหน้าหน่วยงาน",
        SuppliesOfficer => "เจ้าหน้าที่พัสดุ",
        FinanceDirector => "ผู้อำนวยการกองคลัง",
        Executive => "ผู้บริหาร (นายกเทศมนตรี/ผู้รับมอบอำนาจ)",
        Auditor => "ผู้ตรวจสอบภายใน",
        Admin => "ผู้ดูแลระบบ",
        _ => role,
    };
}
