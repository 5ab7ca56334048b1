using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// A small municipality without a database for the handover, return and compensation tests: a numbered tent (four
/// units), a pool of chairs, a staff borrower, her division head, two supplies officers and the FinanceDirector.
/// Loans reach their state through <see cref="LoanBuilder"/> (the one walk of the transitions) with this world's
/// items and people; ids that the database would assign are set by reflection.
/// </summary>
internal sealed class LoanScenario
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    private int _nextLineId = 1;

    public LoanScenario()
    {
        Tent = new CatalogueItem(
            new CatalogueItemDetails("เต็นท์ ขนาด 4×8 ม.", 1, "หลัง", null, LendingNature.Durable, BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m,
                ["เสาเต็นท์ 8 ต้น", "ผ้าใบหลังคา 1 ผืน", "สมอบก 16 ตัว"]),
            TrackingMode.Numbered, Tags.NewTag());
        SetId(Tent, 1);
        Chairs = new CatalogueItem(
            new CatalogueItemDetails("เก้าอี้พลาสติก", 1, "ตัว", null, LendingNature.Durable, BudgetClass.BelowThreshold, BorrowerAudience.Everyone, 7, 5, 0m),
            TrackingMode.Pooled, Tags.NewTag());
        Chairs.SetPool(300, 150m, new DateOnly(2024, 11, 25));
        SetId(Chairs, 2);
        Projector = new CatalogueItem(
            new CatalogueItemDetails("เครื่องฉายภาพ", 1, "เครื่อง", null, LendingNature.Durable, BudgetClass.Equipment, BorrowerAudience.Everyone, 7, 5, 1m),
            TrackingMode.Numbered, Tags.NewTag());
        SetId(Projector, 3);
        Sandbags = new CatalogueItem(
            new CatalogueItemDetails("กระสอบทราย", 1, "ใบ", null, LendingNature.Consumable, BudgetClass.Material, BorrowerAudience.Agencies, 30, 0, 0m),
            TrackingMode.Pooled, Tags.NewTag());
        Sandbags.SetPool(500, 12m, new DateOnly(2024, 7, 1));
        SetId(Sandbags, 4);

        for (var i = 1; i <= 4; i++)
        {
            var tent = new Asset(Tent.Id, $"490-64-000{i}", Tags.NewTag(), new AssetDetails(new DateOnly(2021, 3, 15), 18_500m, 1, "โรงเก็บพัสดุ", "ดี", null));
            SetId(tent, 100 + i);
            Tents.Add(tent);
        }

        ProjectorUnit = new Asset(Projector.Id, "420-65-0001", Tags.NewTag(), new AssetDetails(new DateOnly(2022, 2, 20), 24_900m, 1, null, null, null));
        SetId(ProjectorUnit, 201);

        Borrower = Borrower.ForStaff("u-employee", "นางสาวมาลี สุขใจ", 4, "นักวิชาการศึกษา", "0812345678", "employee@maekhue.go.th");
        SetId(Borrower, 1);
    }

    public CatalogueItem Tent { get; }

    public CatalogueItem Chairs { get; }

    public CatalogueItem Projector { get; }

    /// <summary>ใช้สิ้นเปลือง: lent to government agencies only, returned in kind.</summary>
    public CatalogueItem Sandbags { get; }

    public List<Asset> Tents { get; } = [];

    public Asset ProjectorUnit { get; }

    public Borrower Borrower { get; }

    public Actor Employee { get; } = new("u-employee", "นางสาวมาลี สุขใจ", new HashSet<Role> { Role.Employee }, 4);

    public Actor Head { get; } = new("u-head", "นายประเสริฐ ทองคำ", new HashSet<Role> { Role.DivisionHead, Role.Employee }, 4);

    public Actor Officer { get; } = new("u-officer", "นางสาวพัชรี ใจดี", new HashSet<Role> { Role.SuppliesOfficer, Role.Employee }, 2);

    public Actor SecondOfficer { get; } = new("u-officer2", "นายสมชาย พัสดุดี", new HashSet<Role> { Role.SuppliesOfficer, Role.Employee }, 2);

    public Actor Director { get; } = new("u-director", "นายสมศักดิ์ รักษ์ทรัพย์", new HashSet<Role> { Role.FinanceDirector, Role.Employee }, 2);

    public Actor Executive { get; } = new("u-executive", "นายกเทศมนตรีตำบลแม่คือ", new HashSet<Role> { Role.Executive }, null);

    public IReadOnlyDictionary<int, CatalogueItem> Items => new Dictionary<int, CatalogueItem> { [Tent.Id] = Tent, [Chairs.Id] = Chairs, [Projector.Id] = Projector, [Sandbags.Id] = Sandbags };

    public IReadOnlyDictionary<int, Asset> Assets => Tents.Append(ProjectorUnit).ToDictionary(a => a.Id);

    public static void SetId(object entity, int id) => entity.GetType().GetProperty("Id")!.SetValue(entity, id);

    /// <summary>An approved on-premises loan of <paramref name="tents"/> tents (the first units reserved) and <paramref name="chairs"/> chairs.</summary>
    public Loan Approved(int tents = 2, int chairs = 30, DateOnly? startOn = null, DateOnly? dueOn = null, Borrower? borrower = null, Actor? requester = null) =>
        ApprovedLoan(tents, chairs, startOn, dueOn, borrower, requester).Build();

    /// <summary>Approved, then handed over today by <see cref="Officer"/>: every reserved tent and every chair.</summary>
    public Loan HandedOver(int tents = 2, int chairs = 30, DateOnly? dueOn = null) =>
        ApprovedLoan(tents, chairs, null, dueOn, null, null).ReceivedBy(Borrower.Name).HandedOver().Build();

    /// <summary>
    /// Sandbags lent to another agency in an emergency (ใช้สิ้นเปลือง ระหว่างหน่วยงานของรัฐ): filed with an urgency
    /// reason, checked, approved by the executive and handed over today.
    /// </summary>
    public Loan HandedOverSandbags(int sandbags)
    {
        var agency = new Borrower(BorrowerKind.Agency, "องค์การบริหารส่วนตำบลทดสอบ", new BorrowerContact("053000000", null, null, null, "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
        SetId(agency, 2);
        return new LoanBuilder().ByOutsider(agency).About("ทำคันกั้นน้ำ", "หมู่ 3").OffPremises().Between(Today, Today.AddDays(14))
            .Urgent("น้ำป่าไหลหลาก", "ชม 12345/678", Today).Numbered(13).Identified(2, () => _nextLineId++)
            .With(Sandbags, sandbags)
            .CheckedBy(Officer).Checked(LoanCase.ConsumableInterAgency).Approved(Executive)
            .ReceivedBy("นายปลัด อบต.").HandedOver()
            .Build();
    }

    /// <summary>Delegates to <see cref="LoanBuilder.IssueAll"/>.</summary>
    public static IReadOnlyList<LineIssue> IssueAll(Loan loan) => LoanBuilder.IssueAll(loan);

    public LoanLine TentLine(Loan loan) => loan.Lines.Single(l => l.CatalogueItemId == Tent.Id);

    public LoanLine ChairLine(Loan loan) => loan.Lines.Single(l => l.CatalogueItemId == Chairs.Id);

    /// <summary>Numbers the compensation cases as the database would after a save.</summary>
    public static void NumberCases(Loan loan)
    {
        var id = 1;
        foreach (var c in loan.Compensations)
        {
            SetId(c, id++);
        }
    }

    /// <summary>
    /// The walk to Approved through <see cref="LoanBuilder"/> with this world's items, units, borrower and people: the
    /// head endorses, <see cref="Officer"/> checks (<see cref="SecondOfficer"/> when the officer is the requester) and
    /// reserves the first tents, the director approves. The loan is number 12 with id 1; lines are numbered across the
    /// scenario's loans.
    /// </summary>
    private LoanBuilder ApprovedLoan(int tents, int chairs, DateOnly? startOn, DateOnly? dueOn, Borrower? borrower, Actor? requester)
    {
        var builder = new LoanBuilder().ByStaff(requester ?? Employee).For(borrower ?? Borrower)
            .About("งานประชุมผู้ปกครอง", "โรงเรียนเทศบาล").Between(startOn ?? Today, dueOn ?? Today.AddDays(2))
            .Numbered(12).Identified(1, () => _nextLineId++);
        if (tents > 0)
        {
            builder.With(Tent, tents, Tents);
        }

        if (chairs > 0)
        {
            builder.With(Chairs, chairs);
        }

        return builder.EndorsedBy(requester is null ? Head : Head with { DivisionId = (borrower ?? Borrower).DivisionId })
            .CheckedBy(requester?.UserId == Officer.UserId ? SecondOfficer : Officer).Checked(LoanCase.OnPremises)
            .Approved(Director);
    }
}
