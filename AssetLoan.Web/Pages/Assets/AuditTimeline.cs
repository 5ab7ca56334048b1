using System.Globalization;
using System.Text.Json;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>One audit event as a person reads it: when, who, what kind of change, and each field before → after.</summary>
public sealed record TimelineEntry(long Sequence, DateTime AtUtc, string ActorName, IReadOnlyList<string> ActorRoles, string Action, IReadOnlyList<TimelineChange> Changes);

public sealed record TimelineChange(string Label, string? Before, string? After);

/// <summary>
/// Reads the audit trail of one record (an asset, a catalogue item, a user and their role rows) and renders the
/// stored JSON in the words of the registry: Thai field names, status names, division and item names, Thai dates.
/// </summary>
public static class AuditTimeline
{
    /// <summary>The entity type name AuditWriter records for Identity's user–role join rows.</summary>
    public const string UserRoleEntity = "IdentityUserRole`1";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
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

    /// <summary>Thai names of the registry's and accounts' fields, shared with the audit log page.</summary>
    public static IReadOnlyDictionary<string, string> FieldLabels => Labels;

    // Fields appear in the order of Labels; keys, tokens and Identity's bookkeeping are not listed, so not shown.
    private static readonly List<string> Order = [.. Labels.Keys];

    public static Task<IReadOnlyList<TimelineEntry>> ForEntityAsync(AppDbContext db, IStringLocalizer s, string entityType, string entityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LoadAsync(db, s, db.AuditEvents.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId), ct);
    }

    /// <summary>A user's own record and their role rows (keyed "userId/roleId").</summary>
    public static Task<IReadOnlyList<TimelineEntry>> ForUserAsync(AppDbContext db, IStringLocalizer s, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rolePrefix = userId + "/";
        return LoadAsync(db, s, db.AuditEvents.AsNoTracking().Where(e =>
            (e.EntityType == nameof(AppUser) && e.EntityId == userId)
            || (e.EntityType == UserRoleEntity && e.EntityId.StartsWith(rolePrefix))), ct);
    }

    private static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(AppDbContext db, IStringLocalizer s, IQueryable<Domain.Audit.AuditEvent> events, CancellationToken ct)
    {
        var rows = await events.OrderByDescending(e => e.Sequence).Take(200).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var names = new Names(
            await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            await db.CatalogueItems.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct));
        return rows.Select(e => ToEntry(e, names, s)).ToList();
    }

    private static TimelineEntry ToEntry(Domain.Audit.AuditEvent e, Names names, IStringLocalizer s)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        var changes = new List<TimelineChange>();
        foreach (var key in Order.Where(k => before.ContainsKey(k) || after.ContainsKey(k)))
        {
            var label = Labels[key];
            var b = before.TryGetValue(key, out var bv) ? Format(key, bv, names, s) : null;
            var a = after.TryGetValue(key, out var av) ? Format(key, av, names, s) : null;

            // A new record lists what was filled in, not every empty or zero default.
            if (e.Action == "Added" && (a is null || IsBlank(av)))
            {
                continue;
            }

            // A deleted row (a role taken away) is read as "what was removed", not as a value cleared.
            changes.Add(e.Action == "Deleted" ? new TimelineChange(s[label], null, b) : new TimelineChange(s[label], b, a));
        }

        var roles = (e.ActorRole ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => s[Roles.Thai(r)].Value).ToList();
        return new TimelineEntry(e.Sequence, e.AtUtc, e.ActorName, roles, s[ActionName(e, before, after)], changes);
    }

    private static string ActionName(Domain.Audit.AuditEvent e, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after) => (e.EntityType, e.Action) switch
    {
        (UserRoleEntity, "Added") => "เพิ่มบทบาท",
        (UserRoleEntity, "Deleted") => "ถอนบทบาท",
        (_, "Added") => "สร้างรายการ",
        (_, "Deleted") => "ลบรายการ",
        (_, AccountAudit.PasswordResetAction) => "ตั้งรหัสผ่านใหม่",
        (_, AccountAudit.RecoveryCodeUsedAction) => "เข้าสู่ระบบด้วยรหัสกู้คืน",
        (_, AccountAudit.RecoveryCodesRenewedAction) => "สร้างรหัสกู้คืนชุดใหม่",
        _ when after.TryGetValue("RetiredAtUtc", out var r) && r.ValueKind != JsonValueKind.Null => "จำหน่ายออกจากทะเบียน",
        _ when after.Count == 1 && after.ContainsKey("Status") => "เปลี่ยนสถานะ",
        _ when PoolRepairAction(before, after) is { } repair => repair,
        _ when after.ContainsKey("Disabled") => after["Disabled"].ValueKind == JsonValueKind.True ? "ระงับการใช้งาน" : "เปิดใช้งาน",
        _ => "แก้ไข",
    };

    /// <summary>The pool repair steps read by what moved: damaged units in, repaired units out, broken units written off.</summary>
    private static string? PoolRepairAction(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
    {
        if (!after.TryGetValue("PoolUnderRepair", out var a) || !before.TryGetValue("PoolUnderRepair", out var b))
        {
            return null;
        }

        var change = a.GetInt32() - b.GetInt32();
        var onHand = after.TryGetValue("PoolQuantity", out var qa) && before.TryGetValue("PoolQuantity", out var qb) ? qa.GetInt32() - qb.GetInt32() : 0;
        return (change, onHand) switch
        {
            ( > 0, 0) => "รับคืนชำรุด รอซ่อม",
            ( < 0, 0) => "ซ่อมเสร็จ คืนเข้าคลัง",
            ( < 0, < 0) when change == onHand => "จำหน่ายที่ชำรุด",
            _ => null,
        };
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static string? Format(string key, JsonElement value, Names names, IStringLocalizer s)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        return key switch
        {
            "Status" when Enum.TryParse<AssetStatus>(text, out var st) => s[AssetText.Status(st)],
            "LendingNature" when Enum.TryParse<LendingNature>(text, out var n) => s[AssetText.Nature(n)],
            "BudgetClass" when Enum.TryParse<BudgetClass>(text, out var b) => s[AssetText.Budget(b)],
            "TrackingMode" when Enum.TryParse<TrackingMode>(text, out var m) => s[AssetText.Tracking(m)],
            "Audience" when Enum.TryParse<BorrowerAudience>(text, out var au) => string.Join(", ", AssetText.Audience(au).Select(g => s[g].Value)),
            "DivisionId" => Lookup(names.Divisions, text),
            "CategoryId" => Lookup(names.Categories, text),
            "CatalogueItemId" => Lookup(names.Items, text),
            "RoleId" => names.Roles.TryGetValue(text, out var role) ? s[Roles.Thai(role)] : text,
            "AcquiredOn" or "PoolAcquiredOn" when DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var d) => Display.Date(d),
            "RetiredAtUtc" when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => Display.DateTime(t),
            "Price" or "SalvageValue" or "PoolUnitPrice" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var money) => Display.Money(money),
            "Disabled" or "Retired" => value.ValueKind == JsonValueKind.True ? s["ใช่"] : s["ไม่ใช่"],
            "ChecklistText" => text.Replace('\n', ';').Replace(";", "; ", StringComparison.Ordinal),
            "PhotoPath" => s["มีรูปภาพ"],
            _ => text,
        };
    }

    private static bool IsBlank(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => value.GetDecimal() == 0,
        JsonValueKind.String => string.IsNullOrEmpty(value.GetString()),
        _ => false,
    };

    private static string Lookup(Dictionary<int, string> names, string id) =>
        int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var key) && names.TryGetValue(key, out var name) ? name : id;

    private sealed record Names(Dictionary<int, string> Divisions, Dictionary<int, string> Categories, Dictionary<int, string> Items, Dictionary<string, string> Roles);
}
