namespace AssetLoan.Domain.People;

/// <summary>The roles of domain.md §2. A person may hold several.</summary>
public enum Role
{
    /// <summary>บุคลากรภายใน.</summary>
    Employee,

    /// <summary>หัวหน้าหน่วยงานผู้ยืม.</summary>
    DivisionHead,

    /// <summary>เจ้าหน้าที่พัสดุ.</summary>
    SuppliesOfficer,

    /// <summary>ผู้อำนวยการกองคลัง (หัวหน้าหน่วยพัสดุ).</summary>
    FinanceDirector,

    /// <summary>หัวหน้าหน่วยงานของรัฐ (นายกเทศมนตรี) or a delegate.</summary>
    Executive,

    /// <summary>ผู้ตรวจสอบภายใน: reads everything, changes nothing.</summary>
    Auditor,

    /// <summary>ผู้ดูแลระบบ.</summary>
    Admin,
}

/// <summary>Who is acting. Outside applicants act without an account (<see cref="UserId"/> is null).</summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<Role> Roles, int? DivisionId = null)
{
    public static Actor Applicant(string name) => new(null, name, new HashSet<Role>());

    public static Actor System { get; } = new(null, "ระบบ", new HashSet<Role>());

    public bool Has(Role role) => Roles.Contains(role);
}
