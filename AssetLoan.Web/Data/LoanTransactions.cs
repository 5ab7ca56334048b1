using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Data;

/// <summary>
/// The write paths that must be serialised: numbering and reservations. On SQLite a transaction begins IMMEDIATE
/// (one writer at a time, others wait up to the busy timeout); on PostgreSQL the competing catalogue items' rows are
/// locked, so checks and approvals of the same items queue up and each sees the other's result.
/// </summary>
public static class LoanTransactions
{
    /// <summary>Runs <paramref name="work"/> in a transaction that holds the reservation lock on <paramref name="itemIds"/>.</summary>
    public static async Task<T> InReservationAsync<T>(this AppDbContext db, IReadOnlyCollection<int> itemIds, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var ids = itemIds.OrderBy(i => i).ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"CatalogueItems\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE", ct);
        }

        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Hands over <paramref name="loan"/> (loaded tracked with its lines and units) inside the reservation
    /// transaction: the units, the pools and the availability truth are read after the lock is taken, so what is
    /// issued is re-checked against what is on the shelf now and what other approved loans need (domain.md §5).
    /// </summary>
    public static Task HandOverAsync(this AppDbContext db, Loan loan, Actor officer, IReadOnlyList<LineIssue> issues, string receiverName, bool receiverAcknowledged, string? signaturePath, DateOnly today, DateTime nowUtc, WorkingCalendar calendar, CancellationToken ct, bool separateDuties = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(issues);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        return db.InReservationAsync(itemIds, async () =>
        {
            var assetIds = issues.SelectMany(i => i.AssetIds).Concat(loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId)).Distinct().ToList();
            var assets = await db.Assets.Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var shelf = await db.ShelfCheckAsync(loan, today, ct);
            loan.HandOver(officer, issues, assets, items, shelf, receiverName, receiverAcknowledged, signaturePath, today, nowUtc, calendar, separateDuties);
            await db.SaveChangesAsync(ct);
            return loan.Id;
        }, ct);
    }

    /// <summary>
    /// A sent-back request corrected and filed again (issue 16 §1), inside the reservation transaction: the new
    /// content is checked against the stock on hand and what every holding loan leaves free for the new dates, as a
    /// new request is. Returns the lines that ask more than is free (nothing saved then) or an empty list when saved.
    /// The staff page and the outside borrower's tracking page both call this.
    /// </summary>
    public static Task<IReadOnlyList<Shortage>> ResubmitLoanAsync(this AppDbContext db, Loan loan, Actor actor, LoanRequestEdit edit, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(edit);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).Concat(edit.Lines?.Select(l => l.CatalogueItemId) ?? []).Distinct().ToList();
        return db.InReservationAsync(itemIds, async () =>
        {
            var items = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var unitsOnHand = await db.UnitsOnHandAsync(itemIds, ct);
            var free = edit.DueOn >= edit.StartOn
                ? await db.AvailabilityAsync(itemIds, edit.StartOn, edit.DueOn, today, firmOnly: false, excludeLoanId: loan.Id, ct)
                : null;
            var wanted = edit.Lines ?? loan.Lines.Select(l => new RequestedLine(l.CatalogueItemId, l.Quantity)).ToList();
            var shortages = free is null ? [] : Loan.ShortLines(wanted, free);
            if (shortages.Count > 0)
            {
                return shortages;
            }

            loan.Resubmit(actor, edit, items, today, nowUtc, unitsOnHand, free);
            await db.SaveChangesAsync(ct);
            return (IReadOnlyList<Shortage>)[];
        }, ct);
    }

    /// <summary>
    /// The next request number of the fiscal year that contains <paramref name="today"/>, gapless: call it inside the
    /// transaction that saves the loan, so a rollback gives the number back.
    /// </summary>
    public static async Task<(int Number, FiscalYear Year)> NextLoanNumberAsync(this AppDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Loan numbers are taken inside the transaction that saves the loan.");
        }

        var year = FiscalYear.Of(today);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"FiscalSequences\" (\"FiscalYear\", \"LastNumber\") VALUES ({year.BuddhistYear}, 0) ON CONFLICT DO NOTHING", ct);
        await db.FiscalSequences.Where(s => s.FiscalYear == year.BuddhistYear)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), ct);
        var number = await db.FiscalSequences.AsNoTracking().Where(s => s.FiscalYear == year.BuddhistYear).Select(s => s.LastNumber).SingleAsync(ct);
        return (number, year);
    }

    /// <summary>
    /// Files a request: the outsider's one record, the borrower-standing rule, a gapless number and
    /// <see cref="Loan.Submit"/>, saved in one transaction. Used by the staff request form, the officer's walk-in form
    /// and the public application, so on every path a new outside borrower is matched to their existing record
    /// (docs/decisions/0005), which takes today's details, and is held to its standing.
    /// </summary>
    public static async Task<Loan> SubmitLoanAsync(this AppDbContext db, Borrower borrower, LoanRequest request, Actor filedBy, ApprovalPolicy policy, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(borrower);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if (await db.FiledAlreadyAsync(borrower, request, nowUtc, ct) is { } earlier)
        {
            return earlier;
        }

        policy.EnsureStartWithinHorizon(request.StartOn, today);
        var itemIds = request.Lines.Select(l => l.CatalogueItemId).Distinct().ToList();
        var items = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var unitsOnHand = await db.UnitsOnHandAsync(itemIds, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = borrower.Id == 0 && borrower.Kind != BorrowerKind.Staff ? await db.ExistingOutsiderAsync(borrower, ct) : null;
        var (overdue, unsettled) = await db.StandingAsync(existing ?? borrower, today, ct);
        BorrowerStanding.Ensure(policy, overdue, unsettled);
        if (existing is not null)
        {
            existing.TakeDetailsFrom(borrower);
            borrower = existing;
        }

        if (borrower.Id == 0)
        {
            db.Borrowers.Add(borrower);
        }

        await db.SaveChangesAsync(ct);

        var (number, year) = await db.NextLoanNumberAsync(today, ct);
        var loan = Loan.Submit(request, borrower, items, filedBy, number, year, today, nowUtc, unitsOnHand);
        db.Loans.Add(loan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.SubmissionKey is not null)
        {
            // The same form posted twice at once: the unique key let one in; answer with that one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.SubmittedWithKeyAsync(request.SubmissionKey, ct) ?? throw new InvalidOperationException("The request could not be saved.");
        }

        await tx.CommitAsync(ct);
        return loan;
    }

    /// <summary>The one record of the same outside borrower as <paramref name="applicant"/>, if they borrowed before (the newest, should duplicates remain).</summary>
    public static Task<Borrower?> ExistingOutsiderAsync(this AppDbContext db, Borrower applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(applicant);
        return db.Borrowers.Where(Borrower.SameOutsiderAs(applicant)).OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The request an earlier post of the same form render filed (its hidden submission key), if any: going Back and
    /// submitting again, or a double tap, leads to that request instead of a second one.
    /// </summary>
    public static async Task<Loan?> SubmittedWithKeyAsync(this AppDbContext db, string? submissionKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(submissionKey))
        {
            return null;
        }

        var key = submissionKey.Trim();
        return await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.SubmissionKey == key, ct);
    }

    /// <summary>
    /// The request this one repeats, if it was filed already: the same form render (its submission key), or the same
    /// borrower filing the same dates and items again within <see cref="Loan.ResubmissionWindow"/> — what going Back
    /// and submitting again does, since the browser re-fetches the form with a fresh key. For an outsider without a
    /// record yet, "the same borrower" is the same identity (<see cref="Borrower.SameOutsiderAs"/>). Only requests
    /// posted from a form (they carry a submission key) are compared.
    /// </summary>
    public static async Task<Loan?> FiledAlreadyAsync(this AppDbContext db, Borrower borrower, LoanRequest request, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(borrower);
        ArgumentNullException.ThrowIfNull(request);
        if (request.SubmissionKey is null)
        {
            // Not posted from a form (an import, a test builder): nothing a person could have posted twice.
            return null;
        }

        if (await db.SubmittedWithKeyAsync(request.SubmissionKey, ct) is { } sameRender)
        {
            return sameRender;
        }

        IQueryable<int> borrowerIds;
        if (borrower.Id != 0)
        {
            var id = borrower.Id;
            borrowerIds = db.Borrowers.Where(b => b.Id == id).Select(b => b.Id);
        }
        else if (borrower.Kind != BorrowerKind.Staff)
        {
            borrowerIds = db.Borrowers.Where(Borrower.SameOutsiderAs(borrower)).Select(b => b.Id);
        }
        else
        {
            return null;
        }

        var since = nowUtc - Loan.ResubmissionWindow;
        var candidates = await db.Loans.AsNoTracking().Whole()
            .Where(l => borrowerIds.Contains(l.BorrowerId) && l.SubmittedAtUtc >= since && l.StartOn == request.StartOn && l.DueOn == request.DueOn)
            .OrderByDescending(l => l.Id)
            .ToListAsync(ct);
        return candidates.FirstOrDefault(l => l.IsFiledAgainAs(request, nowUtc));
    }

    /// <summary>A fresh key for one render of a request form.</summary>
    public static string NewSubmissionKey() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Whether the borrower has an overdue loan, and an unsettled damage or loss case — counting, for an outsider, the
    /// earlier records of the same outsider (<see cref="Borrower.SameOutsiderAs"/>), whether they applied online or
    /// at the counter.
    /// </summary>
    public static async Task<(bool Overdue, bool Unsettled)> StandingAsync(this AppDbContext db, Borrower borrower, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(borrower);
        var id = borrower.Id;
        var same = db.Borrowers.Where(Borrower.SameOutsiderAs(borrower)).Select(b => b.Id);
        var overdue = await db.Loans.Overdue(today, await db.WorkingCalendarAsync(ct)).AnyAsync(l => l.BorrowerId == id || same.Contains(l.BorrowerId), ct);
        var unsettled = await db.CompensationCases.AnyAsync(c => c.Status != CompensationStatus.Settled
            && db.Loans.Any(l => l.Id == c.LoanId && (l.BorrowerId == id || same.Contains(l.BorrowerId))), ct);
        return (overdue, unsettled);
    }

    /// <summary>The staff member's borrower record, created on first use from the account.</summary>
    public static async Task<Borrower> StaffBorrowerAsync(this AppDbContext db, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Borrowers.SingleOrDefaultAsync(b => b.UserId == userId, ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        if (existing is not null)
        {
            existing.UpdateStaffProfile(user.FullName, user.DivisionId, user.Position);
            return existing;
        }

        var borrower = Borrower.ForStaff(userId, user.FullName, user.DivisionId, user.Position, user.PhoneNumber, user.Email);
        db.Borrowers.Add(borrower);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second tab created it at the same moment: use that one.
            db.Entry(borrower).State = EntityState.Detached;
            var winner = await db.Borrowers.SingleOrDefaultAsync(b => b.UserId == userId, ct);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }

        return borrower;
    }
}

