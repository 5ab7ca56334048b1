using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Pages.Assets;

namespace AssetLoan.Web.Pages.Catalogue;

/// <summary>The fields of a catalogue item, shared by create and edit (partial _CatalogueFields).</summary>
public sealed class CatalogueInput
{
    [Required(ErrorMessage = "กรุณากรอกชื่อรายการ")]
    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "ชื่อรายการ")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "กรุณาเลือกประเภทครุภัณฑ์")]
    [Display(Name = "ประเภทครุภัณฑ์")]
    public int? CategoryId { get; set; }

    [Required(ErrorMessage = "กรุณากรอกหน่วยนับ")]
    [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "หน่วยนับ")]
    public string UnitNoun { get; set; } = "";

    [StringLength(2000, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "รายละเอียด")]
    public string? Description { get; set; }

    [Display(Name = "ลักษณะการใช้")]
    public LendingNature LendingNature { get; set; } = LendingNature.Durable;

    [Display(Name = "ประเภทงบประมาณ")]
    public BudgetClass BudgetClass { get; set; } = BudgetClass.Equipment;

    [Display(Name = "บุคลากรภายใน")]
    public bool ForStaff { get; set; } = true;

    [Display(Name = "ประชาชน/บุคคลภายนอก")]
    public bool ForPublic { get; set; }

    [Display(Name = "หน่วยงานของรัฐ")]
    public bool ForAgencies { get; set; }

    [Required(ErrorMessage = "กรุณากรอกจำนวนวันที่ยืมได้นานที่สุด")]
    [Range(1, 365, ErrorMessage = "จำนวนวันยืมสูงสุดต้องอยู่ระหว่าง 1–365 วัน")]
    [Display(Name = "ยืมได้นานสุด (วัน)")]
    public int? MaxLoanDays { get; set; }

    [Required(ErrorMessage = "กรุณากรอกอายุการใช้งาน")]
    [Range(0, 100, ErrorMessage = "อายุการใช้งานต้องอยู่ระหว่าง 0–100 ปี")]
    [Display(Name = "อายุการใช้งาน (ปี)")]
    public int? UsefulLifeYears { get; set; } = 5;

    [Required(ErrorMessage = "กรุณากรอกมูลค่าซาก")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "มูลค่าซากต้องไม่ติดลบ")]
    [Display(Name = "มูลค่าซาก (บาท)")]
    public decimal? SalvageValue { get; set; } = 1m;

    [StringLength(2000, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "ชิ้นส่วนที่ต้องตรวจนับเมื่อส่งมอบและรับคืน")]
    public string? Checklist { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "จำนวนที่มีต้องอยู่ระหว่าง 0–1,000,000")]
    [Display(Name = "จำนวนที่มี")]
    public int? PoolQuantity { get; set; }

    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "ราคาต่อหน่วยต้องไม่ติดลบ")]
    [Display(Name = "ราคาต่อหน่วย (บาท)")]
    public decimal? PoolUnitPrice { get; set; }

    [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "วันที่ได้มา")]
    public string? PoolAcquiredOn { get; set; }

    public BorrowerAudience Audience =>
        (ForStaff ? BorrowerAudience.Staff : BorrowerAudience.None)
        | (ForPublic ? BorrowerAudience.Public : BorrowerAudience.None)
        | (ForAgencies ? BorrowerAudience.Agencies : BorrowerAudience.None);

    public static CatalogueInput From(CatalogueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new CatalogueInput
        {
            Name = item.Name,
            CategoryId = item.CategoryId,
            UnitNoun = item.UnitNoun,
            Description = item.Description,
            LendingNature = item.LendingNature,
            BudgetClass = item.BudgetClass,
            ForStaff = item.Audience.HasFlag(BorrowerAudience.Staff),
            ForPublic = item.Audience.HasFlag(BorrowerAudience.Public),
            ForAgencies = item.Audience.HasFlag(BorrowerAudience.Agencies),
            MaxLoanDays = item.MaxLoanDays,
            UsefulLifeYears = item.UsefulLifeYears,
            SalvageValue = item.SalvageValue,
            Checklist = item.ChecklistText,
            PoolQuantity = item.IsPooled ? item.PoolQuantity : null,
            PoolUnitPrice = item.IsPooled ? item.PoolUnitPrice : null,
            PoolAcquiredOn = RegistryFormat.InputDate(item.PoolAcquiredOn),
        };
    }

    public CatalogueItemDetails ToDetails() => new(
        Name,
        CategoryId ?? 0,
        UnitNoun,
        Description,
        LendingNature,
        BudgetClass,
        Audience,
        MaxLoanDays ?? 0,
        UsefulLifeYears ?? 0,
        SalvageValue ?? 0m,
        (Checklist ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Which form field a domain rule code belongs beside.</summary>
    public static string FieldOf(string code) => code switch
    {
        "Catalogue.NameRequired" => "Input.Name",
        "Catalogue.UnitRequired" => "Input.UnitNoun",
        "Catalogue.MaxLoanDaysRange" => "Input.MaxLoanDays",
        "Catalogue.UsefulLifeRange" => "Input.UsefulLifeYears",
        "Catalogue.SalvageNegative" => "Input.SalvageValue",
        "Catalogue.AudienceRequired" => "Input.ForStaff",
        "Catalogue.PoolNegative" or "Catalogue.PoolBelowUnderRepair" or "Catalogue.PoolBelowLots" => "Input.PoolQuantity",
        "Catalogue.PriceNegative" => "Input.PoolUnitPrice",
        _ => "",
    };
}

public sealed record CategoryOption(int Id, string Code, string Name);
