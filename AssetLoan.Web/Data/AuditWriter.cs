using System.Globalization;
using System.Text.Json;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AssetLoan.Web.Data;

/// <summary>
/// Writes the audit trail in the same transaction as the change: one event per changed audited entity, with the
/// changed properties before → after, chained by HMAC-SHA256 (key outside the database) to the previous event.
/// </summary>
internal static class AuditWriter
{
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEvent), typeof(AuditAnchor), typeof(LoanHistoryEntry), typeof(NotificationMessage), typeof(FiscalSequence), typeof(LineLinkRequest),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    // Secrets and noise never enter the trail; the national ID stays only in its encrypted column.
    // PDPA: a borrower's personal fields stay out of the append-only trail, so retention can really erase them; the
    // trail keeps that the record changed, its kind and who changed it.
    private static readonly HashSet<string> BorrowerPersonalData =
    [
        nameof(Borrower.Name), nameof(Borrower.ContactPerson), nameof(Borrower.NationalIdCipher), nameof(Borrower.NationalIdLookup),
        nameof(Borrower.NationalIdTail), nameof(Borrower.Phone), nameof(Borrower.Email), nameof(Borrower.HouseNumber), nameof(Borrower.Moo),
        nameof(Borrower.LineUserId),
    ];

    // The same for what a loan says about private people (retention erases it from the loan; the trail never had it).
    private static readonly HashSet<string> LoanPersonalData =
    [
        nameof(Loan.ReceiverName), nameof(Loan.ReceiverSignaturePath), nameof(Loan.Purpose), nameof(Loan.Place), "Version",
    ];

    private static readonly HashSet<string> HiddenProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "LockoutEnd", "NormalizedEmail",
        "NormalizedUserName", nameof(Borrower.NationalIdCipher), nameof(Borrower.NationalIdLookup), "Version", nameof(Borrower.LineUserId),
    ];

    // Enums as their names ("Status":"HandedOver"), as the database stores them, so the trail reads without a code table.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<int> SaveWithAuditAsync(AppDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var pending = Capture(db);
        var outbox = OutboxWriter.Capture(db);
        if (pending.Count == 0 && outbox.Count == 0)
        {
            return await save(ct);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            return await WriteAsync(db, pending, outbox, save, ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var count = await WriteAsync(db, pending, outbox, save, ct);
        await tx.CommitAsync(ct);
        return count;
    }

    private static async Task<int> WriteAsync(AppDbContext db, List<PendingEvent> pending, List<(Loan, LoanHistoryEntry)> outbox, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var count = await save(ct);

        // Notifications about the change are queued in the same transaction (Infrastructure/Notifications).
        await OutboxWriter.WriteAsync(db, outbox, ct);
        if (pending.Count > 0)
        {
            await AppendAsync(db, pending.Select(p => new AuditEntry(p.EntityType, p.EntityId(), p.Action, p.Before, p.After())).ToList(), ct);
        }

        await save(ct);
        return count;
    }

    /// <summary>
    /// Adds <paramref name="entries"/> to the chain as the current actor, after the last event (not saved yet). Call it
    /// inside the transaction that saves them; <see cref="PersonalDataAccess"/> uses it for events that are not entity
    /// changes (a full national ID was shown).
    /// </summary>
    internal static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // One writer of the chain at a time (SQLite's write lock gives this for free).
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(724201)", ct);
        }

        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        var actor = db.Actor?.Actor ?? Domain.People.Actor.System;
        var role = actor.Roles.Count == 0 ? null : string.Join(",", actor.Roles.OrderBy(r => r));
        var now = db.Time.GetUtcNow().UtcDateTime;
        var key = db.ChainKey;
        foreach (var p in entries)
        {
            var e = new AuditEvent(++sequence, now, actor.UserId, actor.Name, role, p.EntityType, p.EntityId, p.Action, p.Before, p.After, previous, key);
            db.AuditEvents.Add(e);
            previous = e.Hash;
        }
    }

    private static List<PendingEvent> Capture(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var list = new List<PendingEvent>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || NotAudited.Contains(entry.Metadata.ClrType)
                || !IsAudited(entry.Metadata.ClrType)
                || entry.Entity is AppSetting { Key: Infrastructure.NationalIdProtector.LookupKeySetting })
            {
                continue;
            }

            var hidden = entry.Entity switch
            {
                Borrower => BorrowerPersonalData,
                Loan => LoanPersonalData,
                _ => HiddenProperties,
            };
            var props = entry.Properties.Where(p => !hidden.Contains(p.Metadata.Name)).ToList();
            string? before = null, after = null;
            switch (entry.State)
            {
                case EntityState.Added:
                    // Read after the save, so generated keys and foreign keys are the real ones, not temporary values.
                    list.Add(new PendingEvent(entry.Metadata.ClrType.Name, entry.State.ToString(), null,
                        () => Serialize(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)), () => KeyOf(entry)));
                    continue;
                case EntityState.Deleted:
                    before = Serialize(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                    break;
                default:
                    var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0)
                    {
                        continue;
                    }

                    before = Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                    after = Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
                    break;
            }

            var deletedKey = entry.State == EntityState.Deleted ? KeyOf(entry) : null;
            list.Add(new PendingEvent(entry.Metadata.ClrType.Name, entry.State.ToString(), before, () => after, () => deletedKey ?? KeyOf(entry)));
        }

        return list;
    }

    private static bool IsAudited(Type type) =>
        type.Namespace?.StartsWith("AssetLoan.Domain", StringComparison.Ordinal) == true
        || type == typeof(AppSetting)
        || IdentityAudit.IsAudited(type);

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static string Serialize(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);

    internal sealed record AuditEntry(string EntityType, string EntityId, string Action, string? Before, string? After);

    private sealed record PendingEvent(string EntityType, string Action, string? Before, Func<string?> After, Func<string> EntityId);
}
