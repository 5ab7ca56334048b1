using System.ComponentModel.DataAnnotations;

namespace AssetLoan.Web.Pages.Admin.Users;

/// <summary>A staff member's profile as the administrator edits it.</summary>
public sealed class UserInput
{
    [Required(ErrorMessage = "กรุณากรอกชื่อ–นามสกุล")]
    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "ชื่อ–นามสกุล")]
    public string FullName { get; set; } = "";

    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "ตำแหน่ง")]
    public string? Position { get; set; }

    [Display(Name = "หน่วยงาน")]
    public int? DivisionId { get; set; }

    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "คำสั่งมอบอำนาจ (เฉพาะผู้รับมอบอำนาจอนุมัติ)")]
    public string? DelegationOrder { get; set; }

    /// <summary>Role names (<see cref="Identity.Roles"/>) ticked in the form.</summary>
    public List<string> Roles { get; set; } = [];
}

/// <summary>A new password set by the administrator (first sign-in, or a forgotten one).</summary>
public sealed class PasswordInput
{
    [Required(ErrorMessage = "กรุณากรอกรหัสผ่าน")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "รหัสผ่านต้องยาวอย่างน้อย {2} ตัวอักษร")]
    [DataType(DataType.Password)]
    [Display(Name = "รหัสผ่านใหม่")]
    public string NewPassword { get; set; } = "";
}
