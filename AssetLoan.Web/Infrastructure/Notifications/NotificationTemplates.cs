using System.Globalization;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Web.Infrastructure.Notifications;

/// <summary>What a message about one loan can say.</summary>
public sealed record LoanFacts(
    int LoanId,
    string Reference,
    string BorrowerName,
    string Items,
    DateOnly StartOn,
    DateOnly DueOn,
    DateOnly Today,
    string Municipality,
    int ExpireAfterDays,
    string? Note,
    string? TrackingUrl,
    string? Compensation,
    WorkingCalendar? Calendar = null)
{
    /// <summary>The municipality's calendar (weekends only when none was loaded).</summary>
    public WorkingCalendar WorkingDays => Calendar ?? WorkingCalendar.WeekendsOnly;

    /// <summary>The days to come for the items: from the calendar's pickup day to the day the approval expires.</summary>
    public HandoverWindow Pickup => new(WorkingDays.PickupFrom(StartOn), Loan.PickupDeadline(StartOn, DueOn, ExpireAfterDays));
}

/// <summary>
/// Thai messages keyed by the loan history entry that caused them (<see cref="LoanHistoryEntry.Summary"/>, refined by
/// the target status), plus the daily job's reminders. Keys starting with "Act." go in-app to the people who must act next.
/// </summary>
public static class NotificationTemplates
{
    public const string DueTomorrow = "DueTomorrow";
    public const string Overdue = "Overdue";

    /// <summary>An approved loan whose items may not be on the shelf at pickup (an earlier loan overdue, stock shrank).</summary>
    public const string ShortBeforePickup = "ShortBeforePickup";
    public const string ActShortBeforePickup = "Act.ShortBeforePickup";
    public const string ActEndorse = "Act.Endorse";
    public const string ActCheck = "Act.Check";
    public const string ActApprove = "Act.Approve";
    public const string ActConfirmCompensation = "Act.ConfirmCompensation";

    /// <summary>The borrower's template for a history entry, or null when the step needs no message.</summary>
    public static string? KeyFor(string summary, LoanStatus? toStatus) => summary switch
    {
        "Submitted" or "KeyedIn" => "Submitted",
        "Endorse" => "Endorsed",
        "SendBack" => "SentBack",
        // A paper approval tells the borrower to come only once it is confirmed in the system (issue 14 §9).
        "Approve" or Loan.ApprovalConfirmedSummary => "Approved",
        "Reject" => "Rejected",
        "Cancel" => "Cancelled",
        "Reduce" => "Reduced",
        "Expire" => "Expired",
        Loan.ExpiredUndecidedSummary => "ExpiredUndecided",
        "HandOver" => "HandedOver",
        "Return" => toStatus == LoanStatus.PartlyReturned ? "PartlyReturned" : "Returned",
        "Demand" => "Demand",
        "CompensationDecided" => "CompensationDecided",
        "ExtensionApproved" => "ExtensionApproved",
        "ExtensionRejected" => "ExtensionRejected",
        _ => null,
    };

