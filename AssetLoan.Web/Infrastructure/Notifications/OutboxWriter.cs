using System.Globalization;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Notifications;

/// <summary>
/// The outbox: every loan history entry added in a save queues its messages in the same transaction (called by
/// <see cref="AuditWriter"/>), so a message exists exactly when the change it reports was committed. The borrower
/// gets an e-mail (staff: the account's address; outsiders: the address they gave, if any) or a LINE message, as their
/// preferred channel says (<see cref="ContactChannels.For"/>; LINE only while a channel token is set), and, for staff,
/// an in-app message whatever they prefer; the people who must act next get an in-app message.
/// </summary>
internal static class OutboxWriter
{
    public static List<(Loan Loan, LoanHistoryEntry Entry)> Capture(AppDbContext db)
    {
        var added = db.ChangeTracker.Entries<LoanHistoryEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return [];
        }

        var loans = db.ChangeTracker.Entries<Loan>().Select(e => e.Entity).ToList();
        return added
            .Select(entry => (Loan: loans.FirstOrDefault(l => l.History.Contains(entry)), Entry: entry))
            .Where(x => x.Loan is not null)
            .Select(x => (x.Loan!, x.Entry))
            .ToList();
    }

    /// <summary>After the first save of the transaction (loan ids are known), adds the messages; the caller saves them.</summary>
    public static async Task WriteAsync(AppDbContext db, List<(Loan Loan, LoanHistoryEntry Entry)> captured, CancellationToken ct)
    {
        if (captured.Count == 0)
        {
            return;
        }

        var settings = await Settings.LoadAsync(db, ct);
        var nowUtc = db.Time.GetUtcNow().UtcDateTime;
        foreach (var (loan, entry) in captured)
        {
            var key = NotificationTemplates.KeyFor(entry.Summary, entry.ToStatus);
            var act = ActionFor(loan, entry, settings);
            if (key is null && act is null)
            {
                continue;
            }

            var recipient = await RecipientAsync(db, loan, ct);
            var facts = await FactsAsync(db, loan, recipient.Name, settings, entry.Note, Compensation(loan, entry), nowUtc, ct);
            if (key is not null)
            {
                db.Notifications.AddRange(ForBorrower(recipient, loan.Id, key, facts, settings.LineOn, nowUtc));
            }

            if (act is { } a)
            {
                // A division without a head: the fallback endorser is told instead (EndorsementRouting).
                var division = a.Key == NotificationTemplates.ActEndorse ? await db.EndorsingDivisionAsync(loan.BorrowerDivisionId, ct) ?? -1 : a.DivisionId;
                var users = await UsersInRoleAsync(db, a.Role, division, ct);
                var (subject, body) = NotificationTemplates.Render(a.Key, facts);
                db.Notifications.AddRange(users
                    .Where(u => u != entry.ActorUserId && u != loan.BorrowerUserId)
                    .Select(u => Message(NotificationChannel.InApp, a.Key, null, u, loan.Id, subject, body, nowUtc)));
            }
        }
    }

    /// <summary>A reminder queued outside a loan change (the daily job, or "ส่งแจ้งเตือนทันที"); returns how many messages.</summary>
    public static async Task<int> QueueAsync(AppDbContext db, int loanId, string key, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId, ct);
        var settings = await Settings.LoadAsync(db, ct);
        var recipient = await RecipientAsync(db, loan, ct);
        var facts = await FactsAsync(db, loan, recipient.Name, settings, null, null, nowUtc, ct);
        var messages = ForBorrower(recipient, loanId, key, facts, settings.LineOn, nowUtc).ToList();
        db.Notifications.AddRange(messages);
        return messages.Count;
    }

    /// <summary>
    /// An approved loan that may be short at pickup (issue 11 §3): the borrower is told (e-mail and in-app) and every
    /// supplies officer gets it in-app; returns how many messages.
    /// </summary>
    public static async Task<int> QueueShortBeforePickupAsync(AppDbContext db, int loanId, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = await QueueAsync(db, loanId, NotificationTemplates.ShortBeforePickup, nowUtc, ct);
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId, ct);
        var settings = await Settings.LoadAsync(db, ct);
        var recipient = await RecipientAsync(db, loan, ct);
        var facts = await FactsAsync(db, loan, recipient.Name, settings, null, null, nowUtc, ct);
        var (subject, body) = NotificationTemplates.Render(NotificationTemplates.ActShortBeforePickup, facts);
        var officers = (await UsersInRoleAsync(db, nameof(Role.SuppliesOfficer), null, ct)).Where(u => u != loan.BorrowerUserId).ToList();
        db.Notifications.AddRange(officers.Select(u => Message(NotificationChannel.InApp, NotificationTemplates.ActShortBeforePickup, null, u, loanId, subject, body, nowUtc)));
        return count + officers.Count;
    }

    private static IEnumerable<NotificationMessage> ForBorrower(Recipient to, int loanId, string key, LoanFacts facts, bool lineOn, DateTime nowUtc)
    {
        var (subject, body) = NotificationTemplates.Render(key, facts);
        switch (ContactChannels.For(to.Preferred, !string.IsNullOrWhiteSpace(to.Email), to.LineUserId is not null, lineOn))
        {
            case ContactChannel.Email:
                yield return Message(NotificationChannel.Email, key, to.Email, to.UserId, loanId, subject, body, nowUtc);
                break;
            case ContactChannel.Line:
                yield return Message(NotificationChannel.Line, key, to.LineUserId, to.UserId, loanId, subject, body, nowUtc);
                break;
        }

        if (to.UserId is not null)
        {
            yield return Message(NotificationChannel.InApp, key, null, to.UserId, loanId, subject, body, nowUtc);
        }
    }

    private static NotificationMessage Message(NotificationChannel channel, string key, string? to, string? userId, int loanId, string subject, string body, DateTime nowUtc) => new()
    {
        CreatedAtUtc = nowUtc,
        Channel = channel,
        TemplateKey = key,
        ToAddress = to,
        UserId = userId,
        LoanId = loanId,
        Subject = subject.Length > 300 ? subject[..300] : subject,
        Body = body,
        NextAttemptAtUtc = nowUtc,
        // In-app messages are delivered by being there.
        SentAtUtc = channel == NotificationChannel.InApp ? nowUtc : null,
    };

    /// <summary>Who must act after this step, in-app: the division head, the supplies officers, the approver, the FinanceDirector.</summary>
    private static (string Key, string Role, int? DivisionId)? ActionFor(Loan loan, LoanHistoryEntry entry, Settings settings) => entry.Summary switch
    {
        "Submitted" or "KeyedIn" or "Resubmit" when loan.NeedsEndorsement && !loan.IsEndorsed => (NotificationTemplates.ActEndorse, nameof(Role.DivisionHead), loan.BorrowerDivisionId),
        "Submitted" or "KeyedIn" or "Resubmit" or "Endorse" => (NotificationTemplates.ActCheck, nameof(Role.SuppliesOfficer), null),
        "Check" => (NotificationTemplates.ActApprove, settings.Policy.ApproverFor(loan.Case).ToString(), null),
        "CompensationDecided" => (NotificationTemplates.ActConfirmCompensation, nameof(Role.FinanceDirector), null),
        _ => null,
    };

    private static string? Compensation(Loan loan, LoanHistoryEntry entry) =>
        entry.Summary != "CompensationDecided"
            ? null
            : string.Join("; ", loan.Compensations.Where(c => c.DecidedAtUtc == entry.AtUtc && c.Method is not null).Select(c =>
                $"{LoanText.Kind(c.Kind)}{(c.AssetNumber is null ? "" : " " + c.AssetNumber)} — {LoanText.Method(c.Method!.Value)}" +
                (c.Method == CompensationMethod.Pay ? $" จำนวน {Display.Money(c.FinalAmount ?? 0)} บาท" : "")));

    private static async Task<LoanFacts> FactsAsync(AppDbContext db, Loan loan, string borrowerName, Settings settings, string? note, string? compensation, DateTime nowUtc, CancellationToken ct)
    {
        var lines = await db.LoanLines.AsNoTracking().Where(l => l.LoanId == loan.Id).OrderBy(l => l.Id)
            .Select(l => new { l.ItemName, l.Quantity, l.UnitNoun }).ToListAsync(ct);
        var items = string.Join(", ", lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ItemName} {l.Quantity} {l.UnitNoun}")));
        var tracking = loan.TrackingToken is not null && !string.IsNullOrWhiteSpace(settings.PublicBaseUrl)
            ? $"{settings.PublicBaseUrl.TrimEnd('/')}/track/{loan.TrackingToken}"
            : null;
        return new LoanFacts(loan.Id, loan.Reference, borrowerName, items, loan.StartOn, loan.DueOn, BangkokTime.Today(nowUtc), settings.MunicipalityName,
            settings.Policy.ExpireAfterDays, note, tracking, compensation, await db.WorkingCalendarAsync(ct));
    }

    private static async Task<Recipient> RecipientAsync(AppDbContext db, Loan loan, CancellationToken ct)
    {
        var borrower = await db.Borrowers.AsNoTracking().Where(b => b.Id == loan.BorrowerId)
            .Select(b => new { b.Name, b.ContactPerson, b.Email, b.Kind, b.LineUserId, b.PreferredChannel }).SingleAsync(ct);
        var user = loan.BorrowerUserId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == loan.BorrowerUserId && !u.Disabled)
                .Select(u => new { u.Email, u.LineUserId, u.PreferredChannel }).SingleOrDefaultAsync(ct);

        // Staff choose on their profile (the account); outsiders on their tracking page (the borrower record).
        return user is null
            ? new Recipient(borrower.ContactPerson ?? borrower.Name, borrower.Email, loan.BorrowerUserId, borrower.LineUserId, borrower.PreferredChannel)
            : new Recipient(borrower.ContactPerson ?? borrower.Name, user.Email ?? borrower.Email, loan.BorrowerUserId, user.LineUserId, user.PreferredChannel);
    }

    private static async Task<List<string>> UsersInRoleAsync(AppDbContext db, string role, int? divisionId, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               join u in db.Users on ur.UserId equals u.Id
               where r.Name == role && !u.Disabled && (divisionId == null || u.DivisionId == divisionId)
               select u.Id).Distinct().ToListAsync(ct);

    private sealed record Recipient(string Name, string? Email, string? UserId, string? LineUserId, ContactChannel Preferred);
}
