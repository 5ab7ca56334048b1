using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;

namespace AssetLoan.Tests.Builders;

/// <summary>
/// Builds a loan in any state by walking the real transitions, so a builder can never produce a loan the domain
/// could not reach: <c>new LoanBuilder().Endorsed().Checked().Approved().Build()</c>. Each state adds the states
/// before it that it needs (<c>new LoanBuilder().Approved()</c> endorses and checks first), so only the last one
/// matters in most tests.
/// <para>
/// Defaults: the staff member <see cref="Actors.Employee"/> borrows 10 pooled chairs on premises from
/// <see cref="Today"/> to <see cref="Today"/> + 2; the head, officer and approvers are those of <see cref="Actors"/>;
/// everything is free (pass your own availability to the domain methods to test conflicts). After
/// <see cref="Build"/>, <see cref="Items"/>, <see cref="Assets"/> and <see cref="Borrower"/> hold the world the loan
/// lives in, for the next step of a test (a handover, a return).
/// </para>
/// <para>
/// The walk's steps (<see cref="EndorseStep"/>, <see cref="CheckStep"/>, <see cref="ApproveStep"/>,
/// <see cref="HandOverStep"/>, <see cref="ReturnStep"/>) are the one place the tests call these verbs with their
/// arguments; they take the loan's world as an <see cref="ILoanWorld"/>: the builder's own here, a test database's
/// (<c>Support/DatabaseLoanWorld</c>) when <c>Support/LoanSetup</c> walks a saved loan.
/// </para>
/// Ids are assigned as a save would (<see cref="Ids.Assign(Loan)"/>): loan, lines and compensation cases.
/// </summary>
public sealed class LoanBuilder
{
    /// <summary>25 Nov 2026 (fiscal year 2570), the tests' "today" in Bangkok.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly DateTime NowUtc = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    private readonly List<(CatalogueItem Item, int Quantity)> _lines = [];
    private readonly List<Stage> _stages = [];
    private Actor? _staff = Actors.Employee;
    private Borrower? _borrower;
    private DateOnly _start = Today;
    private DateOnly _due = Today.AddDays(2);
    private bool _offPremises;
    private string? _urgency;
    private string? _letterNumber;
    private DateOnly? _letterOn;
    private string _purpose = "ใช้ในการประชุมประจำเดือน";
    private string _place = "ห้องประชุมเทศบาล";
    private Actor? _head;
    private string? _receivedBy;
    private int? _loanId;
    private Func<int> _nextId = Ids.Next;
    private int _number = 12;
    private LoanCase? _confirmedCase;
    private Actor? _approver;
    private bool _damaged;
    private Actor? _keyedInBy;
    private Actor? _checkedBy;

    private enum Stage
    {
        Endorse,
        SendBack,
        Check,
        Approve,
        PaperApprove,
        Reject,
        HandOver,
        ReturnPart,
        ReturnAll,
        Cancel,
        Expire,
    }

    public Dictionary<int, CatalogueItem> Items { get; } = [];

    public Dictionary<int, Asset> Assets { get; } = [];

    public Borrower Borrower => _borrower ?? throw new InvalidOperationException("Build() first.");

    public ApprovalPolicy Policy { get; private set; } = ApprovalPolicy.Default;

    /// <summary>The staff borrower as an actor (null for outsiders).</summary>
    public Actor? BorrowerActor => _staff;

    public LoanBuilder ByStaff(Actor actor)
    {
        _staff = actor;
        _borrower = null;
        return this;
    }

    /// <summary>An outside borrower (a citizen by default); outsiders need no endorsement.</summary>
    public LoanBuilder ByOutsider(Borrower? borrower = null)
    {
        _staff = null;
        _borrower = borrower ?? BorrowerBuilder.Person();
        return this;
    }

    public LoanBuilder ByAgency() => ByOutsider(BorrowerBuilder.Agency());

    /// <summary>A walk-in: <paramref name="officer"/> keys in a citizen's request on their behalf.</summary>
    public LoanBuilder KeyedInBy(Actor officer)
    {
        ByOutsider();
        _keyedInBy = officer;
        return this;
    }

    /// <summary>The supplies check is done by <paramref name="officer"/> (default <see cref="Actors.Officer"/>).</summary>
    public LoanBuilder CheckedBy(Actor officer)
    {
        _checkedBy = officer;
        return Checked();
    }

    /// <summary>The borrower record of the request (for a staff member filing for another record, e.g. an officer borrowing for her division).</summary>
    public LoanBuilder For(Borrower borrower)
    {
        _borrower = borrower;
        return this;
    }

    public LoanBuilder About(string purpose, string place)
    {
        _purpose = purpose;
        _place = place;
        return this;
    }

