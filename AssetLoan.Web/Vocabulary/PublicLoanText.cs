using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Web.Vocabulary;

/// <summary>
/// The words the public pages (application, tracking, transparency) use for the applicant's progress. They differ from
/// the staff's <see cref="LoanText"/> on purpose: they speak to the applicant ("รับพัสดุแล้ว" where the office says
/// "ส่งมอบแล้ว"; "ยื่นคำขอแล้ว รอตรวจสอบ" says what comes next; "เสร็จสิ้น" instead of the register's "ปิดรายการ") and
/// leave out the office's internal steps. Everything else (borrower kinds, cases) is the staff's word, from LoanText.
/// They return the Thai text, which is also the key of the English in the shared resource.
/// </summary>
public static class PublicLoanText
{
    /// <summary>The kinds an outside applicant chooses from, in the order of the form.</summary>
    public static readonly IReadOnlyList<BorrowerKind> OutsideKinds =
        [BorrowerKind.Person, BorrowerKind.CommunityGroup, BorrowerKind.Temple, BorrowerKind.School, BorrowerKind.Agency];

    /// <summary>ยื่นคำขอ → ตรวจสอบ → อนุมัติ → รับพัสดุ → คืนพัสดุ.</summary>
    public static readonly IReadOnlyList<string> Steps = ["ยื่นคำขอ", "ตรวจสอบ", "อนุมัติ", "รับพัสดุ", "คืนพัสดุ"];

    /// <summary>The status as the applicant reads it (staff pages use <see cref="LoanText.Status"/>).</summary>
    public static string StatusName(LoanStatus status) => status switch
    {
        LoanStatus.Submitted => "ยื่นคำขอแล้ว รอตรวจสอบ",
        LoanStatus.Endorsed => "หัวหน้าหน่วยงานเห็นชอบแล้ว รอตรวจสอบ",
        LoanStatus.SentBack => "ส่งกลับให้แก้ไข",
        LoanStatus.Checked => "ตรวจสอบแล้ว รออนุมัติ",
        LoanStatus.PaperApproved => "อนุมัติตามเอกสารแล้ว รอยืนยันในระบบ",
        LoanStatus.Approved => "อนุมัติแล้ว",
        LoanStatus.Rejected => "ไม่อนุมัติ",
        LoanStatus.HandedOver => "รับพัสดุแล้ว (ระหว่างยืม)",
        LoanStatus.PartlyReturned => "คืนพัสดุแล้วบางส่วน",
        LoanStatus.Returned => "คืนพัสดุครบแล้ว",
        LoanStatus.Closed => "เสร็จสิ้น",
        LoanStatus.Cancelled => "ยกเลิกแล้ว",
        _ => "หมดอายุ (ไม่มารับพัสดุตามกำหนด)",
    };

    /// <summary>How many of <see cref="Steps"/> are done; the next one is in progress unless the loan <see cref="Stopped"/>.</summary>
    public static int StepsDone(LoanStatus status) => status switch
    {
        LoanStatus.Submitted or LoanStatus.Endorsed or LoanStatus.SentBack => 1,
        LoanStatus.Checked or LoanStatus.PaperApproved or LoanStatus.Rejected => 2,
        LoanStatus.Approved or LoanStatus.Expired => 3,
        LoanStatus.HandedOver or LoanStatus.PartlyReturned => 4,
        LoanStatus.Returned or LoanStatus.Closed => 5,
        _ => 1,
    };

    /// <summary>The application ended without the items coming back through the steps.</summary>
    public static bool Stopped(LoanStatus status) => status is LoanStatus.Rejected or LoanStatus.Cancelled or LoanStatus.Expired;

    /// <summary>A history step as the applicant reads it (keys are <see cref="LoanHistoryEntry.Summary"/>); staff pages use
    /// <see cref="LoanText.Step"/>, which names the office's own steps.</summary>
    public static string HistoryName(string summary) => summary switch
    {
        "Submitted" => "ยื่นคำขอ",
        "KeyedIn" => "เจ้าหน้าที่บันทึกคำขอ",
        "Endorse" => "หัวหน้าหน่วยงานเห็นชอบ",
        "SendBack" => "ส่งกลับให้แก้ไข",
        "Resubmit" => "ยื่นคำขออีกครั้ง",
        "Check" => "เจ้าหน้าที่พัสดุตรวจสอบและจองพัสดุแล้ว",
        "Approve" or Loan.ApprovalConfirmedSummary => "อนุมัติ",
        Loan.PaperApprovedSummary => "ผู้มีอำนาจลงนามอนุมัติในเอกสาร รอยืนยันในระบบ",
        "Reject" => "ไม่อนุมัติ",
        "Cancel" => "ยกเลิกคำขอ",
        "Reduce" => "ลดจำนวนพัสดุตามที่ท่านยินยอม",
        "Expire" => "หมดอายุ (ไม่มารับพัสดุตามกำหนด)",
        Loan.ExpiredUndecidedSummary => "หมดอายุ (พ้นวันเริ่มยืมก่อนได้รับอนุมัติ)",
        "HandOver" => "รับพัสดุแล้ว",
        "Return" => "คืนพัสดุ",
        "Closed" => "ปิดรายการ",
        "Demand" => "เจ้าหน้าที่ทวงถามการส่งคืน",
        "ExtensionRequested" => "ขอขยายเวลายืม",
        "ExtensionApproved" => "อนุมัติขยายเวลายืม",
        "ExtensionRejected" => "ไม่อนุมัติขยายเวลายืม",
        _ when summary.StartsWith("Compensation", StringComparison.Ordinal) => "บันทึกการชดใช้ค่าเสียหาย",
        _ => "ปรับปรุงรายการ",
    };
}
