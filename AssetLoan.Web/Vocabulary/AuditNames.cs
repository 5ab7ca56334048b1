using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;

namespace AssetLoan.Web.Vocabulary;

/// <summary>Thai names for the audit pages.</summary>
public static class AuditNames
{
    public static string Action(string action) => action switch
    {
        "Added" => "เพิ่ม",
        "Modified" => "แก้ไข",
        "Deleted" => "ลบ",
        AccountAudit.PasswordResetAction => "ตั้งรหัสผ่านใหม่",
        AccountAudit.RecoveryCodeUsedAction => "เข้าสู่ระบบด้วยรหัสกู้คืน",
        AccountAudit.RecoveryCodesRenewedAction => "สร้างรหัสกู้คืนชุดใหม่",
        _ => action,
    };

    public static string Entity(string type) => type switch
    {
        "Loan" => "รายการยืม",
        "LoanLine" => "รายการพัสดุในคำขอ",
        "LoanUnit" => "ครุภัณฑ์ในรายการยืม",
        "Demand" => "การทวงถาม",
        "CompensationCase" => "กรณีชดใช้",
        "ExtensionRequest" => "คำขอขยายเวลา",
        "Asset" => "ครุภัณฑ์",
        "CatalogueItem" => "รายการให้ยืม",
        "PoolLot" => "ล็อตของพัสดุแบบนับจำนวน",
        "Borrower" => "ผู้ยืม",
        "AppUser" => "บัญชีผู้ใช้",
        "IdentityUserRole`1" => "บทบาทผู้ใช้",
        "AppSetting" => "การตั้งค่า",
        "Division" => "หน่วยงาน",
        "Category" => "ประเภทครุภัณฑ์",
        "PublicHoliday" => "วันหยุดราชการ",
        _ => type,
    };

    /// <summary>A field's Thai name for the audit log (the stored property name is shown beside it for the record).</summary>
    public static string Field(string property) =>
        LoanFields.TryGetValue(property, out var thai) || RegistryFields.TryGetValue(property, out thai) ? thai : property;

    /// <summary>Whether the field has a Thai name; keys, tokens and Identity's bookkeeping have none and a timeline leaves them out.</summary>
    public static bool IsNamed(string property) => LoanFields.ContainsKey(property) || RegistryFields.ContainsKey(property);

