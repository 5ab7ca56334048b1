using System.Globalization;
using System.Linq.Expressions;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.People;

namespace AssetLoan.Domain.Loans;

/// <summary>
/// A loan request and its life (domain.md §5–§7). The status changes only through the verb methods below, each
/// guarded by <see cref="LoanTransitions"/> and the rules of §6; every change appends a history entry.
/// </summary>
public sealed partial class Loan
{
    public const int PurposeMaxLength = 500;
    public const int PlaceMaxLength = 300;

    /// <summary>The history summary of a request filed by the borrower (an officer's filing is "KeyedIn").</summary>
    public const string SubmittedSummary = "Submitted";

    /// <summary>
    /// Rule 4 as an expression the database can answer, so the endorsement list, the supplies queue and the pages ask
    /// exactly what <see cref="NeedsEndorsement"/> asks: a staff request needs its division head's endorsement unless
    /// the head of the borrower's division filed it for themselves (docs/decisions/0004) — they sign the division-head
    /// block of their own form. <see cref="Submit"/> records that fact as the acting role of the filing entry.
    /// </summary>
    public static readonly Expression<Func<Loan, bool>> NeedsEndorsementRule =
        l => l.BorrowerKind == BorrowerKind.Staff
            && !l.History.Any(h => h.Summary == SubmittedSummary && h.ActingRole == nameof(Role.DivisionHead));

    private static readonly Func<Loan, bool> NeedsEndorsementCheck = NeedsEndorsementRule.Compile();

    private readonly List<LoanLine> _lines = [];
    private readonly List<LoanHistoryEntry> _history = [];
    private readonly List<Demand> _demands = [];
    private readonly List<ExtensionRequest> _extensions = [];
    private readonly List<CompensationCase> _compensations = [];
    private LoanStatus _status;

    private Loan()
    {
    }

    public int Id { get; private set; }

    /// <summary>The running number within the fiscal year (gapless; assigned in the submitting transaction).</summary>
    public int Number { get; private set; }

    public int FiscalYear { get; private set; }

    /// <summary>"0012/2569".</summary>
    public string Reference { get; private set; } = "";

    public int BorrowerId { get; private set; }

    public BorrowerKind BorrowerKind { get; private set; }

    /// <summary>The staff borrower's account (separation of duties), null for outsiders.</summary>
    public string? BorrowerUserId { get; private set; }

    public int? BorrowerDivisionId { get; private set; }

    /// <summary>Who filed the request: the borrower, or the officer who keyed it in.</summary>
    public string? RequestedByUserId { get; private set; }

    public bool KeyedInByOfficer { get; private set; }

    public string Purpose { get; private set; } = "";

    public string Place { get; private set; } = "";

    public bool OffPremises { get; private set; }

    public DateOnly StartOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public LoanCase Case { get; private set; }

    public string? UrgencyReason { get; private set; }

    public string? AgencyLetterNumber { get; private set; }

    public DateOnly? AgencyLetterOn { get; private set; }

    /// <summary>
    /// Where the loan is in its life. Setting it marks every line as holding stock or not (<see cref="LoanLine.Holds"/>),
    /// so the availability query reads only the lines that hold, through their own index.
    /// </summary>
    public LoanStatus Status
    {
        get => _status;
        private set
        {
            _status = value;
            foreach (var line in _lines)
            {
                line.FollowStatus(value);
            }
        }
    }

    /// <summary>Private tracking token for outside applicants (/track/{token}).</summary>
    public string? TrackingToken { get; private set; }