    public static (string Subject, string Body) Render(string key, LoanFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var r = f.Reference;
        var period = $"ระหว่างวันที่ {Date(f.StartOn)} ถึงวันที่ {Date(f.DueOn)}";
        var reason = string.IsNullOrWhiteSpace(f.Note) ? "" : $"\nเหตุผล: {f.Note}";
        var (subject, text) = key switch
        {
            "Submitted" => ($"ได้รับคำขอยืมพัสดุเลขที่ {r} แล้ว",
                $"{f.Municipality}ได้รับคำขอยืมพัสดุเลขที่ {r} ({f.Items}) {period} แล้ว เจ้าหน้าที่จะแจ้งผลการพิจารณาให้ทราบ"),
            "Endorsed" => ($"คำขอยืมพัสดุเลขที่ {r} หัวหน้าหน่วยงานเห็นชอบแล้ว",
                $"คำขอยืมพัสดุเลขที่ {r} ได้รับความเห็นชอบจากหัวหน้าหน่วยงานแล้ว และส่งให้งานพัสดุ กองคลัง ตรวจสอบต่อไป"),
            "SentBack" => ($"คำขอยืมพัสดุเลขที่ {r} ถูกส่งกลับให้แก้ไข",
                $"คำขอยืมพัสดุเลขที่ {r} ถูกส่งกลับให้แก้ไข กรุณาแก้ไขแล้วยื่นใหม่{reason}"),
            "Approved" => ($"คำขอยืมพัสดุเลขที่ {r} ได้รับอนุมัติแล้ว มารับพัสดุได้",
                $"คำขอยืมพัสดุเลขที่ {r} ({f.Items}) ได้รับอนุมัติแล้ว กรุณามารับพัสดุที่งานพัสดุ กองคลัง ในเวลาราชการ {PickupDays.When(f.Pickup, f.WorkingDays)} " +
                $"หากไม่มารับภายใน {f.ExpireAfterDays} วันนับแต่วันเริ่มยืม คำขอจะหมดอายุ"),
            "Rejected" => ($"คำขอยืมพัสดุเลขที่ {r} ไม่ได้รับอนุมัติ", $"คำขอยืมพัสดุเลขที่ {r} ไม่ได้รับอนุมัติ{reason}"),
            "Cancelled" => ($"คำขอยืมพัสดุเลขที่ {r} ถูกยกเลิก", $"คำขอยืมพัสดุเลขที่ {r} ถูกยกเลิกแล้ว{reason}"),
            "Reduced" => ($"คำขอยืมพัสดุเลขที่ {r} ปรับลดจำนวนตามที่ท่านยินยอม",
                $"งานพัสดุได้ปรับลดจำนวนพัสดุตามคำขอเลขที่ {r} ตามที่ท่านยินยอมแล้ว: {f.Note}\nพัสดุที่จะส่งมอบ: {f.Items} {period} เลขที่คำขอและการอนุมัติคงเดิม"),
            "Expired" => ($"คำขอยืมพัสดุเลขที่ {r} หมดอายุ",
                $"คำขอยืมพัสดุเลขที่ {r} หมดอายุ เนื่องจากไม่ได้มารับพัสดุภายในกำหนด หากยังต้องการยืม กรุณายื่นคำขอใหม่"),
            "ExpiredUndecided" => ($"คำขอยืมพัสดุเลขที่ {r} หมดอายุ",
                $"คำขอยืมพัสดุเลขที่ {r} หมดอายุ เนื่องจากพ้นวันเริ่มยืมแล้วแต่ยังไม่ได้รับอนุมัติ พัสดุที่จองไว้ได้คืนสู่คลังแล้ว หากยังต้องการยืม กรุณายื่นคำขอใหม่"),
            "HandedOver" => ($"ส่งมอบพัสดุตามคำขอเลขที่ {r} แล้ว กำหนดส่งคืน {Date(f.DueOn)}",
                $"งานพัสดุได้ส่งมอบพัสดุตามคำขอเลขที่ {r} ({f.Items}) แล้ว กรุณาส่งคืนในสภาพที่ใช้การได้เรียบร้อยภายในวันที่ {Date(f.DueOn)}{PickupDays.ReturnNote(f.DueOn, f.WorkingDays)}"),
            "PartlyReturned" => ($"รับคืนพัสดุบางส่วนตามคำขอเลขที่ {r} แล้ว",
                $"งานพัสดุได้รับคืนพัสดุบางส่วนตามคำขอเลขที่ {r} แล้ว ยังมีพัสดุค้างส่งคืน กรุณาส่งคืนภายในวันที่ {Date(f.DueOn)}"),
            "Returned" => ($"รับคืนพัสดุตามคำขอเลขที่ {r} ครบแล้ว", $"งานพัสดุได้รับคืนพัสดุตามคำขอเลขที่ {r} ครบถ้วนแล้ว ขอขอบคุณที่ส่งคืนพัสดุ"),
            "Demand" => ($"ทวงถามให้ส่งคืนพัสดุที่ยืม คำขอเลขที่ {r}",
                $"ตามที่ท่านได้ยืมพัสดุ ({f.Items}) ตามคำขอเลขที่ {r} ซึ่งครบกำหนดส่งคืนวันที่ {Date(f.DueOn)} บัดนี้เกินกำหนดแล้ว " +
                $"จึงขอให้ส่งคืนพัสดุดังกล่าวโดยเร็ว ตามระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ ข้อ ๒๑๑"),
            "CompensationDecided" => ($"แจ้งผลการพิจารณาการชดใช้พัสดุ คำขอเลขที่ {r}",
                $"เจ้าหน้าที่พัสดุได้พิจารณาการชดใช้พัสดุที่ชำรุดเสียหายหรือสูญหายตามคำขอเลขที่ {r} แล้ว: {f.Compensation} " +
                "(ข้อ ๒๐๙) ทั้งนี้ รอผู้อำนวยการกองคลังยืนยัน"),
            "ExtensionApproved" => ($"อนุมัติขยายเวลายืมพัสดุ คำขอเลขที่ {r}", $"คำขอขยายเวลายืมพัสดุเลขที่ {r} ได้รับอนุมัติ กำหนดส่งคืนใหม่วันที่ {Date(f.DueOn)}"),
            "ExtensionRejected" => ($"ไม่อนุมัติขยายเวลายืมพัสดุ คำขอเลขที่ {r}", $"คำขอขยายเวลายืมพัสดุเลขที่ {r} ไม่ได้รับอนุมัติ กำหนดส่งคืนยังคงเป็นวันที่ {Date(f.DueOn)}{reason}"),
            DueTomorrow => ($"แจ้งเตือน: ครบกำหนดส่งคืนพัสดุพรุ่งนี้ ({Date(f.DueOn)})",
                $"พัสดุที่ยืมตามคำขอเลขที่ {r} ({f.Items}) ครบกำหนดส่งคืนพรุ่งนี้ วันที่ {Date(f.DueOn)}{PickupDays.ReturnNote(f.DueOn, f.WorkingDays)} กรุณาส่งคืนที่งานพัสดุ กองคลัง"),
            Overdue => ($"แจ้งเตือน: เกินกำหนดส่งคืนพัสดุ คำขอเลขที่ {r}",
                $"พัสดุที่ยืมตามคำขอเลขที่ {r} ({f.Items}) ครบกำหนดส่งคืนวันที่ {Date(f.DueOn)} บัดนี้เกินกำหนดแล้ว " +
                $"{FollowUp.DaysOverdue(f.DueOn, f.Today, f.WorkingDays).ToString(CultureInfo.InvariantCulture)} วัน กรุณาส่งคืนโดยเร็ว"),
            ShortBeforePickup => ($"พัสดุตามคำขอเลขที่ {r} อาจไม่พร้อมส่งมอบครบในวันรับพัสดุ",
                $"พัสดุที่ท่านได้รับอนุมัติให้ยืม ({f.Items}) {period} บางรายการอาจไม่พร้อมส่งมอบในวันรับพัสดุ เนื่องจากผู้ยืมรายก่อนยังไม่ส่งคืนหรือพัสดุชำรุด " +
                "เจ้าหน้าที่พัสดุกำลังจัดหาพัสดุทดแทน และจะติดต่อท่านก่อนวันรับพัสดุ หากมีข้อสงสัยกรุณาติดต่องานพัสดุ กองคลัง"),
            ActShortBeforePickup => ($"คำขอยืมเลขที่ {r} พัสดุอาจไม่ครบในวันรับ",
                $"{f.BorrowerName} ได้รับอนุมัติให้ยืม {f.Items} {period} แต่พัสดุบนชั้นอาจไม่พอ (ผู้ยืมรายก่อนยังไม่คืนหรือพัสดุชำรุด) " +
                "กรุณาตรวจสอบที่โต๊ะงานพัสดุ: สับเปลี่ยนหน่วย ลดจำนวนโดยผู้ยืมยินยอม หรือยกเลิกพร้อมเหตุผล"),
            ActEndorse => ($"คำขอยืมเลขที่ {r} รอท่านให้ความเห็นชอบ", $"{f.BorrowerName} ขอยืม {f.Items} {period} กรุณาพิจารณาให้ความเห็นชอบ"),
            ActCheck => ($"คำขอยืมเลขที่ {r} รอตรวจสอบ", $"{f.BorrowerName} ขอยืม {f.Items} {period} รอเจ้าหน้าที่พัสดุตรวจสอบและจองพัสดุ"),
            ActApprove => ($"คำขอยืมเลขที่ {r} รอท่านอนุมัติ", $"{f.BorrowerName} ขอยืม {f.Items} {period} เจ้าหน้าที่พัสดุตรวจสอบแล้ว รอการอนุมัติ"),
            ActConfirmCompensation => ($"การชดใช้พัสดุ คำขอเลขที่ {r} รอท่านยืนยัน",
                $"เจ้าหน้าที่พัสดุเสนอการชดใช้พัสดุของ {f.BorrowerName}: {f.Compensation} กรุณาพิจารณายืนยัน (ข้อ ๒๐๙)"),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No such notification template."),
        };

        if (key.StartsWith("Act.", StringComparison.Ordinal))
        {
            return (subject, text);
        }

        var track = f.TrackingUrl is null ? "" : $"\n\nติดตามคำขอได้ที่ {f.TrackingUrl}";
        var body = $"เรียน {f.BorrowerName}\n\n{text}{track}\n\nงานพัสดุ กองคลัง {f.Municipality}\n(ข้อความนี้ส่งจากระบบยืม–คืนทรัพย์สินของราชการโดยอัตโนมัติ)";
        return (subject, body);
    }

    private static string Date(DateOnly date) => ThaiDate.FormatLong(date);
}