    /// <summary>
    /// A stored value as a Thai reader knows it: loan and asset statuses, loan cases, borrower kinds, yes/no, and dates
    /// (stored ISO, shown in พ.ศ.); every other value is shown as recorded. Ids become names in <see cref="AuditNameBook"/>.
    /// </summary>
    public static string? Value(string entityType, string property, string? value) => (entityType, property, value) switch
    {
        (_, _, null) => null,
        (_, _, "true") => "ใช่",
        (_, _, "false") => "ไม่ใช่",
        ("Loan", "Status" or "FromStatus" or "ToStatus", _) when Enum.TryParse<LoanStatus>(value, out var loan) => LoanText.Status(loan),
        ("Asset", "Status", _) when Enum.TryParse<AssetStatus>(value, out var asset) => AssetText.Status(asset),
        (_, "LendingNature", _) when Enum.TryParse<LendingNature>(value, out var nature) => AssetText.Nature(nature),
        (_, "BudgetClass", _) when Enum.TryParse<BudgetClass>(value, out var budget) => AssetText.Budget(budget),
        (_, "TrackingMode", _) when Enum.TryParse<TrackingMode>(value, out var mode) => AssetText.Tracking(mode),
        (_, "Audience", _) when Enum.TryParse<BorrowerAudience>(value, out var audience) => string.Join(", ", AssetText.Audience(audience)),
        (_, "Price" or "SalvageValue" or "PoolUnitPrice", _) when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var money) => Display.Money(money),
        (_, "ChecklistText", _) => value.Replace('\n', ';').Replace(";", "; ", StringComparison.Ordinal),
        (_, "PhotoPath", _) => "มีรูปภาพ",
        (_, "Case", _) when Enum.TryParse<LoanCase>(value, out var loanCase) => LoanText.Case(loanCase),
        (_, "BorrowerKind" or "Kind", _) when Enum.TryParse<BorrowerKind>(value, out var kind) => LoanText.Kind(kind),
        _ when value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => Display.Date(day),
        _ when value.Length >= 19 && value[10] == 'T' && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) => Display.DateTime(at),
        _ => value,
    };

    private static readonly Dictionary<string, string> LoanFields = new(StringComparer.Ordinal)
    {
        ["Reference"] = "เลขที่คำขอ",
        ["Number"] = "เลขลำดับ",
        ["Year"] = "ปี ค.ศ. (ว่าง = ทุกปี)",
        ["Month"] = "เดือน",
        ["Day"] = "วันที่",
        ["FiscalYear"] = "ปีงบประมาณ",
        ["BorrowerId"] = "ผู้ยืม",
        ["BorrowerKind"] = "ประเภทผู้ยืม",
        ["BorrowerUserId"] = "บัญชีผู้ยืม",
        ["BorrowerDivisionId"] = "หน่วยงานผู้ยืม",
        ["RequestedByUserId"] = "ผู้ยื่นคำขอ",
        ["KeyedInByOfficer"] = "เจ้าหน้าที่บันทึกแทน",
        ["Purpose"] = "วัตถุประสงค์",
        ["Place"] = "สถานที่นำไปใช้",
        ["OffPremises"] = "นำไปใช้นอกสถานที่",
        ["StartOn"] = "วันที่เริ่มยืม",
        ["DueOn"] = "กำหนดส่งคืน",
        ["Case"] = "กรณีการยืม",
        ["UrgencyReason"] = "เหตุผลความจำเป็นเร่งด่วน",
        ["AgencyLetterNumber"] = "เลขที่หนังสือขอยืม",
        ["AgencyLetterOn"] = "ลงวันที่หนังสือ",
        ["TrackingToken"] = "ลิงก์ติดตาม",
        ["SubmittedAtUtc"] = "ยื่นคำขอเมื่อ",
        ["DecidedAtUtc"] = "วันที่พิจารณา",
        ["ApprovedByName"] = "ผู้อนุมัติ",
        ["ApprovedByUserId"] = "บัญชีผู้อนุมัติ",
        ["ApprovedRole"] = "อนุมัติในฐานะ",
        ["PaperApprovalPath"] = "ไฟล์หนังสืออนุมัติ",
        ["DecisionReason"] = "เหตุผลการพิจารณา",
        ["HandedOverOn"] = "วันที่ส่งมอบ",
        ["HandedOverByName"] = "ผู้ส่งมอบ",
        ["ReceiverName"] = "ผู้รับพัสดุ",
        ["ReceiverSignaturePath"] = "ลายมือชื่อผู้รับ",
        ["ReturnedOn"] = "วันที่คืน",
        ["ReceivedBackByName"] = "ผู้รับคืน",
        ["ClosedAtUtc"] = "ปิดรายการเมื่อ",
        ["CancelledAtUtc"] = "ยกเลิกเมื่อ",
        ["ItemName"] = "รายการ",
        ["Quantity"] = "จำนวน",
        ["IsPooled"] = "นับเป็นจำนวนรวม",
        ["IssuedQuantity"] = "จำนวนที่ส่งมอบ",
        ["ReturnedGood"] = "คืนสภาพดี",
        ["ReturnedDamaged"] = "คืนชำรุด",
        ["ReturnedLost"] = "สูญหาย",
        ["HandoverNote"] = "บันทึกตอนส่งมอบ",
        ["ReturnNote"] = "บันทึกตอนรับคืน",
        ["UnitValue"] = "มูลค่าต่อหน่วย ณ วันยืม",
        ["ValueAtBorrowing"] = "มูลค่า ณ วันยืม",
        ["AssetId"] = "ครุภัณฑ์",
        ["IssuedAtUtc"] = "ส่งมอบเมื่อ",
        ["ReturnedAtUtc"] = "รับคืนเมื่อ",
        ["ReturnCondition"] = "สภาพเมื่อคืน",
        ["Channel"] = "ช่องทาง",
        ["IssuedOn"] = "วันที่ทวงถาม",
        ["ByName"] = "ผู้ดำเนินการ",
        ["ByUserId"] = "บัญชีผู้ดำเนินการ",
        ["Note"] = "หมายเหตุ",
        ["Method"] = "วิธีชดใช้",
        ["ProposedAmount"] = "มูลค่าที่เสนอ (บาท)",
        ["FinalAmount"] = "จำนวนเงินที่กำหนด (บาท)",
        ["Basis"] = "หลักเกณฑ์การกำหนด",
        ["DecidedByName"] = "ผู้กำหนด",
        ["DecidedByUserId"] = "บัญชีผู้กำหนด",
        ["ConfirmedAtUtc"] = "ยืนยันเมื่อ",
        ["ConfirmedByName"] = "ผู้ยืนยัน",
        ["ConfirmedByUserId"] = "บัญชีผู้ยืนยัน",
        ["SettledOn"] = "วันที่ชดใช้",
        ["ReceiptNumber"] = "เลขที่ใบเสร็จ",
        ["SettlementNote"] = "หมายเหตุการชดใช้",
        ["RequestedDueOn"] = "ขอขยายถึงวันที่",
        ["PreviousDueOn"] = "กำหนดคืนเดิม",
        ["RequestedAtUtc"] = "ขอเมื่อ",
        ["RequestedByName"] = "ผู้ขอ",
        ["Reason"] = "เหตุผล",
        ["DecisionNote"] = "บันทึกการพิจารณา",
        ["Kind"] = "ประเภท",
        ["ContactPerson"] = "ผู้ติดต่อ",
        ["Phone"] = "โทรศัพท์",
        ["HouseNumber"] = "บ้านเลขที่",
        ["Moo"] = "หมู่ที่",
        ["Subdistrict"] = "ตำบล",
        ["District"] = "อำเภอ",
        ["Province"] = "จังหวัด",
        ["AnonymisedAtUtc"] = "ลบข้อมูลส่วนบุคคลเมื่อ",
        ["Key"] = "ค่าที่ตั้ง",
        ["Value"] = "ค่า",
        ["Code"] = "รหัส",
        ["UserId"] = "บัญชีผู้ใช้",
    };

    private static readonly Dictionary<string, string> RegistryFields = new(StringComparer.Ordinal)
    {
        ["AssetNumber"] = "หมายเลขครุภัณฑ์",
        ["Tag"] = "รหัสป้าย QR",
        ["CatalogueItemId"] = "รายการ",
        ["SerialNumber"] = "หมายเลขเครื่อง (Serial)",
        ["AcquiredOn"] = "วันที่ได้มา",
        ["Price"] = "ราคา (บาท)",
        ["DivisionId"] = "หน่วยงาน",
        ["Location"] = "สถานที่เก็บ",
        ["Condition"] = "สภาพ",
        ["Status"] = "สถานะ",
        ["Notes"] = "หมายเหตุ",
        ["RetiredAtUtc"] = "วันที่จำหน่าย",
        ["RetiredReason"] = "เหตุผลการจำหน่าย",
        ["Name"] = "ชื่อรายการ",
        ["CategoryId"] = "ประเภทครุภัณฑ์",
        ["UnitNoun"] = "หน่วยนับ",
        ["Description"] = "รายละเอียด",
        ["PhotoPath"] = "รูปภาพ",
        ["LendingNature"] = "ลักษณะการใช้",
        ["BudgetClass"] = "ประเภทงบประมาณ",
        ["TrackingMode"] = "วิธีควบคุม",
        ["Audience"] = "ผู้มีสิทธิ์ยืม",
        ["MaxLoanDays"] = "ยืมได้นานสุด (วัน)",
        ["UsefulLifeYears"] = "อายุการใช้งาน (ปี)",
        ["SalvageValue"] = "มูลค่าซาก (บาท)",
        ["PoolQuantity"] = "จำนวนที่มี",
        ["PoolUnderRepair"] = "ชำรุดรอซ่อม",
        ["PoolUnitPrice"] = "ราคาต่อหน่วย (บาท)",
        ["PoolAcquiredOn"] = "วันที่ได้มา",
        ["ChecklistText"] = "ชิ้นส่วนที่ต้องตรวจนับ",
        ["Retired"] = "เลิกให้ยืม",
        ["FullName"] = "ชื่อ–นามสกุล",
        ["Position"] = "ตำแหน่ง",
        ["DelegationOrder"] = "คำสั่งมอบอำนาจ",
        ["Disabled"] = "ระงับการใช้งาน",
        ["TwoFactorEnabled"] = "การยืนยันตัวตนสองขั้น",
        ["Email"] = "อีเมล",
        ["PhoneNumber"] = "โทรศัพท์",
        ["RoleId"] = "บทบาท",
    };

    /// <summary>The actor's roles, in the reader's language.</summary>
    public static string Roles(string? roles, Microsoft.Extensions.Localization.IStringLocalizer s) =>
        string.IsNullOrEmpty(roles) ? "" : string.Join(", ", roles.Split(',').Select(AssetLoan.Web.Identity.Roles.Thai).Select(t => t.Length == 0 ? t : s[t].Value));
}
