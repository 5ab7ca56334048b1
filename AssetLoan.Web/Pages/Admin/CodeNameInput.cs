using System.ComponentModel.DataAnnotations;

namespace AssetLoan.Web.Pages.Admin;

/// <summary>A code and a name: what a division and a category are made of.</summary>
public sealed class CodeNameInput
{
    [Required(ErrorMessage = "กรุณากรอกรหัส")]
    [StringLength(20, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "รหัส")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "กรุณากรอกชื่อ")]
    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "ชื่อ")]
    public string Name { get; set; } = "";
}
