using System.Globalization;
using System.Text.Json;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Audit;

/// <summary>
/// The model of <c>Pages/Shared/_AuditTimeline.cshtml</c>: which entity's audit events to show, e.g.
/// <c>&lt;partial name="_AuditTimeline" model="AuditTimeline.ForLoan(id)" /&gt;</c> or
/// <c>model="new AuditTimeline(nameof(Asset), id.ToString())"</c>. For a loan the timeline also holds the events of
/// its lines, units, demands, extension requests and compensation cases.
/// </summary>
public sealed record AuditTimeline(string EntityType, string EntityId, int Limit = 200)
{
    public static AuditTimeline ForLoan(int id) => new(nameof(Loan), id.ToString(CultureInfo.InvariantCulture));

    public static AuditTimeline ForAsset(int id) => new(nameof(Domain.Assets.Asset), id.ToString(CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<AuditEntry>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = new List<(string Type, string Id)> { (EntityType, EntityId) };
        if (EntityType == nameof(Loan) && int.TryParse(EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var loanId))
        {
            keys.AddRange(await ChildrenOfLoanAsync(db, loanId, ct));
        }

        var ids = keys.Select(k => k.Id).Distinct().ToList();
        var types = keys.Select(k => k.Type).Distinct().ToList();
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(e => types.Contains(e.EntityType) && ids.Contains(e.EntityId))
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.AtUtc, e.ActorName, e.ActorRole, e.EntityType, e.EntityId, e.Action, e.Before, e.After })
            .ToListAsync(ct);
        var wanted = keys.ToHashSet();
        return rows.Where(r => wanted.Contains((r.EntityType, r.EntityId)))
            .Take(Limit)
            .Select(r => new AuditEntry(r.Sequence, r.AtUtc, r.ActorName, r.ActorRole, r.EntityType, r.EntityId, r.Action, Changes(r.Before, r.After)))
            .ToList();
    }

    /// <summary>"Status: Approved → HandedOver" per changed property (added rows list their values).</summary>
    public static IReadOnlyList<AuditChange> Changes(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return a.Keys.Union(b.Keys)
            .Where(k => k is not "Id" and not "LoanId" and not "LoanLineId")
            .Select(k => new AuditChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != JsonValueKind.Object
                ? []
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return new Dictionary<string, string?> { ["?"] = json };
        }
    }

    private static async Task<IEnumerable<(string, string)>> ChildrenOfLoanAsync(AppDbContext db, int loanId, CancellationToken ct)
    {
        static string S(int id) => id.ToString(CultureInfo.InvariantCulture);
        var lines = await db.LoanLines.AsNoTracking().Where(l => l.LoanId == loanId).Select(l => l.Id).ToListAsync(ct);
        var units = await db.LoanUnits.AsNoTracking().Where(u => lines.Contains(u.LoanLineId)).Select(u => u.Id).ToListAsync(ct);
        var demands = await db.Demands.AsNoTracking().Where(d => d.LoanId == loanId).Select(d => d.Id).ToListAsync(ct);
        var cases = await db.CompensationCases.AsNoTracking().Where(c => c.LoanId == loanId).Select(c => c.Id).ToListAsync(ct);
        var extensions = await db.Set<ExtensionRequest>().AsNoTracking().Where(x => x.LoanId == loanId).Select(x => x.Id).ToListAsync(ct);
        return lines.Select(i => (nameof(LoanLine), S(i)))
            .Concat(units.Select(i => (nameof(LoanUnit), S(i))))
            .Concat(demands.Select(i => (nameof(Demand), S(i))))
            .Concat(cases.Select(i => (nameof(CompensationCase), S(i))))
            .Concat(extensions.Select(i => (nameof(ExtensionRequest), S(i))));
    }
}

public sealed record AuditEntry(long Sequence, DateTime AtUtc, string ActorName, string? ActorRole, string EntityType, string EntityId, string Action, IReadOnlyList<AuditChange> Changes);

public sealed record AuditChange(string Property, string? Before, string? After);

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
        LoanFields.TryGetValue(property, out var thai) || Assets.AuditTimeline.FieldLabels.TryGetValue(property, out thai) ? thai : property;

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
        ("Asset", "Status", _) when Enum.TryParse<Domain.Assets.AssetStatus>(value, out var asset) => AssetText.Status(asset),
        (_, "Case", _) when Enum.TryParse<LoanCase>(value, out var loanCase) => LoanText.Case(loanCase),
        (_, "BorrowerKind" or "Kind", _) when Enum.TryParse<Domain.Borrowers.BorrowerKind>(value, out var kind) => LoanText.Kind(kind),
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

    /// <summary>The actor's roles, in the reader's language.</summary>
    public static string Roles(string? roles, Microsoft.Extensions.Localization.IStringLocalizer s) =>
        string.IsNullOrEmpty(roles) ? "" : string.Join(", ", roles.Split(',').Select(Identity.Roles.Thai).Select(t => t.Length == 0 ? t : s[t].Value));
}
