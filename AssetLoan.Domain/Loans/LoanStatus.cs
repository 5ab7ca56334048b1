namespace AssetLoan.Domain.Loans;

public enum LoanStatus
{
    /// <summary>ยื่นคำขอแล้ว.</summary>
    Submitted,

    /// <summary>หัวหน้าหน่วยงานเห็นชอบแล้ว (staff only).</summary>
    Endorsed,

    /// <summary>ส่งกลับให้แก้ไข.</summary>
    SentBack,

    /// <summary>เจ้าหน้าที่พัสดุตรวจสอบและจองแล้ว.</summary>
    Checked,

    /// <summary>
    /// อนุมัติในเอกสารแล้ว รอยืนยันในระบบ: an officer recorded an approval signed on paper; the approver named on it, or a
    /// second officer, confirms it before anything is handed over (issue 14 §9).
    /// </summary>
    PaperApproved,

    /// <summary>อนุมัติแล้ว.</summary>
    Approved,

    /// <summary>ไม่อนุมัติ.</summary>
    Rejected,

    /// <summary>ส่งมอบแล้ว (ระหว่างยืม).</summary>
    HandedOver,

    /// <summary>คืนบางส่วน.</summary>
    PartlyReturned,

    /// <summary>คืนครบ รอยุติกรณีเสียหาย/สูญหาย.</summary>
    Returned,

    /// <summary>ปิดรายการ.</summary>
    Closed,

    /// <summary>ยกเลิก.</summary>
    Cancelled,

    /// <summary>หมดอายุ (ไม่มารับภายในกำหนด).</summary>
    Expired,
}

public enum LoanAction
{
    Endorse,
    SendBack,
    Resubmit,
    Check,
    Approve,
    Reject,

    /// <summary>A paper approval confirmed in the system by someone other than the officer who recorded it.</summary>
    ConfirmApproval,
    Cancel,
    Expire,
    HandOver,
    Return,
    RequestExtension,
    DecideExtension,
    RecordDemand,
    DecideCompensation,
    ConfirmCompensation,
    SettleCompensation,

    /// <summary>Before the handover, fewer items with the borrower's agreement (a shortage on the shelf).</summary>
    Reduce,

    /// <summary>
    /// An officer records an approval signed on paper (the loan waits for <see cref="ConfirmApproval"/>). Its history
    /// entry is an <see cref="Approve"/> on the signer's authority; this action names the officer's step for the guards and pages.
    /// </summary>
    RecordPaperApproval,
}

/// <summary>ข้อ ๒๐๘ / ๒๑๐: the case decides who approves.</summary>
public enum LoanCase
{
    /// <summary>ยืมใช้ภายในสถานที่.</summary>
    OnPremises,

    /// <summary>ยืมไปใช้นอกสถานที่.</summary>
    OffPremises,

    /// <summary>ระหว่างหน่วยงานของรัฐ.</summary>
    InterAgency,

    /// <summary>ใช้สิ้นเปลือง ระหว่างหน่วยงานของรัฐ: urgency reason, returned in kind.</summary>
    ConsumableInterAgency,
}
