using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace AssetLoan.Web.Pages.Loans;

/// <summary>
/// One loan as the detail, endorsement, check and approval pages show it (read-only, projected; never an entity).
/// Shared by those pages, so it lives beside them in the Loans feature.
/// </summary>
public sealed record LoanView(
    int Id,
    string Reference,
    LoanStatus Status,
    LoanCase Case,
    BorrowerKind BorrowerKind,
    string BorrowerName,
    string? BorrowerContactPerson,
    string? BorrowerPhone,
    string BorrowerAddress,
    string? BorrowerDivision,
    string? BorrowerPosition,
    string? BorrowerUserId,
    int? BorrowerDivisionId,
    string? RequestedByUserId,
    bool KeyedInByOfficer,
    string Purpose,
    string Place,
    bool OffPremises,
    DateOnly StartOn,
    DateOnly DueOn,
    DateTime SubmittedAtUtc,
    string? UrgencyReason,
    string? AgencyLetterNumber,
    DateOnly? AgencyLetterOn,
    string? ApprovedByName,
    string? ApprovedRole,
    string? DelegationOrder,
    DateTime? DecidedAtUtc,
    string? DecisionReason,
    bool HasPaperApproval,
    DateOnly? HandedOverOn,
    DateOnly? ReturnedOn,
    IReadOnlyList<LoanLineView> Lines,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<ExtensionRow> Extensions,
    bool NeedsEndorsement,
    Domain.Calendar.WorkingCalendar Calendar)
{
    public int Days => DueOn.DayNumber - StartOn.DayNumber + 1;

    public bool IsOutsider => BorrowerKind.IsOutsider();

    public bool Can(LoanAction action) => LoanTransitions.Allows(Status, action);

    /// <summary>Overdue by the municipality's working calendar (loaded with the view).</summary>
    public bool IsOverdue(DateOnly today) => FollowUp.IsOverdue(Status, DueOn, today, Calendar);

    /// <summary>The handover window the working calendar gives this loan (what <see cref="Loan.HandoverWindow"/> answers).</summary>
    public Domain.Calendar.HandoverWindow HandoverWindow => new(Calendar.PickupFrom(StartOn), DueOn);

    public ExtensionRow? PendingExtension => Extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);

    /// <summary>The domain's own-request rule: the borrower, or who filed it unless an officer keyed it in.</summary>
    public bool IsOwnRequest(Actor actor) => Loan.IsOwnRequest(actor, BorrowerUserId, RequestedByUserId, KeyedInByOfficer);

    /// <summary>What the domain's person-rules ask of this loan (<see cref="LoanActions"/>), read from the view's history.</summary>
    public LoanFacts Facts => new(Status, Case, BorrowerKind, BorrowerUserId, BorrowerDivisionId, RequestedByUserId, KeyedInByOfficer, NeedsEndorsement,
        History.LastOrDefault(h => h.Summary is nameof(LoanAction.Endorse) or nameof(LoanAction.Resubmit))?.Summary == nameof(LoanAction.Endorse),
        ApprovedRole, History.LastOrDefault(h => h.Summary == Loan.PaperApprovedSummary)?.ActorUserId,
        History.LastOrDefault(h => h.Summary == nameof(LoanAction.Check))?.ActorUserId, DueOn, PendingExtension is not null);

    /// <summary>Which actions <paramref name="actor"/> may take on this loan now: every loan page's buttons come from this set.</summary>
    public IReadOnlySet<LoanAction> ActionsFor(Actor actor, LoanActionContext context) => LoanActions.For(Facts, actor, context);

    /// <summary>The settings, the day and the endorsing division the answer of <see cref="ActionsFor"/> depends on.</summary>
    public async Task<LoanActionContext> ActionContextAsync(AppDbContext db, DateOnly today, CancellationToken ct, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        settings ??= await Settings.LoadAsync(db, ct);
        var endorsing = NeedsEndorsement && Status == LoanStatus.Submitted ? await db.EndorsingDivisionAsync(BorrowerDivisionId, ct) : null;
        return new LoanActionContext(today, settings.Policy, Calendar, settings.SeparateDuties, endorsing);
    }

    public string ItemsText => LoanText.Items(Lines.Select(l => (l.ItemName, l.Quantity, l.UnitNoun)));

    /// <summary>
    /// Who may open the loan: the borrower or filer, supplies officers and approvers, the auditor, and the head of the
    /// borrower's division.
    /// </summary>
    public bool MayBeViewedBy(Actor actor) =>
        IsOwnRequest(actor) || actor.UserId == RequestedByUserId
        || actor.Has(Role.SuppliesOfficer) || actor.Has(Role.FinanceDirector) || actor.Has(Role.Executive) || actor.Has(Role.Auditor)
        || (actor.Has(Role.DivisionHead) && actor.DivisionId is not null && actor.DivisionId == BorrowerDivisionId);

    public static async Task<LoanView?> LoadAsync(AppDbContext db, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExpireIfStaleAsync(id, ct);
        var head = await (
            from l in db.Loans.AsNoTracking()
            join b in db.Borrowers on l.BorrowerId equals b.Id
            join d in db.Divisions on b.DivisionId equals d.Id into ds
            from d in ds.DefaultIfEmpty()
            where l.Id == id
            select new LoanViewSource
            {
                Loan = l,
                Borrower = b,
                BorrowerDivision = d == null ? null : d.Name,
                BorrowerAddress = Borrower.AddressLineOf(b.HouseNumber, b.Moo, b.Subdistrict, b.District, b.Province),
                HasPaperApproval = l.PaperApprovalPath != null,
            }).ProjectToHead().SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var lines = await db.LoanLines.AsNoTracking().Where(x => x.LoanId == id).OrderBy(x => x.Id)
            .Select(x => new LoanLineView(x.Id, x.CatalogueItemId, x.ItemName, x.Quantity, x.UnitNoun, x.IsPooled,
                x.Units.OrderBy(u => u.AssetNumber).Select(u => u.AssetNumber).ToList(), x.IssuedQuantity, x.ReturnedGood + x.ReturnedDamaged + x.ReturnedLost,
                x.ReturnsInKind, x.InKindReceipts.OrderBy(r => r.ReceivedAtUtc).ToList()))
            .ToListAsync(ct);
        var history = await db.Set<LoanHistoryEntry>().AsNoTracking().Where(h => h.LoanId == id).OrderBy(h => h.Id).ProjectToRow().ToListAsync(ct);
        var extensions = await db.Set<ExtensionRequest>().AsNoTracking().Where(e => e.LoanId == id).OrderBy(e => e.Id).ProjectToRow().ToListAsync(ct);
        var needsEndorsement = await db.Loans.Where(l => l.Id == id).Where(Loan.NeedsEndorsementRule).AnyAsync(ct);
        return head.ToView(lines, history, extensions, needsEndorsement, await db.WorkingCalendarAsync(ct));
    }
}

