using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Identity;

namespace AssetLoan.Web.Vocabulary;

/// <summary>
/// The one staff vocabulary of the loan: the Thai words a government office uses for its statuses, cases, borrower
/// kinds, history steps, follow-ups, returns and compensation. Pages, printed documents, the outbox and the exports all
/// use these; the applicant's own pages use <see cref="PublicLoanText"/> only where the wording is meant to differ.
/// Views pass them through the shared localizer (<c>@S[LoanText.Status(s)]</c>); the English is in
/// SharedResource.en.resx (VocabularyTests checks that every word has it).
/// </summary>
public static class LoanText
{
    /// <summary>The status as the municipality's staff name it (the applicant reads <see cref="PublicLoanText.StatusName"/>).</summary>
    public static string Status(LoanStatus status) => status switch
    {
        LoanStatus.Submitted => "ยื่นคำขอแล้ว",
        LoanStatus.Endorsed => "หัวหน้าหน่วยงานเห็นชอบแล้ว",
        LoanStatus.SentBack => "ส่งกลับให้แก้ไข",
        LoanStatus.Checked => "ตรวจสอบแล้ว รออนุมัติ",
        LoanStatus.PaperApproved => "อนุมัติตามเอกสารแล้ว รอยืนยันในระบบ",
        LoanStatus.Approved => "อนุมัติแล้ว",
        LoanStatus.Rejected => "ไม่อนุมัติ",
        LoanStatus.HandedOver => "ส่งมอบแล้ว (ระหว่างยืม)",
        LoanStatus.PartlyReturned => "คืนบางส่วน",
        LoanStatus.Returned => "คืนครบ รอยุติกรณีเสียหาย",
        LoanStatus.Closed => "ปิดรายการ",
        LoanStatus.Cancelled => "ยกเลิก",
        LoanStatus.Expired => "หมดอายุ (ไม่มารับพัสดุ)",
        _ => status.ToString(),
    };

    public static string BadgeClass(LoanStatus status) => status switch
    {
        LoanStatus.Submitted or LoanStatus.Endorsed => "text-bg-info",
        LoanStatus.SentBack or LoanStatus.PartlyReturned => "text-bg-warning",
        LoanStatus.Checked or LoanStatus.PaperApproved => "text-bg-primary",
        LoanStatus.Approved => "text-bg-success",
        LoanStatus.Rejected => "text-bg-danger",
        LoanStatus.HandedOver => "text-bg-dark",
        _ => "text-bg-secondary",
    };

    public static string Case(LoanCase loanCase) => loanCase switch
    {
        LoanCase.OnPremises => "ยืมใช้ภายในสถานที่",
        LoanCase.OffPremises => "ยืมไปใช้นอกสถานที่",
        LoanCase.InterAgency => "ยืมระหว่างหน่วยงานของรัฐ",
        LoanCase.ConsumableInterAgency => "ยืมพัสดุใช้สิ้นเปลืองระหว่างหน่วยงานของรัฐ",
        _ => loanCase.ToString(),
    };

    /// <summary>The borrower's kind, in the same words on the staff and the public pages.</summary>
    public static string Kind(BorrowerKind kind) => kind switch
    {
        BorrowerKind.Staff => "บุคลากรภายใน",
        BorrowerKind.Person => "บุคคลทั่วไป",
        BorrowerKind.CommunityGroup => "กลุ่ม/ชุมชน",
        BorrowerKind.Temple => "วัด/ศาสนสถาน",
        BorrowerKind.School => "โรงเรียน/สถานศึกษา",
        BorrowerKind.Agency => "หน่วยงานของรัฐ",
        _ => kind.ToString(),
    };