    /// <summary>The loan gets <paramref name="loanId"/> and its lines and cases the ids <paramref name="nextId"/> gives (default: <see cref="Ids.Next"/>).</summary>
    public LoanBuilder Identified(int loanId, Func<int>? nextId = null)
    {
        _loanId = loanId;
        _nextId = nextId ?? Ids.Next;
        return this;
    }

    /// <summary>Endorsed by <paramref name="head"/> (default <see cref="HeadFor"/>).</summary>
    public LoanBuilder EndorsedBy(Actor head)
    {
        _head = head;
        return Endorsed();
    }

    /// <summary>The name the handover records as received by (default: the borrower's name).</summary>
    public LoanBuilder ReceivedBy(string name)
    {
        _receivedBy = name;
        return this;
    }

    public LoanBuilder With(CatalogueItem item, int quantity, IEnumerable<Asset>? units = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items[item.Id] = item;
        foreach (var unit in units ?? [])
        {
            Assets[unit.Id] = unit;
        }

        _lines.Add((item, quantity));
        return this;
    }

    public LoanBuilder WithPooled(int quantity, int onHand = 300) =>
        With(new CatalogueItemBuilder().Pooled(onHand).Build(), quantity);

    /// <summary>A numbered item ("เครื่องฉายภาพ") with <paramref name="unitsInStock"/> units, <paramref name="quantity"/> requested.</summary>
    public LoanBuilder WithNumbered(int quantity, int? unitsInStock = null)
    {
        var item = new CatalogueItemBuilder().Numbered().Named("เครื่องฉายภาพ (โปรเจกเตอร์)", "เครื่อง").Build();
        return With(item, quantity, AssetBuilder.UnitsOf(item, unitsInStock ?? quantity));
    }

    public LoanBuilder Between(DateOnly startOn, DateOnly dueOn)
    {
        _start = startOn;
        _due = dueOn;
        return this;
    }

    public LoanBuilder OffPremises()
    {
        _offPremises = true;
        return this;
    }

    public LoanBuilder Urgent(string reason = "น้ำท่วมฉับพลันในพื้นที่", string? letterNumber = null, DateOnly? letterOn = null)
    {
        _urgency = reason;
        _letterNumber = letterNumber;
        _letterOn = letterOn;
        return this;
    }

    public LoanBuilder Numbered(int runningNumber)
    {
        _number = runningNumber;
        return this;
    }

    public LoanBuilder WithPolicy(ApprovalPolicy policy)
    {
        Policy = policy;
        return this;
    }

    public LoanBuilder Endorsed() => Ensure(Stage.Endorse);

    public LoanBuilder SentBack() => Add(Stage.SendBack);

    /// <summary>The supplies check; the officer confirms <paramref name="confirmedCase"/> (default: the proposal).</summary>
    public LoanBuilder Checked(LoanCase? confirmedCase = null)
    {
        _confirmedCase = confirmedCase ?? _confirmedCase;

        // A division head's own request goes straight to the check (docs/decisions/0004).
        if (_staff is not null && !_staff.Has(Role.DivisionHead))
        {
            Ensure(Stage.Endorse);
        }

        return Ensure(Stage.Check);
    }

    /// <summary>Approved by <paramref name="approver"/> (default: the director on premises, the mayor otherwise).</summary>
    public LoanBuilder Approved(Actor? approver = null)
    {
        _approver = approver ?? _approver;
        Checked();
        return Ensure(Stage.Approve);
    }

    /// <summary>
    /// <see cref="Actors.SecondOfficer"/> records an approval the director signed on paper: it waits for confirmation.
    /// </summary>
    public LoanBuilder PaperApproved()
    {
        Checked();
        return Ensure(Stage.PaperApprove);
    }

    public LoanBuilder Rejected()
    {
        Checked();
        return Add(Stage.Reject);
    }

    /// <summary>Everything approved is issued on the start date.</summary>
    public LoanBuilder HandedOver()
    {
        Approved();
        return Ensure(Stage.HandOver);
    }

    /// <summary>One piece comes back (damaged when <paramref name="damaged"/>, opening a compensation case); the rest is still out. Needs at least two pieces issued.</summary>
    public LoanBuilder PartlyReturned(bool damaged = false)
    {
        _damaged = damaged;
        HandedOver();
        return Add(Stage.ReturnPart);
    }

    /// <summary>Everything comes back, one piece damaged: the loan stays Returned until the compensation case is settled.</summary>
    public LoanBuilder Returned()
    {
        _damaged = true;
        HandedOver();
        return Add(Stage.ReturnAll);
    }

    /// <summary>Everything comes back in good condition, so the loan closes.</summary>
    public LoanBuilder Closed()
    {
        _damaged = false;
        HandedOver();
        return Add(Stage.ReturnAll);
    }