    /// <summary>The key of the form render that filed this request: the same form posted again (Back, submit) files nothing new.</summary>
    public string? SubmissionKey { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? ApprovedByName { get; private set; }

    public string? ApprovedByUserId { get; private set; }

    public string? ApprovedRole { get; private set; }

    public string? DelegationOrder { get; private set; }

    public string? PaperApprovalPath { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateOnly? HandedOverOn { get; private set; }

    public string? HandedOverByName { get; private set; }

    public string? ReceiverName { get; private set; }

    public string? ReceiverSignaturePath { get; private set; }

    public DateOnly? ReturnedOn { get; private set; }

    public string? ReceivedBackByName { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<LoanLine> Lines => _lines;

    public IReadOnlyList<LoanHistoryEntry> History => _history;

    public IReadOnlyList<Demand> Demands => _demands;

    public IReadOnlyList<ExtensionRequest> Extensions => _extensions;

    public IReadOnlyList<CompensationCase> Compensations => _compensations;

    public int Days => DueOn.DayNumber - StartOn.DayNumber + 1;

    /// <summary>See <see cref="NeedsEndorsementRule"/>; the history must be loaded.</summary>
    public bool NeedsEndorsement => NeedsEndorsementCheck(this);

    /// <summary>
    /// Endorsed since the request was last filed: a request sent back and resubmitted with new dates or purpose needs
    /// the division head's endorsement again (rule 4).
    /// </summary>
    public bool IsEndorsed => _history.LastOrDefault(h => h.Action is LoanAction.Endorse or LoanAction.Resubmit)?.Action == LoanAction.Endorse;

    public bool HasOpenCompensation => _compensations.Any(c => !c.IsSettled);

    public ExtensionRequest? PendingExtension => _extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);

    public DateOnly DemandDeadline => FollowUp.DemandDeadline(DueOn);

    public static string FormatReference(int number, int fiscalYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{number:0000}/{fiscalYear}");

    /// <summary>
    /// Files a request (rules 1–3 of §6). <paramref name="items"/> maps each requested catalogue item id to the item.
    /// The number is assigned by the caller inside the same transaction that saves the loan.
    /// <paramref name="unitsOnHand"/> gives, for numbered items, how many lendable units the registry holds (a pool
    /// knows its own quantity); a request never asks for more than the municipality has.
    /// </summary>
    public static Loan Submit(LoanRequest request, Borrower borrower, IReadOnlyDictionary<int, CatalogueItem> items, Actor filedBy, int number, Calendar.FiscalYear fiscalYear, DateOnly today, DateTime nowUtc, IReadOnlyDictionary<int, int>? unitsOnHand = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(borrower);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(filedBy);
        // Rule 4: without a division nobody can endorse the request, so it would wait forever.
        DomainRuleException.ThrowIf(borrower.Kind == BorrowerKind.Staff && borrower.DivisionId is null, "Loan.StaffWithoutDivision",
            "The staff member belongs to no division, so no division head can endorse the request; an administrator must set the division.");
        ValidateText(request.Purpose, request.Place);
        ValidateDates(request.StartOn, request.DueOn, today);
        DomainRuleException.ThrowIf(request.Lines.Count == 0, "Loan.NoItems", "Choose at least one item.");
        DomainRuleException.ThrowIf(request.Lines.GroupBy(l => l.CatalogueItemId).Any(g => g.Count() > 1),
            "Loan.DuplicateItem", "Each item appears once; change its quantity instead.");

        var loan = new Loan
        {
            Number = number,
            FiscalYear = fiscalYear.BuddhistYear,
            Reference = FormatReference(number, fiscalYear.BuddhistYear),
            BorrowerId = borrower.Id,
            BorrowerKind = borrower.Kind,
            BorrowerUserId = borrower.UserId,
            BorrowerDivisionId = borrower.DivisionId,
            RequestedByUserId = filedBy.UserId,
            KeyedInByOfficer = filedBy.UserId is not null && filedBy.UserId != borrower.UserId,
            Purpose = request.Purpose.Trim(),
            Place = request.Place.Trim(),
            OffPremises = request.OffPremises,
            StartOn = request.StartOn,
            DueOn = request.DueOn,
            UrgencyReason = string.IsNullOrWhiteSpace(request.UrgencyReason) ? null : request.UrgencyReason.Trim(),
            AgencyLetterNumber = string.IsNullOrWhiteSpace(request.AgencyLetterNumber) ? null : request.AgencyLetterNumber.Trim(),
            AgencyLetterOn = request.AgencyLetterOn,
            TrackingToken = request.TrackingToken,
            SubmissionKey = string.IsNullOrWhiteSpace(request.SubmissionKey) ? null : request.SubmissionKey.Trim(),
            SubmittedAtUtc = nowUtc,
            Status = LoanStatus.Submitted,
        };

        foreach (var line in request.Lines)
        {
            DomainRuleException.ThrowIf(!items.TryGetValue(line.CatalogueItemId, out var item) || item.Retired,
                "Loan.UnknownItem", "An item in the request is not in the catalogue.");
            loan.AddLine(item!, line.Quantity, borrower.Kind, unitsOnHand);
        }

        var anyConsumable = request.Lines.Any(l => items[l.CatalogueItemId].IsConsumable);
        DomainRuleException.ThrowIf(anyConsumable && string.IsNullOrWhiteSpace(loan.UrgencyReason),
            "Loan.UrgencyReasonRequired", "Borrowing consumables needs an urgency reason.");
        loan.Case = ApprovalPolicy.Propose(borrower.Kind, request.OffPremises, anyConsumable);
        var headOfOwnDivision = borrower.Kind == BorrowerKind.Staff && filedBy.UserId is not null && filedBy.UserId == borrower.UserId
            && filedBy.Has(Role.DivisionHead) && borrower.DivisionId is not null && filedBy.DivisionId == borrower.DivisionId;
        loan.Record(nowUtc, filedBy, headOfOwnDivision ? nameof(Role.DivisionHead) : null, null, loan.KeyedInByOfficer ? "KeyedIn" : SubmittedSummary,
            null, LoanStatus.Submitted, null, loan.KeyedInByOfficer ? borrower.Name : null);
        return loan;
    }

    /// <summary>
    /// How long a second filing of the very same request by the same borrower is taken as the first one posted again
    /// (Back and submit, a reload, a second tap on a slow phone) rather than a new request.
    /// </summary>
    public static readonly TimeSpan ResubmissionWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether <paramref name="request"/>, filed at <paramref name="nowUtc"/>, is this request filed again: still in
    /// progress, filed within <see cref="ResubmissionWindow"/>, the same dates and the same items in the same
    /// quantities. (The same borrower is the caller's part.)
    /// </summary>
    public bool IsFiledAgainAs(LoanRequest request, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!LoanTransitions.IsInProgress(Status) || nowUtc - SubmittedAtUtc > ResubmissionWindow || nowUtc < SubmittedAtUtc
            || StartOn != request.StartOn || DueOn != request.DueOn)
        {
            return false;
        }

        var asked = request.Lines.Where(l => l.Quantity > 0).GroupBy(l => l.CatalogueItemId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        return asked.Count == _lines.Count && _lines.All(l => asked.TryGetValue(l.CatalogueItemId, out var q) && q == l.Quantity);
    }

    public bool Can(LoanAction action) => LoanTransitions.Allows(Status, action);

    /// <summary>What the person-rules of <see cref="LoanActions"/> ask of this loan. The history and extensions must be loaded.</summary>
    public LoanFacts Facts => new(Status, Case, BorrowerKind, BorrowerUserId, BorrowerDivisionId, RequestedByUserId, KeyedInByOfficer,
        NeedsEndorsement, IsEndorsed, ApprovedRole, _history.LastOrDefault(h => h.Summary == PaperApprovedSummary)?.ActorUserId,
        _history.LastOrDefault(h => h.Action == LoanAction.Check)?.ActorUserId, DueOn, PendingExtension is not null);

    /// <summary>Which actions <paramref name="actor"/> may take on this loan now (see <see cref="LoanActions.For"/>).</summary>
    public IReadOnlySet<LoanAction> ActionsFor(Actor actor, LoanActionContext context) => LoanActions.For(Facts, actor, context);

    private static void Refuse(string? code, string message)
    {
        if (code is not null)
        {
            throw new DomainRuleException(code, message);
        }
    }

    /// <summary>Whether <paramref name="actor"/> is the borrower or the person who filed the request (§2 separation of duties).</summary>
    public bool IsOwnRequest(Actor actor) => IsOwnRequest(actor, BorrowerUserId, RequestedByUserId, KeyedInByOfficer);

    /// <summary>The own-request rule for read models that carry the loan's parties but not the aggregate.</summary>
    public static bool IsOwnRequest(Actor actor, string? borrowerUserId, string? requestedByUserId, bool keyedInByOfficer)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId is not null && (actor.UserId == borrowerUserId || (actor.UserId == requestedByUserId && !keyedInByOfficer));
    }

    /// <summary>
    /// Why <paramref name="approver"/> may not approve or reject a request of <paramref name="loanCase"/> (or decide its
    /// extension): a rule code, or null when they may. Approve, Reject and DecideExtension throw on it; pages ask it
    /// before showing those buttons, so no button leads to a refusal.
    /// </summary>
    public static string? DecisionRefusal(Actor approver, ApprovalPolicy policy, LoanCase loanCase, bool isOwnRequest)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(policy);
        return isOwnRequest ? "Loan.ApproverIsRequester" : !policy.MayApprove(approver, loanCase) ? "Loan.ApproverRoleMismatch" : null;
    }

    private void EnsureMayDecide(Actor approver, ApprovalPolicy policy)
    {
        var refusal = DecisionRefusal(approver, policy, Case, IsOwnRequest(approver));
        DomainRuleException.ThrowIf(refusal == "Loan.ApproverIsRequester", refusal!, "Nobody approves their own request.");
        DomainRuleException.ThrowIf(refusal is not null, refusal!, $"This case is approved by {policy.ApproverFor(Case)}.");
    }

    /// <summary>
    /// Overdue is derived (domain.md §5): out, and today is after the last on-time return day of
    /// <paramref name="calendar"/> (the due date, or the first working day after it).
    /// </summary>
    public bool IsOverdue(DateOnly today, Calendar.WorkingCalendar calendar) => FollowUp.IsOverdue(Status, DueOn, today, calendar);

    /// <summary>
    /// Rule 6: the days this loan may be handed over — from the pickup day the working calendar allows before the
    /// start to the due date. The handover guard and the handover page ask this one question.
    /// </summary>
    public Calendar.HandoverWindow HandoverWindow(Calendar.WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new Calendar.HandoverWindow(calendar.PickupFrom(StartOn), DueOn);
    }

    /// <summary>
    /// Rule 4. <paramref name="endorsingDivisionId"/> is the division whose head endorses (see
    /// <see cref="EndorsementRouting"/>): the borrower's own, or the fallback division when the borrower's has no head.
    /// </summary>
    public void Endorse(Actor head, DateTime nowUtc, int? endorsingDivisionId = null)
    {
        LoanTransitions.Require(Status, LoanAction.Endorse);
        var refusal = LoanActions.EndorseRefusal(Facts, head, endorsingDivisionId);
        Refuse(refusal, refusal switch
        {
            "Loan.EndorsementStaffOnly" => "Only staff requests are endorsed.",
            "Loan.EndorsementNotNeeded" => "The head of the borrower's division filed this request; it goes straight to the supplies check.",
            "Loan.EndorserNotHead" => "Only a division head endorses.",
            "Loan.EndorserOtherDivision" => "A division head endorses only their own division's requests.",
            _ => "Nobody endorses their own request.",
        });
        var division = endorsingDivisionId ?? BorrowerDivisionId;
        Move(LoanAction.Endorse, LoanStatus.Endorsed, head, nameof(Role.DivisionHead), nowUtc,
            division != BorrowerDivisionId ? EndorsementRouting.FallbackNote : null);
    }

    public void SendBack(Actor actor, string reason, DateTime nowUtc, int? endorsingDivisionId = null)
    {
        LoanTransitions.Require(Status, LoanAction.SendBack);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "Loan.ReasonRequired", "State the reason.");
        var role = LoanActions.SendBackRole(Facts, actor);
        var refusal = LoanActions.SendBackRefusal(Facts, actor, endorsingDivisionId);
        Refuse(refusal, refusal switch
        {
            "Loan.NotAllowed" => "You may not send this request back.",
            "Loan.EndorserOtherDivision" => "A division head sends back only their own division's requests.",
            _ => "Nobody acts on their own request.",
        });
        ReleaseReservations();
        DecisionReason = reason.Trim();
        Move(LoanAction.SendBack, LoanStatus.SentBack, actor, role.ToString(), nowUtc, reason);
    }

    /// <summary>
    /// The borrower corrects a sent-back request and files it again under the same number: purpose, place, dates and
    /// — when <see cref="LoanRequestEdit.Lines"/> is given — the items and quantities (0 removes a line). The new
    /// content obeys the rules of a new request: each item's maximum loan days and audience (<paramref name="items"/>
    /// holds every catalogue item of the old and new lines), the stock on hand (<paramref name="unitsOnHand"/>, numbered
    /// items) and, when given, what is free for the new dates (<paramref name="availability"/>, see
    /// <see cref="ShortLines"/>). The history entry says what changed.
    /// </summary>
    public void Resubmit(Actor actor, LoanRequestEdit edit, IReadOnlyDictionary<int, CatalogueItem> items, DateOnly today, DateTime nowUtc,
        IReadOnlyDictionary<int, int>? unitsOnHand = null, IReadOnlyDictionary<int, ItemAvailability>? availability = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(items);
        LoanTransitions.Require(Status, LoanAction.Resubmit);
        Refuse(LoanActions.ResubmitRefusal(Facts, actor), "Only the borrower resubmits a request.");
        ValidateText(edit.Purpose, edit.Place);
        ValidateDates(edit.StartOn, edit.DueOn, today);
        var wanted = WantedLines(edit);
        var days = edit.DueOn.DayNumber - edit.StartOn.DayNumber + 1;
        foreach (var line in wanted)
        {
            var old = _lines.FirstOrDefault(l => l.CatalogueItemId == line.CatalogueItemId);
            if (!items.TryGetValue(line.CatalogueItemId, out var item))
            {
                DomainRuleException.ThrowIf(old is null || old.Quantity != line.Quantity, "Loan.UnknownItem", "An item in the request is not in the catalogue.");
                continue;
            }

            DomainRuleException.ThrowIf(old is null && item.Retired, "Loan.UnknownItem", "An item in the request is not in the catalogue.");
            ValidateLine(item, line.Quantity, BorrowerKind, days, unitsOnHand);
        }

        var shortages = availability is null ? [] : ShortLines(wanted, availability);
        if (shortages.Count > 0)
        {
            throw new DomainRuleException("Loan.NotEnoughAvailable", "Not enough of an item is free for these dates.")
            {
                Details = shortages.Select(s => s.CatalogueItemId.ToString(CultureInfo.InvariantCulture)).ToList(),
            };
        }

        var anyConsumable = wanted.Any(l => items.TryGetValue(l.CatalogueItemId, out var item) ? item.IsConsumable : Case == LoanCase.ConsumableInterAgency);
        DomainRuleException.ThrowIf(anyConsumable && string.IsNullOrWhiteSpace(UrgencyReason),
            "Loan.UrgencyReasonRequired", "Borrowing consumables needs an urgency reason.");

        var changes = DescribeChanges(edit, wanted, items);
        Purpose = edit.Purpose.Trim();
        Place = edit.Place.Trim();
        StartOn = edit.StartOn;
        DueOn = edit.DueOn;
        ReplaceLines(wanted, items);
        if (anyConsumable != (Case == LoanCase.ConsumableInterAgency))
        {
            Case = ApprovalPolicy.Propose(BorrowerKind, OffPremises, anyConsumable);
        }

        DecisionReason = null;
        Move(LoanAction.Resubmit, LoanStatus.Submitted, actor, null, nowUtc, changes);
    }