public sealed record LoanLineView(int Id, int CatalogueItemId, string ItemName, int Quantity, string UnitNoun, bool IsPooled, IReadOnlyList<string> AssetNumbers, int IssuedQuantity, int ReturnedQuantity,
    bool ReturnsInKind = false, IReadOnlyList<InKindReceipt>? InKindReceipts = null);

public sealed record HistoryRow(DateTime AtUtc, string ActorName, string? ActingRole, string Summary, LoanStatus? FromStatus, LoanStatus? ToStatus, string? Note, string? OnAuthorityOf, string? ActorUserId);

public sealed record ExtensionRow(int Id, DateOnly PreviousDueOn, DateOnly RequestedDueOn, string Reason, string RequestedByName, DateTime RequestedAtUtc, ExtensionStatus Status, string? DecidedByName, DateTime? DecidedAtUtc, string? DecisionNote);

/// <summary>
/// The loan, its borrower and the borrower's division as <see cref="LoanView.LoadAsync"/> joins them, with the values
/// computed in the query. Only an expression for <see cref="LoanViewMappings.ProjectToHead"/>: never materialized, so
/// the SQL reads the columns the head names, not the entities.
/// </summary>
public sealed class LoanViewSource
{
    public required Loan Loan { get; init; }

    public required Borrower Borrower { get; init; }