    public LoanBuilder Cancelled() => Add(Stage.Cancel);

    /// <summary>Approved, then not picked up: expires after the policy's days.</summary>
    public LoanBuilder Expired()
    {
        Approved();
        return Add(Stage.Expire);
    }

    public Loan Build()
    {
        if (_lines.Count == 0)
        {
            WithPooled(10);
        }

        _borrower ??= BorrowerBuilder.Staff(_staff!);
        var unitsOnHand = Assets.Values.GroupBy(a => a.CatalogueItemId).ToDictionary(g => g.Key, g => g.Count(a => a.IsLendable));
        var request = new LoanRequest(_purpose, _place, _offPremises, _start, _due,
            _lines.Select(l => new RequestedLine(l.Item.Id, l.Quantity)).ToList(), _urgency, _letterNumber, _letterOn);
        var filedBy = _staff ?? _keyedInBy ?? Actor.Applicant(_borrower.Name);
        var loan = Loan.Submit(request, _borrower, Items, filedBy, _number, FiscalYear.Of(Today), Today, NowUtc, unitsOnHand);
        if (_loanId is { } loanId)
        {
            Ids.Set(loan, loanId);
        }

        Ids.Assign(loan, _nextId);
        foreach (var stage in _stages)
        {
            Apply(loan, stage);
            Ids.Assign(loan, _nextId);
        }

        return loan;
    }

    /// <summary>Availability in which everything the builder knows is free.</summary>
    public IReadOnlyDictionary<int, ItemAvailability> AllFree() =>
        Items.Values.ToDictionary(i => i.Id, i => new ItemAvailability(i.Id, i.IsPooled ? i.PoolQuantity : Assets.Values.Count(a => a.CatalogueItemId == i.Id), new HashSet<int>()));

