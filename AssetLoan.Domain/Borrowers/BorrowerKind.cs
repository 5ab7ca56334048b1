namespace AssetLoan.Domain.Borrowers;

public enum BorrowerKind
{
    /// <summary>บุคลากรภายใน: a staff member with an account.</summary>
    Staff,

    /// <summary>บุคคลทั่วไป: a citizen.</summary>
    Person,

    /// <summary>กลุ่ม/ชุมชน.</summary>
    CommunityGroup,

    /// <summary>วัด / ศาสนสถาน.</summary>
    Temple,

    /// <summary>โรงเรียน / สถานศึกษา.</summary>
    School,

    /// <summary>หน่วยงานของรัฐอื่น.</summary>
    Agency,
}

public static class BorrowerKinds
{
    public static bool IsOutsider(this BorrowerKind kind) => kind != BorrowerKind.Staff;

    /// <summary>Organisations apply through a responsible person; persons identify with a national ID.</summary>
    public static bool IsOrganisation(this BorrowerKind kind) =>
        kind is BorrowerKind.CommunityGroup or BorrowerKind.Temple or BorrowerKind.School or BorrowerKind.Agency;
}