    /// <summary>
    /// The lines of <paramref name="lines"/> that ask more than <paramref name="availability"/> leaves free (an item
    /// missing from it counts as none free), with what is free. The public and staff forms put each beside its field.
    /// </summary>
    public static IReadOnlyList<Shortage> ShortLines(IEnumerable<RequestedLine> lines, IReadOnlyDictionary<int, ItemAvailability> availability)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(availability);
        return lines.Where(l => l.Quantity > 0)
            .Select(l => new Shortage(l.CatalogueItemId, l.Quantity, availability.TryGetValue(l.CatalogueItemId, out var f) ? f.FreeQuantity : 0))
            .Where(s => s.Requested > s.Free)
            .ToList();
    }

    private List<RequestedLine> WantedLines(LoanRequestEdit edit)
    {
        if (edit.Lines is null)
        {
            return _lines.Select(l => new RequestedLine(l.CatalogueItemId, l.Quantity)).ToList();
        }

        DomainRuleException.ThrowIf(edit.Lines.Any(l => l.Quantity < 0), "Loan.QuantityMin", "The quantity must be at least 1.");
        var wanted = edit.Lines.Where(l => l.Quantity > 0).ToList();
        DomainRuleException.ThrowIf(wanted.Count == 0, "Loan.NoItems", "Choose at least one item.");
        DomainRuleException.ThrowIf(wanted.GroupBy(l => l.CatalogueItemId).Any(g => g.Count() > 1),
            "Loan.DuplicateItem", "Each item appears once; change its quantity instead.");
        return wanted;
    }

    /// <summary>"เก้าอี้พลาสติก 100 → 60 ตัว; วันที่ 5–7 ธ.ค. 2569 → 12–13 ธ.ค. 2569; แก้ไขวัตถุประสงค์" (the history note; no free text of the borrower).</summary>
    private string? DescribeChanges(LoanRequestEdit edit, IReadOnlyList<RequestedLine> wanted, IReadOnlyDictionary<int, CatalogueItem> items)
    {
        var changes = new List<RequestChange>();
        foreach (var line in _lines)
        {
            var now = wanted.FirstOrDefault(w => w.CatalogueItemId == line.CatalogueItemId)?.Quantity ?? 0;
            if (now != line.Quantity)
            {
                changes.Add(new RequestChange.Quantity(line.ItemName, line.Quantity, now, line.UnitNoun));
            }
        }

        foreach (var line in wanted.Where(w => _lines.All(l => l.CatalogueItemId != w.CatalogueItemId)))
        {
            var item = items[line.CatalogueItemId];
            changes.Add(new RequestChange.Quantity(item.Name, 0, line.Quantity, item.UnitNoun));
        }

        if (edit.StartOn != StartOn || edit.DueOn != DueOn)
        {
            changes.Add(new RequestChange.Dates(StartOn, DueOn, edit.StartOn, edit.DueOn));
        }

        if (edit.Purpose.Trim() != Purpose)
        {
            changes.Add(new RequestChange.Purpose());
        }

        if (edit.Place.Trim() != Place)
        {
            changes.Add(new RequestChange.Place());
        }

        return changes.Count == 0 ? null : RequestChangeNote.Write(changes);
    }

    private void ReplaceLines(IReadOnlyList<RequestedLine> wanted, IReadOnlyDictionary<int, CatalogueItem> items)
    {
        _lines.RemoveAll(l => wanted.All(w => w.CatalogueItemId != l.CatalogueItemId));
        foreach (var line in wanted)
        {
            var existing = _lines.FirstOrDefault(l => l.CatalogueItemId == line.CatalogueItemId);
            if (existing is null)
            {
                AttachLine(new LoanLine(items[line.CatalogueItemId], line.Quantity));
            }
            else
            {
                existing.ChangeQuantity(line.Quantity);
            }
        }
    }

    /// <summary>
    /// The supplies check: confirm the loan case and reserve — numbered units one by one, pool quantities as counts —
    /// against what every other holding loan leaves free (<paramref name="availability"/>, computed inside the same
    /// transaction that saves this loan).
    /// </summary>
    public void Check(Actor officer, LoanCase confirmedCase, IReadOnlyDictionary<int, IReadOnlyList<Asset>> unitsByLine, IReadOnlyDictionary<int, ItemAvailability> availability, DateOnly today, DateTime nowUtc, bool separateDuties = true)
    {
        ArgumentNullException.ThrowIfNull(unitsByLine);
        ArgumentNullException.ThrowIfNull(availability);
        LoanTransitions.Require(Status, LoanAction.Check);
        var refusal = LoanActions.CheckRefusal(Facts, officer, separateDuties);
        Refuse(refusal, refusal switch
        {
            "Loan.CheckOfficerOnly" => "Only a supplies officer checks requests.",
            "Loan.KeyedInBySameOfficer" => KeyedInBySameOfficerMessage,
            "Loan.NotEndorsed" => "The division head has not endorsed this request.",
            _ => "Nobody acts on their own request.",
        });
        DomainRuleException.ThrowIf(StartOn < today, "Loan.StartPassed", "The start date has passed; send the request back for new dates.");
        DomainRuleException.ThrowIf(BorrowerKind != BorrowerKind.Agency && confirmedCase is LoanCase.InterAgency or LoanCase.ConsumableInterAgency,
            "Loan.CaseNeedsAgency", "Only another government agency borrows inter-agency.");
        DomainRuleException.ThrowIf(BorrowerKind == BorrowerKind.Agency && confirmedCase is LoanCase.OnPremises or LoanCase.OffPremises,
            "Loan.AgencyCase", "A government agency borrows inter-agency.");

        // Lines change only on resubmission, which proposes the case again, so the proposed case tells whether consumables are borrowed.
        DomainRuleException.ThrowIf((Case == LoanCase.ConsumableInterAgency) != (confirmedCase == LoanCase.ConsumableInterAgency),
            "Loan.ConsumableCase", "Consumables are the consumable inter-agency case, and only they are.");

        foreach (var line in _lines)
        {
            var free = availability[line.CatalogueItemId];
            if (line.IsPooled)
            {
                DomainRuleException.ThrowIf(line.Quantity > free.FreeQuantity, "Loan.NotEnoughAvailable",
                    $"Only {free.FreeQuantity} of {line.ItemName} are free for these dates.");
                continue;
            }

            var units = unitsByLine.TryGetValue(line.Id, out var u) ? u : [];
            DomainRuleException.ThrowIf(units.Count != line.Quantity, "Loan.UnitCountMismatch",
                $"Choose exactly {line.Quantity} units of {line.ItemName}.");

            // Each unit being free is not enough: another loan whose reserved unit broke on the shelf needs one of them.
            DomainRuleException.ThrowIf(line.Quantity > free.FreeQuantity, "Loan.NotEnoughAvailable",
                $"Only {free.FreeQuantity} of {line.ItemName} are free for these dates.");
            DomainRuleException.ThrowIf(units.Select(a => a.Id).Distinct().Count() != units.Count, "Loan.UnitTwice", "A unit is chosen twice.");
            foreach (var asset in units)
            {
                DomainRuleException.ThrowIf(asset.CatalogueItemId != line.CatalogueItemId, "Loan.UnitWrongItem",
                    $"{asset.AssetNumber} is not a unit of {line.ItemName}.");
                DomainRuleException.ThrowIf(!asset.IsLendable, "Loan.UnitNotLendable", $"{asset.AssetNumber} cannot be lent (repair, lost or retired).");
                DomainRuleException.ThrowIf(free.HeldAssetIds.Contains(asset.Id), "Loan.NotEnoughAvailable",
                    $"{asset.AssetNumber} is already reserved for these dates.");
            }

            line.Reserve(units);
        }

        Case = confirmedCase;
        Move(LoanAction.Check, LoanStatus.Checked, officer, nameof(Role.SuppliesOfficer), nowUtc, null);
    }

    /// <summary>
    /// Approval by the authority for the case. Re-checks that the reservation still fits what other <em>approved</em>
    /// loans hold (<paramref name="firmAvailability"/>), so two approvals never lend the same unit or more than the pool.
    /// </summary>
    public void Approve(Actor approver, ApprovalPolicy policy, string? delegationOrder, bool asDelegate, IReadOnlyDictionary<int, ItemAvailability> firmAvailability, IReadOnlyDictionary<int, Asset> reservedAssets, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        LoanTransitions.Require(Status, LoanAction.Approve);
        EnsureMayDecide(approver, policy);
        DomainRuleException.ThrowIf(asDelegate && string.IsNullOrWhiteSpace(delegationOrder), "Loan.DelegationOrderRequired",
            "A delegate records the delegation order number.");
        EnsureStartNotPassed(nowUtc);
        EnsureStillAvailable(firmAvailability, reservedAssets);
        ApprovedByUserId = approver.UserId;
        ApprovedByName = approver.Name;
        ApprovedRole = ActingRole(approver, policy).ToString();
        DelegationOrder = string.IsNullOrWhiteSpace(delegationOrder) ? null : delegationOrder.Trim();
        DecidedAtUtc = nowUtc;
        Move(LoanAction.Approve, LoanStatus.Approved, approver, ApprovedRole, nowUtc, DelegationOrder is null ? null : $"คำสั่งมอบอำนาจ {DelegationOrder}");
    }

    /// <summary>
    /// An officer records an approval signed on paper; the history names the signer as the authority. The loan then
    /// waits for <see cref="ConfirmPaperApproval"/> before anything is handed over (issue 14 §9).
    /// </summary>
    public void RecordPaperApproval(Actor officer, string approverName, Role approverRole, string? delegationOrder, string attachmentPath, ApprovalPolicy policy, IReadOnlyDictionary<int, ItemAvailability> firmAvailability, IReadOnlyDictionary<int, Asset> reservedAssets, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        LoanTransitions.Require(Status, LoanAction.RecordPaperApproval);
        var refusal = LoanActions.PaperApprovalRefusal(Facts, officer);
        Refuse(refusal, refusal == "Loan.PaperOfficerOnly" ? "Only a supplies officer records a paper approval." : "Nobody acts on their own request.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(approverName), "Loan.PaperApproverRequired", "Name who signed the approval.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(attachmentPath), "Loan.PaperAttachmentRequired", "Attach the scanned signed form.");
        DomainRuleException.ThrowIf(approverRole != policy.ApproverFor(Case) && approverRole != Role.Executive, "Loan.ApproverRoleMismatch",
            $"This case is approved by {policy.ApproverFor(Case)}.");
        EnsureStartNotPassed(nowUtc);
        EnsureStillAvailable(firmAvailability, reservedAssets);
        ApprovedByUserId = null;
        ApprovedByName = approverName.Trim();
        ApprovedRole = approverRole.ToString();
        DelegationOrder = string.IsNullOrWhiteSpace(delegationOrder) ? null : delegationOrder.Trim();
        PaperApprovalPath = attachmentPath;
        DecidedAtUtc = nowUtc;
        Move(LoanAction.Approve, LoanStatus.PaperApproved, officer, nameof(Role.SuppliesOfficer), nowUtc, DelegationOrder, PaperApprovedSummary, ApprovedByName);
    }

    /// <summary>
    /// Issue 14 §9: a paper approval counts once someone other than the officer who recorded it confirms it in the
    /// system — the approver named on the paper (or the Executive), or a second supplies officer. Nobody who filed the
    /// request, checked it or recorded the paper confirms it (<see cref="ConfirmationRefusal(Actor)"/>).
    /// </summary>
    public void ConfirmPaperApproval(Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        LoanTransitions.Require(Status, LoanAction.ConfirmApproval);
        var refusal = ConfirmationRefusal(actor);
        DomainRuleException.ThrowIf(refusal is not null, refusal!, refusal switch
        {
            "Loan.ConfirmOwnPaper" => "The officer who recorded the paper approval cannot confirm it.",
            "Loan.ConfirmByChecker" => "The officer who checked the request cannot confirm its paper approval.",
            "Loan.ConfirmByRequester" => "Whoever filed or borrows the request cannot confirm its approval.",
            _ => $"The approval is confirmed by the {ApprovedRole} named on it or by another supplies officer.",
        });
        var named = Enum.TryParse<Role>(ApprovedRole, out var r) && actor.Has(r) ? r : actor.Has(Role.Executive) ? Role.Executive : Role.SuppliesOfficer;
        Move(LoanAction.ConfirmApproval, LoanStatus.Approved, actor, named.ToString(), nowUtc, null, ApprovalConfirmedSummary, ApprovedByName);
    }

    /// <summary>The history summary of a paper approval recorded by an officer.</summary>
    public const string PaperApprovedSummary = "Approved.Paper";

    /// <summary>The history summary of a paper approval confirmed in the system.</summary>
    public const string ApprovalConfirmedSummary = "ConfirmApproval";

    /// <summary>Why <paramref name="actor"/> may not confirm this loan's paper approval: a rule code, or null. The history must be loaded.</summary>
    public string? ConfirmationRefusal(Actor actor) =>
        ConfirmationRefusal(actor, ApprovedRole, _history.LastOrDefault(h => h.Summary == PaperApprovedSummary)?.ActorUserId,
            _history.LastOrDefault(h => h.Action == LoanAction.Check)?.ActorUserId, BorrowerUserId, RequestedByUserId);

    /// <summary>The confirmation rule for read models that carry the loan's parties but not the aggregate.</summary>
    public static string? ConfirmationRefusal(Actor actor, string? approvedRole, string? recordedByUserId, string? checkedByUserId, string? borrowerUserId, string? requestedByUserId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is null)
        {
            return "Loan.ConfirmerRole";
        }

        if (actor.UserId == recordedByUserId)
        {
            return "Loan.ConfirmOwnPaper";
        }

        if (actor.UserId == borrowerUserId || actor.UserId == requestedByUserId)
        {
            return "Loan.ConfirmByRequester";
        }

        if (actor.UserId == checkedByUserId)
        {
            return "Loan.ConfirmByChecker";
        }

        var isNamedApprover = (Enum.TryParse<Role>(approvedRole, out var role) && actor.Has(role)) || actor.Has(Role.Executive);
        return isNamedApprover || actor.Has(Role.SuppliesOfficer) ? null : "Loan.ConfirmerRole";
    }

    /// <summary>
    /// Issue 14 §9, setting <c>Security.SeparateDuties</c>: the officer who keyed in a request on a borrower's behalf
    /// neither checks it nor hands it over. A rule code, or null; Check and HandOver throw on it, pages hide the button.
    /// </summary>
    public string? DutyRefusal(Actor actor, LoanAction action, bool separateDuties) =>
        DutyRefusal(actor, action, separateDuties, RequestedByUserId, KeyedInByOfficer);

    /// <summary>The separation rule for read models that carry who filed the request.</summary>
    public static string? DutyRefusal(Actor actor, LoanAction action, bool separateDuties, string? requestedByUserId, bool keyedInByOfficer)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return separateDuties && action is LoanAction.Check or LoanAction.HandOver && keyedInByOfficer
            && actor.UserId is not null && actor.UserId == requestedByUserId
            ? "Loan.KeyedInBySameOfficer"
            : null;
    }

    private const string KeyedInBySameOfficerMessage = "The officer who keyed in a request neither checks it nor hands it over.";

    public void Reject(Actor approver, ApprovalPolicy policy, string reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        LoanTransitions.Require(Status, LoanAction.Reject);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "Loan.ReasonRequired", "State the reason.");
        EnsureMayDecide(approver, policy);
        ReleaseReservations();
        DecisionReason = reason.Trim();
        DecidedAtUtc = nowUtc;
        Move(LoanAction.Reject, LoanStatus.Rejected, approver, ActingRole(approver, policy).ToString(), nowUtc, reason);
    }

    /// <summary>By the borrower (or the outside applicant through the tracking link) or an officer, before handover.</summary>
    public void Cancel(Actor actor, string? reason, DateTime nowUtc)
    {
        LoanTransitions.Require(Status, LoanAction.Cancel);
        Refuse(LoanActions.CancelRefusal(Facts, actor), "Only the borrower or a supplies officer cancels a request.");
        DomainRuleException.ThrowIf(!IsOwnRequest(actor) && actor.UserId is not null && string.IsNullOrWhiteSpace(reason),
            "Loan.ReasonRequired", "State the reason.");
        ReleaseReservations();
        CancelledAtUtc = nowUtc;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? DecisionReason : reason.Trim();
        Move(LoanAction.Cancel, LoanStatus.Cancelled, actor, null, nowUtc, reason);
    }

    /// <summary>
    /// The borrower agreed to take fewer items (issue 11 §3: the shelf will be short on the day, or the officer asked):
    /// before the handover a supplies officer lowers line quantities — to none drops the line — and writes down how the
    /// borrower agreed. A numbered line keeps exactly the reserved units named. Quantities only go down here; more needs
    /// a new check and approval. The loan keeps its number, status and approval.
    /// </summary>
    public void ReduceByAgreement(Actor officer, IReadOnlyList<LineReduction> reductions, string agreement, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(reductions);
        LoanTransitions.Require(Status, LoanAction.Reduce);
        var refusal = LoanActions.OfficerRefusal(Facts, officer, "Loan.ReduceOfficerOnly");
        Refuse(refusal, refusal == "Loan.OwnRequest" ? "Nobody acts on their own request." : "Only a supplies officer records a reduction.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(agreement), "Loan.AgreementRequired", "Write down how and when the borrower agreed.");

        var changed = new List<(LoanLine Line, LineReduction To)>();
        foreach (var r in reductions)
        {
            var line = _lines.SingleOrDefault(l => l.Id == r.LineId)
                ?? throw new DomainRuleException("Loan.UnknownLine", "The line is not part of this loan.");
            DomainRuleException.ThrowIf(r.Quantity < 0 || r.Quantity > line.Quantity, "Loan.ReduceOnlyDown",
                $"Between 0 and {line.Quantity} {line.UnitNoun}: a reduction never adds.", line.Id);
            if (r.Quantity == line.Quantity)
            {
                continue;
            }

            if (!line.IsPooled && line.Units.Count > 0)
            {
                var keep = r.KeepAssetIds ?? [];
                DomainRuleException.ThrowIf(keep.Count != r.Quantity || keep.Distinct().Count() != keep.Count || keep.Any(id => line.Units.All(u => u.AssetId != id)),
                    "Loan.ReduceUnitsMismatch", $"Choose {r.Quantity} of the reserved units to keep.", line.Id);
            }

            changed.Add((line, r));
        }

        DomainRuleException.ThrowIf(changed.Count == 0, "Loan.NothingReduced", "No quantity was lowered.");
        DomainRuleException.ThrowIf(_lines.All(l => changed.Any(c => c.Line == l && c.To.Quantity == 0)), "Loan.ReduceToNothing",
            "Nothing would be left: cancel the request with a reason instead.");

        var note = string.Join("; ", changed.Select(c => $"{c.Line.ItemName} {c.Line.Quantity} → {c.To.Quantity} {c.Line.UnitNoun}"));
        foreach (var (line, to) in changed)
        {
            line.ReduceTo(to.Quantity, to.KeepAssetIds);
        }

        _lines.RemoveAll(l => l.Quantity == 0);
        Move(LoanAction.Reduce, Status, officer, nameof(Role.SuppliesOfficer), nowUtc, $"{note} — {agreement.Trim()}");
    }

    /// <summary>
    /// Approved but not picked up <paramref name="afterDays"/> days after the start date, or not by the due date (after
    /// which a handover is no longer allowed, so the reservation would only block others); or never decided although
    /// the start date has passed (a request nobody approved in time cannot be approved any more, domain.md §5).
    /// </summary>
    public bool ShouldExpire(DateOnly today, int afterDays) =>
        (LoanTransitions.AwaitsPickup(Status) && today > PickupDeadline(StartOn, DueOn, afterDays))
        || (LoanTransitions.IsUndecided(Status) && today > StartOn);

    /// <summary>The last day an approved loan may be picked up before it expires (see <see cref="ShouldExpire"/>).</summary>
    public static DateOnly PickupDeadline(DateOnly startOn, DateOnly dueOn, int afterDays)
    {
        var byDays = startOn.AddDays(afterDays);
        return byDays < dueOn ? byDays : dueOn;
    }

    /// <summary>The history summary of a request that expired before anyone approved it.</summary>
    public const string ExpiredUndecidedSummary = "Expire.Undecided";

    public void Expire(DateOnly today, int afterDays, DateTime nowUtc)
    {
        LoanTransitions.Require(Status, LoanAction.Expire);
        DomainRuleException.ThrowIf(!ShouldExpire(today, afterDays), "Loan.NotYetExpired", "The pickup window has not passed.");
        var summary = LoanTransitions.AwaitsPickup(Status) ? nameof(LoanAction.Expire) : ExpiredUndecidedSummary;
        ReleaseReservations();
        Move(LoanAction.Expire, LoanStatus.Expired, Actor.System, null, nowUtc, null, summary, null);
    }

    /// <summary>
    /// Handover (rule 6): within the <see cref="HandoverWindow"/> of <paramref name="calendar"/> (from the pickup day the
    /// working calendar allows before the start, to the due date); numbered units one by one from those reserved for
    /// this loan; pool quantities as counts; each line's value at the time of borrowing is snapshotted (§7). Re-checked
    /// against the availability truth (<paramref name="shelf"/>, computed in the same transaction): nothing is issued
    /// that is not on the shelf or that a firm commitment of another loan needs. A reserved unit that is not on the
    /// shelf (still out, under repair, lost) may be replaced by another free unit of the same item; the substitution is
    /// recorded in the history.
    /// </summary>
    public void HandOver(Actor officer, IReadOnlyList<LineIssue> issues, IReadOnlyDictionary<int, Asset> assets, IReadOnlyDictionary<int, CatalogueItem> items, ShelfCheck shelf, string receiverName, bool receiverAcknowledged, string? signaturePath, DateOnly today, DateTime nowUtc, Calendar.WorkingCalendar calendar, bool separateDuties = true)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(shelf);
        ArgumentNullException.ThrowIfNull(calendar);
        LoanTransitions.Require(Status, LoanAction.HandOver);
        var refusal = LoanActions.HandOverRefusal(Facts, officer, separateDuties);
        Refuse(refusal, refusal switch
        {
            "Loan.HandoverOfficerOnly" => "Only a supplies officer hands items over.",
            "Loan.KeyedInBySameOfficer" => KeyedInBySameOfficerMessage,
            _ => "Nobody acts on their own request.",
        });
        var window = HandoverWindow(calendar);
        DomainRuleException.ThrowIf(window.NotYetOpen(today), "Loan.HandoverNotYet", $"Items may be picked up from {window.From:yyyy-MM-dd}.");
        DomainRuleException.ThrowIf(window.Closed(today), "Loan.HandoverOutsidePeriod", "Items are handed over only within the approved period.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(receiverName), "Loan.ReceiverRequired", "Name the person who receives the items.");
        DomainRuleException.ThrowIf(!receiverAcknowledged, "Loan.ReceiverAcknowledgementRequired", "The receiver must acknowledge receipt.");

        DomainRuleException.ThrowIf(issues.Any(i => _lines.All(l => l.Id != i.LineId)), "Loan.UnknownLine", "The line is not part of this loan.");
        var total = 0;
        var substitutions = new List<string>();
        foreach (var line in _lines)
        {
            var issue = issues.FirstOrDefault(i => i.LineId == line.Id) ?? new LineIssue(line.Id, [], 0, null);
            var item = items[line.CatalogueItemId];
            var firm = shelf.Firm[line.CatalogueItemId];
            if (line.IsPooled)
            {
                DomainRuleException.ThrowIf(issue.PoolQuantity < 0 || issue.PoolQuantity > line.Quantity, "Loan.IssueOverApproved",
                    $"At most {line.Quantity} {line.UnitNoun} of {line.ItemName} were approved.");
                if (issue.PoolQuantity > firm.FreeQuantity)
                {
                    throw new DomainRuleException("Loan.NotOnShelf", $"Only {firm.FreeQuantity} {line.UnitNoun} of {line.ItemName} can be issued.")
                    {
                        Details = [$"{line.ItemName} {firm.FreeQuantity}/{issue.PoolQuantity} {line.UnitNoun}", .. firm.ReferencesHolding(null)],
                    };
                }

                line.Issue([], issue.PoolQuantity, item.PoolValueAt(today), _ => 0, issue.Note, nowUtc);
                total += issue.PoolQuantity;
                continue;
            }

            var ids = issue.AssetIds.Distinct().ToList();
            DomainRuleException.ThrowIf(ids.Count > line.Quantity, "Loan.IssueOverApproved",
                $"At most {line.Quantity} {line.UnitNoun} of {line.ItemName} were approved.");
            var replaceable = ReservedNotOnShelf(line, assets, firm).Where(u => !ids.Contains(u.AssetId)).ToList();

            // A unit reserved for this loan may be held by another loan between today and this loan's start (an early
            // pickup): issuing it would lend it twice on those days. Every such unit is named with the loan that holds
            // it, before anything is issued; the officer substitutes them or hands over on the start day.
            var heldOwn = ids.Where(id => line.Units.Any(u => u.AssetId == id) && firm.HeldAssetIds.Contains(id) && assets.ContainsKey(id))
                .Select(id => assets[id]).OrderBy(a => a.AssetNumber, StringComparer.Ordinal).ToList();
            if (heldOwn.Count > 0)
            {
                throw new DomainRuleException("Loan.ReservedUnitHeld", $"{string.Join(", ", heldOwn.Select(a => a.AssetNumber))} held by another loan before this loan's start.")
                {
                    Details = [.. heldOwn.Select(a => $"{a.AssetNumber} ({string.Join(", ", firm.ReferencesHolding(a.Id))})")],
                };
            }

            var units = new List<Asset>();
            foreach (var assetId in ids)
            {
                DomainRuleException.ThrowIf(!assets.TryGetValue(assetId, out var asset), "Loan.UnitUnknown", "Unknown asset.");
                var substitute = EnsureIssuable(line, asset!, replaceable.Count);

                if (substitute)
                {
                    var all = shelf.All[line.CatalogueItemId];
                    if (all.HeldAssetIds.Contains(asset!.Id))
                    {
                        throw new DomainRuleException("Loan.SubstituteHeld", $"{asset.AssetNumber} is held by another loan.")
                        {
                            Details = [asset.AssetNumber, .. all.ReferencesHolding(asset.Id)],
                        };
                    }

                    substitutions.Add($"{replaceable[0].AssetNumber} → {asset.AssetNumber}");
                    replaceable.RemoveAt(0);
                }

                asset!.MarkOnLoan();
                units.Add(asset);
            }

            line.Issue(units, 0, null, a => Depreciation.ValueAt(a.Price, a.AcquiredOn, item.UsefulLifeYears, item.SalvageValue, today).Amount, issue.Note, nowUtc);
            total += units.Count;
        }

        DomainRuleException.ThrowIf(total == 0, "Loan.NothingIssued", "Issue at least one item.");
        foreach (var substitution in substitutions)
        {
            // ข้อ ๖ of domain.md §6: a substitution at the counter is recorded, and the audit trail keeps the saved units.
            Record(nowUtc, officer, nameof(Role.SuppliesOfficer), null, UnitSubstitutedSummary, null, null, substitution, null);
        }

        HandedOverOn = today;
        HandedOverByName = officer.Name;
        ReceiverName = receiverName.Trim();
        ReceiverSignaturePath = signaturePath;
        Move(LoanAction.HandOver, LoanStatus.HandedOver, officer, nameof(Role.SuppliesOfficer), nowUtc, null);
    }

    /// <summary>The history summary of a unit substituted at the counter (the note says which for which).</summary>
    public const string UnitSubstitutedSummary = "UnitSubstituted";

    /// <summary>
    /// Rule 6 for one scanned or typed unit: it must be a unit of the line's item and reserved for this loan, or — when
    /// a reserved unit is not on the shelf — another unit of the item that is on the shelf (a substitute).
    /// <paramref name="assets"/> holds the line's reserved units as the registry has them now. The handover form asks
    /// this per field before the whole handover is saved.
    /// </summary>
    public void EnsureIssuable(int lineId, Asset asset, IReadOnlyDictionary<int, Asset>? assets = null, ItemAvailability? firm = null)
    {
        var line = _lines.SingleOrDefault(l => l.Id == lineId)
            ?? throw new DomainRuleException("Loan.UnknownLine", "The line is not part of this loan.");
        var replaceable = assets is null ? 0 : ReservedNotOnShelf(line, assets, firm).Count;
        EnsureIssuable(line, asset, replaceable);
    }

    /// <summary>
    /// Whether a reserved unit can be issued now: in the registry, available (not still out, under repair or lost), and
    /// not held by another firm loan (<paramref name="heldElsewhere"/>). The handover and the officer's desk ask this.
    /// </summary>
    public static bool OnShelf(Asset asset, IReadOnlySet<int>? heldElsewhere)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return !asset.IsRetired && asset.Status == AssetStatus.Available && !(heldElsewhere?.Contains(asset.Id) ?? false);
    }

    /// <summary>Reserved, not yet issued units of a line that cannot be issued now (<see cref="OnShelf"/>).</summary>
    private static List<LoanUnit> ReservedNotOnShelf(LoanLine line, IReadOnlyDictionary<int, Asset> assets, ItemAvailability? firm) =>
        line.Units
            .Where(u => u.IssuedAtUtc is null)
            .Where(u => !assets.TryGetValue(u.AssetId, out var a) || !OnShelf(a, firm?.HeldAssetIds))
            .OrderBy(u => u.AssetNumber, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Return and inspection (rule 7), per line. Damaged and lost units, and missing checklist parts, open compensation
    /// cases; numbered units go back to available or under repair, or become lost. The loan closes by itself when
    /// everything is back and nothing is left to settle.
    /// </summary>
    public void Return(Actor officer, IReadOnlyList<LineReturn> returns, IReadOnlyDictionary<int, Asset> assets, IReadOnlyDictionary<int, CatalogueItem> items, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(items);
        LoanTransitions.Require(Status, LoanAction.Return);
        var refusal = LoanActions.OfficerRefusal(Facts, officer, "Loan.ReturnOfficerOnly");
        Refuse(refusal, refusal == "Loan.OwnRequest" ? "Nobody receives back their own loan." : "Only a supplies officer receives items back.");

        var received = 0;
        foreach (var ret in returns)
        {
            var line = _lines.SingleOrDefault(l => l.Id == ret.LineId)
                ?? throw new DomainRuleException("Loan.UnknownLine", "The line is not part of this loan.");
            if (line.IsPooled)
            {
                var count = ret.PoolGood + ret.PoolDamaged + ret.PoolLost;
                DomainRuleException.ThrowIf(ret.PoolGood < 0 || ret.PoolDamaged < 0 || ret.PoolLost < 0, "Loan.ReturnNegative", "Quantities cannot be negative.");
                DomainRuleException.ThrowIf(count > line.Outstanding, "Loan.ReturnOverIssued",
                    $"Only {line.Outstanding} {line.UnitNoun} of {line.ItemName} are still out.", line.Id);
                if (line.ReturnsInKind)
                {
                    // ใช้สิ้นเปลือง: what was lent is used up; the same kind and quantity comes back, and what came back is written down.
                    DomainRuleException.ThrowIf(ret.PoolDamaged + ret.PoolLost > 0, "Loan.InKindCountsOnly",
                        "Consumables come back in kind: record only the quantity given back.", line.Id);
                    DomainRuleException.ThrowIf(ret.PoolGood == 0, "Loan.InKindQuantityRequired",
                        "Enter how many were given back in kind.", line.Id);
                    DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(ret.InKind), "Loan.InKindDescriptionRequired",
                        "Describe what was given back in kind (kind, brand, size).", line.Id);
                    DomainRuleException.ThrowIf(ret.InKind!.Trim().Length > InKindReceipt.DescriptionMaxLength, "Loan.InKindDescriptionTooLong",
                        "The description of what came back is too long.", line.Id);
                    line.ReceiveInKind(ret.PoolGood, ret.InKind, officer.Name, today, nowUtc, ret.Note);
                    received += count;
                    continue;
                }

                line.ReceivePool(ret.PoolGood, ret.PoolDamaged, ret.PoolLost, ret.Note);
                if (ret.PoolDamaged > 0)
                {
                    _compensations.Add(new CompensationCase(line.Id, null, null, CompensationKind.Damaged, ret.PoolDamaged, line.UnitValue * ret.PoolDamaged, ret.Note));
                    items[line.CatalogueItemId].ReceiveDamagedPoolUnits(ret.PoolDamaged);
                }

                if (ret.PoolLost > 0)
                {
                    _compensations.Add(new CompensationCase(line.Id, null, null, CompensationKind.Lost, ret.PoolLost, line.UnitValue * ret.PoolLost, ret.Note));
                    items[line.CatalogueItemId].WriteOffPoolUnits(ret.PoolLost);
                }

                received += count;
            }
            else
            {
                foreach (var unitReturn in ret.Units)
                {
                    var unit = line.Units.SingleOrDefault(u => u.AssetId == unitReturn.AssetId && u.IsOut)
                        ?? throw new DomainRuleException("Loan.UnitNotOut", "That unit is not out on this loan.");
                    line.ReceiveUnit(unit, unitReturn.Condition, unitReturn.Note, nowUtc);
                    assets[unit.AssetId].MarkReturned(unitReturn.Condition);
                    if (unitReturn.Condition != ReturnCondition.Good)
                    {
                        var kind = unitReturn.Condition == ReturnCondition.Lost ? CompensationKind.Lost : CompensationKind.Damaged;
                        _compensations.Add(new CompensationCase(line.Id, unit.AssetId, unit.AssetNumber, kind, 1, unit.ValueAtBorrowing, unitReturn.Note));
                    }

                    received++;
                }
            }

            if (ret.MissingParts.Count > 0)
            {
                var parts = string.Join(", ", ret.MissingParts);
                line.AppendNote($"ชิ้นส่วนขาด: {parts}");
                _compensations.Add(new CompensationCase(line.Id, null, null, CompensationKind.MissingParts, 1, 0m, parts));
            }
        }

        DomainRuleException.ThrowIf(received == 0, "Loan.NothingReturned", "Record at least one item coming back.");
        ReceivedBackByName = officer.Name;
        var allBack = _lines.All(l => l.Outstanding == 0);
        if (!allBack)
        {
            Move(LoanAction.Return, LoanStatus.PartlyReturned, officer, nameof(Role.SuppliesOfficer), nowUtc, null);
            return;
        }

        ReturnedOn = today;
        Move(LoanAction.Return, LoanStatus.Returned, officer, nameof(Role.SuppliesOfficer), nowUtc, null);
        CloseIfSettled(officer, nowUtc);
    }

    public void RecordDemand(Actor officer, DateOnly issuedOn, DemandChannel channel, string? note, DateOnly today, DateTime nowUtc, Calendar.WorkingCalendar calendar) =>
        AddDemand(officer, issuedOn, channel, note, null, today, nowUtc, calendar);

    /// <summary>
    /// หนังสือทวงถาม issued from the system: a demand by letter that carries the outgoing letter's number, which is
    /// unique among this loan's letters (one number, one letter).
    /// </summary>
    public Demand IssueDemandLetter(Actor officer, DateOnly issuedOn, string letterNumber, DateOnly today, DateTime nowUtc, Calendar.WorkingCalendar calendar)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(letterNumber), "Loan.LetterNumberRequired", "A letter needs its number.");
        var number = letterNumber.Trim();
        if (LetterIssuedAgain(officer, issuedOn, number, nowUtc) is { } same)
        {
            return same;
        }

        DomainRuleException.ThrowIf(_demands.Any(d => d.LetterNumber == number), "Loan.LetterNumberUsed", "This letter number was already issued for this loan.");
        return AddDemand(officer, issuedOn, DemandChannel.Letter, null, number, today, nowUtc, calendar);
    }

    /// <summary>
    /// The letter this officer issued with this number and date within <see cref="ResubmissionWindow"/>: the same
    /// issuing posted again (a double tap, or Back and submit), answered with the first letter and recorded once. The
    /// same number on another day, by someone else or later is a different letter, refused as a used number.
    /// </summary>
    public Demand? LetterIssuedAgain(Actor officer, DateOnly issuedOn, string letterNumber, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var number = letterNumber?.Trim();
        return _demands.FirstOrDefault(d => d.LetterNumber != null && d.LetterNumber == number && d.IssuedOn == issuedOn
            && d.ByUserId == officer.UserId && (nowUtc - d.RecordedAtUtc).Duration() <= ResubmissionWindow);
    }

    private Demand AddDemand(Actor officer, DateOnly issuedOn, DemandChannel channel, string? note, string? letterNumber, DateOnly today, DateTime nowUtc, Calendar.WorkingCalendar calendar)
    {
        LoanTransitions.Require(Status, LoanAction.RecordDemand);
        var refusal = LoanActions.DemandRefusal(Facts, officer, today, calendar);
        Refuse(refusal, refusal == "Loan.NotOverdue" ? "The loan is not overdue." : "Only a supplies officer records a demand.");
        DomainRuleException.ThrowIf(issuedOn > today || issuedOn <= DueOn, "Loan.DemandDate", "A demand is dated after the due date and not in the future.");
        var demand = new Demand(issuedOn, channel, officer, note, nowUtc, letterNumber);
        _demands.Add(demand);
        Record(nowUtc, officer, nameof(Role.SuppliesOfficer), LoanAction.RecordDemand, "Demand", Status, Status, letterNumber ?? note, null);
        Touch();
        return demand;
    }

    public ExtensionRequest RequestExtension(Actor actor, DateOnly newDueOn, string reason, DateOnly today, DateTime nowUtc)
    {
        LoanTransitions.Require(Status, LoanAction.RequestExtension);
        // An outside borrower has no account: they ask through their private tracking link, as the applicant.
        var refusal = LoanActions.ExtensionRequestRefusal(Facts, actor, today);
        Refuse(refusal is "Loan.ExtensionPending" ? null : refusal, refusal == "Loan.NotAllowed" ? "Only the borrower asks for an extension." : "An extension is asked for before the due date.");
        DomainRuleException.ThrowIf(newDueOn <= DueOn, "Loan.ExtensionNotLater", "The new due date must be after the current one.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "Loan.ReasonRequired", "State the reason.");
        Refuse(refusal, "An extension request is already waiting.");
        var request = new ExtensionRequest(DueOn, newDueOn, reason, actor, nowUtc);
        _extensions.Add(request);
        Record(nowUtc, actor, null, LoanAction.RequestExtension, "ExtensionRequested", Status, Status, reason, null);
        Touch();
        return request;
    }

    /// <summary>
    /// Decided by the same authority as the loan. An approval must fit every later commitment of other loans —
    /// checked reservations included (<paramref name="availabilityForExtraDays"/> counts every hold for the extra
    /// days); a conflict names the loans in the way. The new period respects each item's maximum loan days unless
    /// the approver states why not (<paramref name="overLimitReason"/>). A loan decided after its due date keeps the
    /// days it was overdue in its history (<see cref="OverdueBeforeExtension"/>).
    /// </summary>
    public void DecideExtension(Actor approver, ApprovalPolicy policy, bool approve, string? note, IReadOnlyDictionary<int, ItemAvailability> availabilityForExtraDays, IReadOnlyDictionary<int, CatalogueItem> items, string? overLimitReason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(availabilityForExtraDays);
        ArgumentNullException.ThrowIfNull(items);
        LoanTransitions.Require(Status, LoanAction.DecideExtension);
        var pending = PendingExtension ?? throw new DomainRuleException("Loan.NoPendingExtension", "No extension request is waiting.");
        EnsureMayDecide(approver, policy);
        var today = Calendar.BangkokTime.Today(nowUtc);
        if (approve)
        {
            var conflicts = new List<string>();
            var conflict = false;
            foreach (var line in _lines.Where(l => l.Outstanding > 0))
            {
                var free = availabilityForExtraDays[line.CatalogueItemId];
                if (line.IsPooled ? line.Outstanding > free.FreeQuantity : line.Units.Any(u => u.IsOut && free.HeldAssetIds.Contains(u.AssetId)))
                {
                    conflict = true;
                    conflicts.AddRange(line.IsPooled
                        ? free.ReferencesHolding(null)
                        : line.Units.Where(u => u.IsOut).SelectMany(u => free.ReferencesHolding(u.AssetId)));
                }
            }

            if (conflict)
            {
                throw new DomainRuleException("Loan.ExtensionConflict", "Another loan needs the items in the extra days.")
                {
                    Details = conflicts.Distinct().Order(StringComparer.Ordinal).ToList(),
                };
            }

            var days = pending.RequestedDueOn.DayNumber - StartOn.DayNumber + 1;
            var tooLong = _lines.Where(l => items.TryGetValue(l.CatalogueItemId, out var item) && days > item.MaxLoanDays).Select(l => l.ItemName).ToList();
            if (tooLong.Count > 0 && string.IsNullOrWhiteSpace(overLimitReason))
            {
                throw new DomainRuleException("Loan.ExtensionTooLong", "The extended loan would exceed the item's maximum loan days.") { Details = tooLong };
            }

            if (today > DueOn)
            {
                Record(nowUtc, approver, null, null, OverdueBeforeExtensionSummary, null, null,
                    string.Create(CultureInfo.InvariantCulture, $"{DueOn:yyyy-MM-dd}/{today.DayNumber - DueOn.DayNumber}"), null);
            }

            DueOn = pending.RequestedDueOn;
            if (tooLong.Count > 0)
            {
                note = string.IsNullOrWhiteSpace(note) ? overLimitReason : $"{note.Trim()}; {overLimitReason!.Trim()}";
            }
        }

        pending.Decide(approve, approver, note, nowUtc);
        Record(nowUtc, approver, ActingRole(approver, policy).ToString(), LoanAction.DecideExtension,
            approve ? "ExtensionApproved" : "ExtensionRejected", Status, Status, note, null);
        Touch();
    }

    /// <summary>The history summary kept when an extension is approved after the due date: "due date/days overdue".</summary>
    public const string OverdueBeforeExtensionSummary = "OverdueBeforeExtension";

    /// <summary>Days the loan was overdue before a later extension moved its due date (0 when never).</summary>
    public int OverdueBeforeExtension => _history.Where(h => h.Summary == OverdueBeforeExtensionSummary && h.Note is not null)
        .Sum(h => int.TryParse(h.Note![(h.Note!.IndexOf('/', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture, out var d) ? d : 0);

    public void DecideCompensation(int caseId, Actor officer, CompensationMethod method, decimal amount, string? basis, DateTime nowUtc)
    {
        LoanTransitions.Require(Status, LoanAction.DecideCompensation);
        DomainRuleException.ThrowIf(IsOwnRequest(officer), "Loan.OwnRequest", "Nobody acts on their own request.");
        FindCase(caseId).Decide(officer, method, amount, basis, nowUtc);
        Record(nowUtc, officer, nameof(Role.SuppliesOfficer), LoanAction.DecideCompensation, "CompensationDecided", Status, Status, basis, null);
        Touch();
    }

    public void ConfirmCompensation(int caseId, Actor director, DateTime nowUtc)
    {
        LoanTransitions.Require(Status, LoanAction.ConfirmCompensation);
        DomainRuleException.ThrowIf(IsOwnRequest(director), "Loan.OwnRequest", "Nobody acts on their own request.");
        FindCase(caseId).Confirm(director, nowUtc);
        Record(nowUtc, director, nameof(Role.FinanceDirector), LoanAction.ConfirmCompensation, "CompensationConfirmed", Status, Status, null, null);
        Touch();
    }

    public void SettleCompensation(int caseId, Actor officer, DateOnly settledOn, string? receiptNumber, string? note, DateTime nowUtc) =>
        SettleCompensation(caseId, officer, settledOn, null, receiptNumber, note, nowUtc);

    /// <summary>บันทึกการรับชดใช้: as <see cref="SettleCompensation(int, Actor, DateOnly, string?, string?, DateTime)"/>, with the amount received.</summary>
    public void SettleCompensation(int caseId, Actor officer, DateOnly settledOn, decimal? receivedAmount, string? receiptNumber, string? note, DateTime nowUtc)
    {
        LoanTransitions.Require(Status, LoanAction.SettleCompensation);
        DomainRuleException.ThrowIf(!officer.Has(Role.SuppliesOfficer), "Loan.SettleOfficerOnly", "Only a supplies officer records a settlement.");
        DomainRuleException.ThrowIf(IsOwnRequest(officer), "Loan.OwnRequest", "Nobody acts on their own request.");
        DomainRuleException.ThrowIf(settledOn > Calendar.BangkokTime.Today(nowUtc), "Compensation.SettledInFuture", "A settlement cannot be dated in the future.");
        FindCase(caseId).Settle(officer, settledOn, receivedAmount, receiptNumber, note);
        Record(nowUtc, officer, nameof(Role.SuppliesOfficer), LoanAction.SettleCompensation, "CompensationSettled", Status, Status, note, null);
        Touch();
        CloseIfSettled(officer, nowUtc);
    }

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>
    /// PDPA retention (domain.md §10): past the retention period the loan keeps its kind, items, dates and officers, but
    /// loses what names or describes private people: the receiver's name and signature, the free-text purpose and place,
    /// and the names and notes that a borrower (not an officer) left in the history. Returns the signature file to delete.
    /// </summary>
    public string? AnonymisePersonalData()
    {
        var signature = ReceiverSignaturePath;
        ReceiverName = ReceiverName is null ? null : Borrowers.Borrower.AnonymisedText;
        ReceiverSignaturePath = null;
        Purpose = Borrowers.Borrower.AnonymisedText;
        Place = Borrowers.Borrower.AnonymisedText;
        foreach (var entry in _history)
        {
            entry.AnonymiseBorrowerText();
        }

        Touch();
        return signature;
    }

    private void CloseIfSettled(Actor actor, DateTime nowUtc)
    {
        if (Status == LoanStatus.Returned && !HasOpenCompensation)
        {
            ClosedAtUtc = nowUtc;
            var from = Status;
            Status = LoanStatus.Closed;
            Record(nowUtc, actor, null, null, "Closed", from, LoanStatus.Closed, null, null);
        }
    }

    /// <summary>Whether <paramref name="asset"/> may be issued on <paramref name="line"/>; true when it is a substitute.</summary>
    private static bool EnsureIssuable(LoanLine line, Asset asset, int replaceable)
    {
        DomainRuleException.ThrowIf(line.IsPooled, "Loan.UnitWrongItem", $"{asset.AssetNumber} is not a unit of {line.ItemName}.");
        DomainRuleException.ThrowIf(asset.CatalogueItemId != line.CatalogueItemId, "Loan.UnitWrongItem",
            $"{asset.AssetNumber} is not a unit of {line.ItemName}.");
        if (line.Units.Any(u => u.AssetId == asset.Id))
        {
            return false;
        }

        DomainRuleException.ThrowIf(replaceable == 0, "Loan.UnitNotReserved", $"{asset.AssetNumber} is not reserved for this loan.");
        DomainRuleException.ThrowIf(asset.IsRetired || asset.Status != AssetStatus.Available, "Asset.NotAvailable",
            "The unit is not available to hand over.");
        return true;
    }

    /// <summary>A request whose start date has passed can no longer be approved; it expires (domain.md §5).</summary>
    private void EnsureStartNotPassed(DateTime nowUtc) =>
        DomainRuleException.ThrowIf(StartOn < Calendar.BangkokTime.Today(nowUtc), "Loan.StartPassedApproval",
            "The start date has passed; the request expires and cannot be approved.");

    private CompensationCase FindCase(int caseId) =>
        _compensations.SingleOrDefault(c => c.Id == caseId)
        ?? throw new DomainRuleException("Compensation.Unknown", "The compensation case is not part of this loan.");

    private void AddLine(CatalogueItem item, int quantity, BorrowerKind kind, IReadOnlyDictionary<int, int>? unitsOnHand)
    {
        ValidateLine(item, quantity, kind, Days, unitsOnHand);
        AttachLine(new LoanLine(item, quantity));
    }

    /// <summary>The one way a line joins the loan: it holds stock when the loan's status does.</summary>
    private void AttachLine(LoanLine line)
    {
        line.FollowStatus(Status);
        _lines.Add(line);
    }

    private static void ValidateLine(CatalogueItem item, int quantity, BorrowerKind kind, int days, IReadOnlyDictionary<int, int>? unitsOnHand)
    {
        DomainRuleException.ThrowIf(quantity < 1, "Loan.QuantityMin", "The quantity must be at least 1.");
        DomainRuleException.ThrowIf(!item.MayBeBorrowedBy(kind), "Loan.ItemNotForBorrower", $"{item.Name} cannot be lent to this kind of borrower.");
        DomainRuleException.ThrowIf(item.IsConsumable && kind != BorrowerKind.Agency, "Loan.ConsumableOnlyToAgencies",
            "Consumables are lent only to government agencies.");
        DomainRuleException.ThrowIf(days > item.MaxLoanDays, "Loan.TooLong", $"{item.Name} may be borrowed for at most {item.MaxLoanDays} days.");
        var onHand = item.IsPooled ? item.PoolLendable : unitsOnHand?.GetValueOrDefault(item.Id);
        DomainRuleException.ThrowIf(quantity > onHand, "Loan.QuantityOverStock", $"The municipality has only {onHand} {item.UnitNoun}.");
    }

    private void EnsureStillAvailable(IReadOnlyDictionary<int, ItemAvailability> firmAvailability, IReadOnlyDictionary<int, Asset> reservedAssets)
    {
        ArgumentNullException.ThrowIfNull(firmAvailability);
        ArgumentNullException.ThrowIfNull(reservedAssets);
        foreach (var line in _lines)
        {
            var free = firmAvailability[line.CatalogueItemId];
            if (line.IsPooled)
            {
                DomainRuleException.ThrowIf(line.Quantity > free.FreeQuantity, "Loan.NoLongerAvailable",
                    $"Only {free.FreeQuantity} of {line.ItemName} remain for these dates; check the request again.");
                continue;
            }

            DomainRuleException.ThrowIf(line.Units.Count > free.FreeQuantity, "Loan.NoLongerAvailable",
                $"Only {free.FreeQuantity} of {line.ItemName} remain for these dates; check the request again.");
            foreach (var unit in line.Units)
            {
                var gone = free.HeldAssetIds.Contains(unit.AssetId)
                    || !reservedAssets.TryGetValue(unit.AssetId, out var asset) || !asset.IsLendable;
                DomainRuleException.ThrowIf(gone, "Loan.NoLongerAvailable",
                    $"{unit.AssetNumber} is no longer available for these dates; check the request again.");
            }
        }
    }

    private void ReleaseReservations()
    {
        foreach (var line in _lines)
        {
            line.Reserve([]);
        }
    }

    private Role ActingRole(Actor approver, ApprovalPolicy policy)
    {
        var required = policy.ApproverFor(Case);
        return approver.Has(required) ? required : Role.Executive;
    }

    private static void ValidateText(string purpose, string place)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(purpose), "Loan.PurposeRequired", "State the purpose.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(place), "Loan.PlaceRequired", "State the place of use.");
        DomainRuleException.ThrowIf(purpose.Length > PurposeMaxLength, "Loan.PurposeTooLong", "The purpose is too long.");
        DomainRuleException.ThrowIf(place.Length > PlaceMaxLength, "Loan.PlaceTooLong", "The place is too long.");
    }

    private static void ValidateDates(DateOnly startOn, DateOnly dueOn, DateOnly today)
    {
        DomainRuleException.ThrowIf(startOn < today, "Loan.StartInPast", "The start date cannot be in the past.");
        DomainRuleException.ThrowIf(dueOn < startOn, "Loan.DueBeforeStart", "The due date cannot be before the start date.");
    }

    private void Move(LoanAction action, LoanStatus to, Actor actor, string? role, DateTime nowUtc, string? note, string? onAuthorityOf = null) =>
        Move(action, to, actor, role, nowUtc, note, action.ToString(), onAuthorityOf);

    private void Move(LoanAction action, LoanStatus to, Actor actor, string? role, DateTime nowUtc, string? note, string summary, string? onAuthorityOf)
    {
        var from = Status;
        DomainRuleException.ThrowIf(!LoanTransitions.Targets(from, action).Contains(to), "Loan.IllegalTransition", $"{from} → {to} is not allowed.");
        Status = to;
        Record(nowUtc, actor, role, action, summary, from, to, note, onAuthorityOf);
        Touch();
    }

    private void Record(DateTime nowUtc, Actor actor, string? role, LoanAction? action, string summary, LoanStatus? from, LoanStatus? to, string? note, string? onAuthorityOf) =>
        _history.Add(new LoanHistoryEntry(nowUtc, actor, role, action, summary, from, to, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), onAuthorityOf));
}

public sealed record LoanRequest(
    string Purpose,
    string Place,
    bool OffPremises,
    DateOnly StartOn,
    DateOnly DueOn,
    IReadOnlyList<RequestedLine> Lines,
    string? UrgencyReason = null,
    string? AgencyLetterNumber = null,
    DateOnly? AgencyLetterOn = null,
    string? TrackingToken = null,
    string? SubmissionKey = null);

public sealed record RequestedLine(int CatalogueItemId, int Quantity);

/// <summary>A sent-back request corrected by its borrower; <paramref name="Lines"/> null keeps the items as they are.</summary>
public sealed record LoanRequestEdit(string Purpose, string Place, DateOnly StartOn, DateOnly DueOn, IReadOnlyList<RequestedLine>? Lines = null);

/// <summary>A requested line that asks more than is free for the dates.</summary>
public sealed record Shortage(int CatalogueItemId, int Requested, int Free);

/// <param name="KeepAssetIds">A numbered line: the reserved units it keeps (exactly <paramref name="Quantity"/> of them).</param>
public sealed record LineReduction(int LineId, int Quantity, IReadOnlyList<int>? KeepAssetIds = null)
{
    /// <summary>
    /// The units a numbered line keeps from those ticked: all of them, unless more are ticked than the new quantity
    /// (the officer lowered the number and left the boxes), then those on the shelf first, then by asset number. Fewer
    /// ticked than the quantity is kept as it is, and <see cref="Loan.ReduceByAgreement"/> refuses it.
    /// </summary>
    public static IReadOnlyList<int> UnitsToKeep(IEnumerable<int> ticked, int? quantity, IReadOnlyCollection<int> onShelf, IReadOnlyDictionary<int, string> assetNumbers)
    {
        ArgumentNullException.ThrowIfNull(ticked);
        ArgumentNullException.ThrowIfNull(onShelf);
        ArgumentNullException.ThrowIfNull(assetNumbers);
        var distinct = ticked.Distinct().ToList();
        return quantity is { } q && distinct.Count > q
            ? distinct.OrderBy(id => onShelf.Contains(id) ? 0 : 1).ThenBy(id => assetNumbers.GetValueOrDefault(id, ""), StringComparer.Ordinal)
                .Take(Math.Max(0, q)).ToList()
            : distinct;
    }
}

public sealed record LineIssue(int LineId, IReadOnlyList<int> AssetIds, int PoolQuantity, string? Note);

public sealed record UnitReturn(int AssetId, ReturnCondition Condition, string? Note);

/// <param name="InKind">For a consumable line: what was given back in kind (kind, brand, size), required with a quantity.</param>
public sealed record LineReturn(int LineId, IReadOnlyList<UnitReturn> Units, int PoolGood, int PoolDamaged, int PoolLost, IReadOnlyList<string> MissingParts, string? Note, string? InKind = null);
