using System.Globalization;
using System.Text.Json;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Data;

/// <summary>
/// The audit trail of one record as a person reads it, the model of <c>Pages/Shared/_AuditTimeline.cshtml</c>: newest
/// first, who (name and roles), what (the kind of change, the record named), and each named field before → after with
/// people, items and values named and dates in พ.ศ. The page model loads it; the partial only renders.
/// </summary>
public sealed record AuditTimeline(IReadOnlyList<AuditTimelineEntry> Entries)
{
    /// <summary>The entity type name AuditWriter records for Identity's user–role join rows.</summary>
    public const string UserRoleEntity = "IdentityUserRole`1";

    private const int Limit = 200;

    public static AuditTimeline Empty { get; } = new([]);

    /// <summary>One record: an asset, a catalogue item.</summary>
    public static Task<AuditTimeline> ForEntityAsync(AppDbContext db, IStringLocalizer s, string entityType, string entityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LoadAsync(db, s, db.AuditEvents.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId), null, ct);
    }

    /// <summary>A user's own record and their role rows (keyed "userId/roleId").</summary>
    public static Task<AuditTimeline> ForUserAsync(AppDbContext db, IStringLocalizer s, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rolePrefix = userId + "/";
        return LoadAsync(db, s, db.AuditEvents.AsNoTracking().Where(e =>
            (e.EntityType == "AppUser" && e.EntityId == userId)
            || (e.EntityType == UserRoleEntity && e.EntityId.StartsWith(rolePrefix))), null, ct);
    }

    /// <summary>A loan with its lines, units, demands, extension requests and compensation cases.</summary>
    public static async Task<AuditTimeline> ForLoanAsync(AppDbContext db, IStringLocalizer s, int loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = new List<(string Type, string Id)> { (nameof(Loan), Key(loanId)) };
        keys.AddRange(await ChildrenOfLoanAsync(db, loanId, ct));
        var ids = keys.Select(k => k.Id).Distinct().ToList();
        var types = keys.Select(k => k.Type).Distinct().ToList();
        var wanted = keys.ToHashSet();
        return await LoadAsync(db, s, db.AuditEvents.AsNoTracking().Where(e => types.Contains(e.EntityType) && ids.Contains(e.EntityId)), e => wanted.Contains((e.EntityType, e.EntityId)), ct);
    }

    /// <summary>"Status: Approved → HandedOver" per changed property, as stored (added rows list their values).</summary>
    public static IReadOnlyList<AuditChange> Changes(string? before, string? after) => Changes(Parse(before), Parse(after));

    private static async Task<AuditTimeline> LoadAsync(AppDbContext db, IStringLocalizer s, IQueryable<AuditEvent> events, Func<AuditEvent, bool>? wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var newestFirst = events.OrderByDescending(e => e.Sequence);

        // The loan's query matches type and id separately; the exact (type, id) pairs are picked after it.
        var loaded = wanted is null ? await newestFirst.Take(Limit).ToListAsync(ct) : (await newestFirst.ToListAsync(ct)).Where(wanted).Take(Limit);
        var rows = loaded
            .Select(e => (Event: e, Before: Parse(e.Before), After: Parse(e.After)))
            .Select(r => (r.Event, r.Before, r.After, Changes: (IReadOnlyList<AuditChange>)Changes(r.Before, r.After)))
            .ToList();
        if (rows.Count == 0)
        {
            return Empty;
        }

        var names = await AuditNameBook.LoadAsync(db, s, rows.Select(r => (r.Event.EntityType, r.Event.EntityId, r.Changes)), ct);
        return new AuditTimeline([.. rows.Select(r => new AuditTimelineEntry(
            r.Event.Sequence,
            r.Event.AtUtc,
            r.Event.ActorName,
            AuditNames.Roles(r.Event.ActorRole, s),
            ActionName(r.Event, r.Before, r.After),
            AuditNames.Entity(r.Event.EntityType),
            names.Entity(r.Event.EntityType, r.Event.EntityId),
            Shown(r.Event, r.Changes, names, s)))]);
    }

    private static List<AuditTimelineChange> Shown(AuditEvent e, IReadOnlyList<AuditChange> changes, AuditNameBook names, IStringLocalizer s)
    {
        string? Value(string property, string? value) =>
            value is null ? null
            : property == "Audience" && Enum.TryParse<Domain.Assets.BorrowerAudience>(value, out var audience) ? string.Join(", ", AssetText.Audience(audience).Select(g => s[g].Value))
            : names.Value(e.EntityType, property, value) is { } shown ? s[shown].Value : null;

        var shownChanges = new List<AuditTimelineChange>();
        foreach (var c in changes.Where(c => AuditNames.IsNamed(c.Property)))
        {
            var label = s[AuditNames.Field(c.Property)].Value;
            if (e.Action == "Added")
            {
                // A new record lists what was filled in, not every empty or zero default.
                if (!IsBlank(c.After))
                {
                    shownChanges.Add(new AuditTimelineChange(c.Property, label, null, Value(c.Property, c.After)));
                }
            }
            else if (e.Action == "Deleted")
            {
                // A deleted row (a role taken away) is read as "what was removed", not as a value cleared.
                shownChanges.Add(new AuditTimelineChange(c.Property, label, null, Value(c.Property, c.Before)));
            }
            else
            {
                shownChanges.Add(new AuditTimelineChange(c.Property, label, Value(c.Property, c.Before) ?? "–", Value(c.Property, c.After)));
            }
        }

        return shownChanges;
    }

    private static string ActionName(AuditEvent e, Dictionary<string, string?> before, Dictionary<string, string?> after) => (e.EntityType, e.Action) switch
    {
        (UserRoleEntity, "Added") => "เพิ่มบทบาท",
        (UserRoleEntity, "Deleted") => "ถอนบทบาท",
        (_, "Added") => "สร้างรายการ",
        (_, "Deleted") => "ลบรายการ",
        (_, AccountAudit.PasswordResetAction) => "ตั้งรหัสผ่านใหม่",
        (_, AccountAudit.RecoveryCodeUsedAction) => "เข้าสู่ระบบด้วยรหัสกู้คืน",
        (_, AccountAudit.RecoveryCodesRenewedAction) => "สร้างรหัสกู้คืนชุดใหม่",
        _ when after.TryGetValue("RetiredAtUtc", out var r) && r is not null => "จำหน่ายออกจากทะเบียน",
        _ when after.Count == 1 && after.ContainsKey("Status") => "เปลี่ยนสถานะ",
        _ when PoolRepairAction(before, after) is { } repair => repair,
        _ when after.TryGetValue("Disabled", out var disabled) => disabled == "true" ? "ระงับการใช้งาน" : "เปิดใช้งาน",
        _ => "แก้ไข",
    };

    /// <summary>The pool repair steps read by what moved: damaged units in, repaired units out, broken units written off.</summary>
    private static string? PoolRepairAction(Dictionary<string, string?> before, Dictionary<string, string?> after)
    {
        if (Int(after, "PoolUnderRepair") is not { } a || Int(before, "PoolUnderRepair") is not { } b)
        {
            return null;
        }

        var change = a - b;
        var onHand = Int(after, "PoolQuantity") is { } qa && Int(before, "PoolQuantity") is { } qb ? qa - qb : 0;
        return (change, onHand) switch
        {
            ( > 0, 0) => "รับคืนชำรุด รอซ่อม",
            ( < 0, 0) => "ซ่อมเสร็จ คืนเข้าคลัง",
            ( < 0, < 0) when change == onHand => "จำหน่ายที่ชำรุด",
            _ => null,
        };
    }

    private static int? Int(Dictionary<string, string?> values, string key) =>
        values.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool IsBlank(string? value) =>
        string.IsNullOrEmpty(value) || value == "false"
        || (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n == 0 && value.All(c => char.IsDigit(c) || c is '.' or '-'));

    private static List<AuditChange> Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        after.Keys.Union(before.Keys)
            .Where(k => k is not "Id" and not "LoanId" and not "LoanLineId")
            .Select(k => new AuditChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();

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

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<IEnumerable<(string, string)>> ChildrenOfLoanAsync(AppDbContext db, int loanId, CancellationToken ct)
    {
        var lines = await db.LoanLines.AsNoTracking().Where(l => l.LoanId == loanId).Select(l => l.Id).ToListAsync(ct);
        var units = await db.LoanUnits.AsNoTracking().Where(u => lines.Contains(u.LoanLineId)).Select(u => u.Id).ToListAsync(ct);
        var demands = await db.Demands.AsNoTracking().Where(d => d.LoanId == loanId).Select(d => d.Id).ToListAsync(ct);
        var cases = await db.CompensationCases.AsNoTracking().Where(c => c.LoanId == loanId).Select(c => c.Id).ToListAsync(ct);
        var extensions = await db.Set<ExtensionRequest>().AsNoTracking().Where(x => x.LoanId == loanId).Select(x => x.Id).ToListAsync(ct);
        return lines.Select(i => (nameof(LoanLine), Key(i)))
            .Concat(units.Select(i => (nameof(LoanUnit), Key(i))))
            .Concat(demands.Select(i => (nameof(Demand), Key(i))))
            .Concat(cases.Select(i => (nameof(CompensationCase), Key(i))))
            .Concat(extensions.Select(i => (nameof(ExtensionRequest), Key(i))));
    }
}

/// <summary>One audit event: <see cref="Action"/> and <see cref="Kind"/> are Thai words the partial translates; the rest is shown as given.</summary>
public sealed record AuditTimelineEntry(long Sequence, DateTime AtUtc, string ActorName, string ActorRoles, string Action, string Kind, string Name, IReadOnlyList<AuditTimelineChange> Changes);

/// <summary>A named field: <see cref="Before"/> is null where the event lists a value (a new record, a removed row).</summary>
public sealed record AuditTimelineChange(string Property, string Label, string? Before, string? After);

/// <summary>A stored property change as recorded (property name and raw values), for the audit log and the name book.</summary>
public sealed record AuditChange(string Property, string? Before, string? After);