    public string? BorrowerDivision { get; init; }

    public required string BorrowerAddress { get; init; }

    public bool HasPaperApproval { get; init; }
}

/// <summary>
/// The one row <see cref="LoanView"/> reads from SQL: every property of the view but the separately loaded collections
/// and facts (lines, history, extensions, the endorsement rule, the calendar), which <see cref="LoanViewMappings.ToView"/>
/// takes as parameters.
/// </summary>
public sealed record LoanViewHead(
    int Id,
    string Reference,
    LoanStatus Status,
    LoanCase Case,
    BorrowerKind BorrowerKind,
    string BorrowerName,
    string? BorrowerContactPerson,
    string? BorrowerPhone,
    string BorrowerAddress,
    string? BorrowerDivision,
    string? BorrowerPosition,
    string? BorrowerUserId,
    int? BorrowerDivisionId,
    string? RequestedByUserId,
    bool KeyedInByOfficer,
    string Purpose,
    string Place,
    bool OffPremises,
    DateOnly StartOn,
    DateOnly DueOn,
    DateTime SubmittedAtUtc,
    string? UrgencyReason,
    string? AgencyLetterNumber,
    DateOnly? AgencyLetterOn,
    string? ApprovedByName,
    string? ApprovedRole,
    string? DelegationOrder,
    DateTime? DecidedAtUtc,
    string? DecisionReason,
    bool HasPaperApproval,
    DateOnly? HandedOverOn,
    DateOnly? ReturnedOn);

/// <summary>
/// Entity → view record projections (outward only). <see cref="RequiredMappingStrategy.Target"/> with warnings as errors:
/// a view property with no source, or a renamed one, breaks the build.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class LoanViewMappings
{
    public static partial IQueryable<HistoryRow> ProjectToRow(this IQueryable<LoanHistoryEntry> query);

    public static partial IQueryable<ExtensionRow> ProjectToRow(this IQueryable<ExtensionRequest> query);

    /// <summary>The head of <see cref="LoanView"/> in SQL: the loan's own columns, and the borrower's where the view names them.</summary>
    public static partial IQueryable<LoanViewHead> ProjectToHead(this IQueryable<LoanViewSource> query);

    /// <summary>The view from its head and the collections loaded beside it (each parameter fills the view property of its name).</summary>
    public static partial LoanView ToView(this LoanViewHead head, IReadOnlyList<LoanLineView> lines, IReadOnlyList<HistoryRow> history,
        IReadOnlyList<ExtensionRow> extensions, bool needsEndorsement, Domain.Calendar.WorkingCalendar calendar);

    [MapNestedProperties(nameof(LoanViewSource.Loan))]
    [MapProperty(nameof(@LoanViewSource.Loan.BorrowerUserId), nameof(LoanViewHead.BorrowerUserId))]
    [MapProperty(nameof(@LoanViewSource.Loan.BorrowerDivisionId), nameof(LoanViewHead.BorrowerDivisionId))]
    [MapProperty(nameof(@LoanViewSource.Borrower.Kind), nameof(LoanViewHead.BorrowerKind))]
    [MapProperty(nameof(@LoanViewSource.Borrower.Name), nameof(LoanViewHead.BorrowerName))]
    [MapProperty(nameof(@LoanViewSource.Borrower.ContactPerson), nameof(LoanViewHead.BorrowerContactPerson))]
    [MapProperty(nameof(@LoanViewSource.Borrower.Phone), nameof(LoanViewHead.BorrowerPhone))]
    [MapProperty(nameof(@LoanViewSource.Borrower.Position), nameof(LoanViewHead.BorrowerPosition))]
    private static partial LoanViewHead ToHead(LoanViewSource source);
}