    /// <summary>For each numbered line, the first units of its item (what the officer reserves by default).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Asset>> UnitsFor(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return UnitsFor(loan, new BuilderWorld(this));
    }

    public Actor ApproverFor(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return _approver ?? (Policy.ApproverFor(loan.Case) == Role.FinanceDirector ? Actors.Director : Actors.Mayor);
    }

    /// <summary>The head of the borrower's division.</summary>
    public static Actor HeadFor(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return loan.BorrowerDivisionId == Actors.Head.DivisionId
            ? Actors.Head
            : new ActorBuilder($"u-head-{loan.BorrowerDivisionId}").InDivision(loan.BorrowerDivisionId).With(Role.DivisionHead, Role.Employee).Build();
    }

    /// <summary>The handover of everything approved: every reserved unit and the whole pooled quantity of each line.</summary>
    public static IReadOnlyList<LineIssue> IssueAll(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return loan.Lines.Select(l => new LineIssue(l.Id, l.Units.Select(u => u.AssetId).ToList(), l.IsPooled ? l.Quantity : 0, null)).ToList();
    }

    // ---- The steps of the walk, each calling its verb with the tests' arguments; Support/LoanSetup takes the same
    // steps on a loan in a test database (DatabaseLoanWorld). ----

    public static void EndorseStep(Loan loan, Actor head, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(loan);
        loan.Endorse(head, nowUtc);
    }

    /// <summary>The supplies check, reserving for each numbered line the first free units of its item.</summary>
    public static void CheckStep(Loan loan, ILoanWorld world, Actor officer, LoanCase confirmedCase, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(world);
        loan.Check(officer, confirmedCase, UnitsFor(loan, world), world.Availability(firmOnly: false), today, nowUtc);
    }

    /// <summary>The approval (not as a delegate) against what other loans hold firmly, with the units the check reserved.</summary>
    public static void ApproveStep(Loan loan, ILoanWorld world, Actor approver, ApprovalPolicy policy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(world);
        loan.Approve(approver, policy, null, false, world.Availability(firmOnly: true), world.Assets, nowUtc);
    }

    /// <summary>The handover of everything approved (<see cref="IssueAll"/>) on <paramref name="on"/>, acknowledged, with everything on the shelf.</summary>
    public static void HandOverStep(Loan loan, ILoanWorld world, Actor officer, string receivedBy, DateOnly on, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(world);
        loan.HandOver(officer, IssueAll(loan), world.Assets, world.Items, TestShelf.Free(world.Items), receivedBy, true, null, on, nowUtc, world.Calendar);
    }

    public static void ReturnStep(Loan loan, ILoanWorld world, Actor officer, IReadOnlyList<LineReturn> returns, DateOnly on, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(world);
        loan.Return(officer, returns, world.Assets, world.Items, on, nowUtc);
    }

    private LoanBuilder Ensure(Stage stage) => _stages.Contains(stage) ? this : Add(stage);

    private LoanBuilder Add(Stage stage)
    {
        _stages.Add(stage);
        return this;
    }

    private void Apply(Loan loan, Stage stage)
    {
        var world = new BuilderWorld(this);
        switch (stage)
        {
            case Stage.Endorse:
                EndorseStep(loan, _head ?? HeadFor(loan), NowUtc);
                break;
            case Stage.SendBack:
                loan.SendBack(Actors.Officer, "กรุณาแก้ไขวันที่ยืม", NowUtc);
                break;
            case Stage.Check:
                CheckStep(loan, world, _checkedBy ?? Actors.Officer, _confirmedCase ?? loan.Case, Today, NowUtc);
                break;
            case Stage.PaperApprove:
                loan.RecordPaperApproval(Actors.SecondOfficer, Actors.Director.Name, Policy.ApproverFor(loan.Case), null, "paper-approvals/signed.pdf", Policy, world.Availability(firmOnly: true), world.Assets, NowUtc);
                break;
            case Stage.Approve:
                ApproveStep(loan, world, ApproverFor(loan), Policy, NowUtc);
                break;
            case Stage.Reject:
                loan.Reject(ApproverFor(loan), Policy, "พัสดุต้องใช้ในงานของเทศบาลในวันดังกล่าว", NowUtc);
                break;
            case Stage.HandOver:
                HandOverStep(loan, world, Actors.Officer, _receivedBy ?? _borrower!.Name, loan.StartOn, NowUtc);
                break;
            case Stage.ReturnPart:
                ReturnStep(loan, world, Actors.Officer, [ReturnOne(loan.Lines.First(l => l.Outstanding > 0), _damaged)], loan.StartOn, NowUtc);
                break;
            case Stage.ReturnAll:
                var damagedLeft = _damaged;
                var returns = new List<LineReturn>();
                foreach (var line in loan.Lines.Where(l => l.Outstanding > 0))
                {
                    returns.Add(ReturnRest(line, damagedLeft));
                    damagedLeft = false;
                }

                ReturnStep(loan, world, Actors.Officer, returns, loan.DueOn, NowUtc);
                break;
            case Stage.Cancel:
                loan.Cancel(Actors.Officer, "ผู้ยืมแจ้งยกเลิกทางโทรศัพท์", NowUtc);
                break;
            case Stage.Expire:
                loan.Expire(loan.StartOn.AddDays(Policy.ExpireAfterDays + 1), Policy.ExpireAfterDays, NowUtc);
                break;
        }
    }

    /// <summary>For each numbered line, the first free units of its item in <paramref name="world"/>.</summary>
    private static Dictionary<int, IReadOnlyList<Asset>> UnitsFor(Loan loan, ILoanWorld world) =>
        loan.Lines.Where(l => !l.IsPooled).ToDictionary(l => l.Id, l => (IReadOnlyList<Asset>)world.FreeUnits(l.CatalogueItemId).Take(l.Quantity).ToList());

    private static LineReturn ReturnOne(LoanLine line, bool damaged)
    {
        if (line.IsPooled)
        {
            return new LineReturn(line.Id, [], damaged ? 0 : 1, damaged ? 1 : 0, 0, [], null);
        }

        var unit = line.Units.First(u => u.IsOut);
        return new LineReturn(line.Id, [new UnitReturn(unit.AssetId, damaged ? ReturnCondition.Damaged : ReturnCondition.Good, damaged ? "ขาตั้งหัก" : null)], 0, 0, 0, [], null);
    }

    private static LineReturn ReturnRest(LoanLine line, bool oneDamaged)
    {
        if (line.IsPooled)
        {
            var damaged = oneDamaged ? 1 : 0;
            return new LineReturn(line.Id, [], line.Outstanding - damaged, damaged, 0, [], null);
        }

        var units = line.Units.Where(u => u.IsOut)
            .Select((u, i) => new UnitReturn(u.AssetId, oneDamaged && i == 0 ? ReturnCondition.Damaged : ReturnCondition.Good, null))
            .ToList();
        return new LineReturn(line.Id, units, 0, 0, 0, [], null);
    }

    /// <summary>The builder's own world: its items and units, everything free, weekends only.</summary>
    private sealed class BuilderWorld(LoanBuilder builder) : ILoanWorld
    {
        public IReadOnlyDictionary<int, CatalogueItem> Items => builder.Items;

        public IReadOnlyDictionary<int, Asset> Assets => builder.Assets;

        public WorkingCalendar Calendar => WorkingCalendar.WeekendsOnly;

        public IReadOnlyDictionary<int, ItemAvailability> Availability(bool firmOnly) => builder.AllFree();

        public IEnumerable<Asset> FreeUnits(int catalogueItemId) =>
            builder.Assets.Values.Where(a => a.CatalogueItemId == catalogueItemId && a.IsLendable);
    }
}