    /// <summary>The step named by a history entry's machine key ("Submitted", "Approved.Paper").</summary>
    public static string Step(string summary) => summary switch
    {
        "Submitted" => "ยื่นคำขอยืม",
        "KeyedIn" => "เจ้าหน้าที่บันทึกคำขอแทนผู้ยืม",
        Loan.KeyedInFromPaperSummary => "บันทึกการยืมจากทะเบียนกระดาษ",
        nameof(LoanAction.Endorse) => "หัวหน้าหน่วยงานเห็นชอบ",
        nameof(LoanAction.SendBack) => "ส่งกลับให้แก้ไข",
        nameof(LoanAction.Resubmit) => "แก้ไขและยื่นคำขออีกครั้ง",
        nameof(LoanAction.Check) => "ตรวจสอบพัสดุและจองไว้",
        nameof(LoanAction.Approve) => "อนุมัติ",
        Loan.PaperApprovedSummary => "บันทึกการอนุมัติตามเอกสารที่ลงนามแล้ว",
        Loan.ApprovalConfirmedSummary => "ยืนยันการอนุมัติตามเอกสารในระบบ",
        nameof(LoanAction.Reject) => "ไม่อนุมัติ",
        nameof(LoanAction.Cancel) => "ยกเลิกคำขอ",
        nameof(LoanAction.Reduce) => "ลดจำนวนตามที่ผู้ยืมยินยอม",
        nameof(LoanAction.Expire) => "หมดอายุเนื่องจากไม่มารับพัสดุ",
        Loan.ExpiredUndecidedSummary => "หมดอายุเนื่องจากพ้นวันเริ่มยืมก่อนได้รับอนุมัติ",
        Loan.UnitSubstitutedSummary => "ส่งมอบครุภัณฑ์อื่นแทนครุภัณฑ์ที่จองไว้",
        Loan.OverdueBeforeExtensionSummary => "เกินกำหนดส่งคืนก่อนได้รับอนุมัติให้ขยายเวลา",
        nameof(LoanAction.HandOver) => "ส่งมอบพัสดุ",
        nameof(LoanAction.Return) => "รับคืนพัสดุ",
        "Demand" => "ทวงถาม",
        "ExtensionRequested" => "ขอขยายเวลายืม",
        "ExtensionApproved" => "อนุมัติให้ขยายเวลา",
        "ExtensionRejected" => "ไม่อนุมัติให้ขยายเวลา",
        "CompensationDecided" => "เสนอวิธีชดใช้ความเสียหาย",
        "CompensationConfirmed" => "ยืนยันการชดใช้ความเสียหาย",
        "CompensationSettled" => "บันทึกการชดใช้ความเสียหาย",
        "Closed" => "ปิดรายการ",
        _ => summary,
    };

    public static string Role(string? role) => role is null ? "" : Roles.Thai(role);

    public static string Extension(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Pending => "รอพิจารณา",
        ExtensionStatus.Approved => "อนุมัติ",
        _ => "ไม่อนุมัติ",
    };

    public static string Channel(DemandChannel channel) => channel switch
    {
        DemandChannel.Letter => "หนังสือ",
        DemandChannel.Phone => "โทรศัพท์",
        DemandChannel.Email => "อีเมล",
        DemandChannel.Line => "LINE",
        _ => "แจ้งด้วยตนเอง",
    };

    public static string Condition(ReturnCondition condition) => condition switch
    {
        ReturnCondition.Good => "สภาพดี",
        ReturnCondition.Damaged => "ชำรุด",
        _ => "สูญหาย",
    };

    /// <summary>What happened to the item that is to be compensated.</summary>
    public static string Kind(CompensationKind kind) => kind switch
    {
        CompensationKind.Damaged => "ชำรุดเสียหาย",
        CompensationKind.Lost => "สูญหาย",
        _ => "ชิ้นส่วนไม่ครบ",
    };

    public static string Method(CompensationMethod method) => method switch
    {
        CompensationMethod.Repair => "ซ่อมแซมให้คงสภาพเดิม",
        CompensationMethod.Replace => "ชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน",
        _ => "ชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม",
    };

    public static string Status(CompensationStatus status) => status switch
    {
        CompensationStatus.Open => "รอเจ้าหน้าที่พัสดุพิจารณา",
        CompensationStatus.Decided => "รอผู้อำนวยการกองคลังยืนยัน",
        CompensationStatus.Confirmed => "ยืนยันแล้ว รอชดใช้",
        _ => "ชดใช้แล้ว",
    };

    /// <summary>"เครื่องฉายภาพ × 2 เครื่อง, เก้าอี้พลาสติก × 50 ตัว".</summary>
    public static string Items(IEnumerable<(string Name, int Quantity, string Unit)> lines) =>
        string.Join(", ", lines.Select(l => $"{l.Name} × {l.Quantity} {l.Unit}"));
}
