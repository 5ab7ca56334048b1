using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Support;

/// <summary>
/// Puts loans into a state in the test database through the real domain transitions, as the people of the demo data
/// would: the borrower submits, the division head endorses, the supplies officer checks and reserves, the
/// FinanceDirector approves (on premises), and optionally an officer hands over. Items are named as seeded
/// ("เต็นท์ ขนาด 4×8 ม.", "เก้าอี้พลาสติก").
/// </summary>
public static class LoanStates
{
    public const string Tent = "เต็นท์ ขนาด 4×8 ม.";
    public const string Chairs = "เก้าอี้พลาสติก";
    public const string Projector = "เครื่องฉายภาพ (โปรเจกเตอร์)";
    public const string Notebook = "เครื่องคอมพิวเตอร์โน้ตบุ๊ก";

    /// <summary>
    /// The shared clock's weekday depends on which tests of the class ran before. A test whose story needs an ordinary
    /// week (a Saturday event picked up on Friday, a reminder the day before a weekday due date) moves the clock on to the
    /// next <paramref name="day"/> from which the next fortnight has no public holiday on a weekday, and gets that day.
    /// </summary>
    public static async Task<DateOnly> MoveToOrdinaryWeekAsync(this AppFactory app, DayOfWeek day = DayOfWeek.Wednesday)
    {
        ArgumentNullException.ThrowIfNull(app);
        var calendar = await app.WithDbAsync(db => db.WorkingCalendarAsync(default));
        for (var i = 0; i < 400; i++)
        {
            var today = BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
            if (today.DayOfWeek == day && Enumerable.Range(0, 15).Select(today.AddDays).All(d => WorkingCalendar.IsWeekend(d) || calendar.IsWorkingDay(d)))
            {
                return today;
            }

            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        throw new InvalidOperationException("No ordinary fortnight within 400 days of the test clock.");
    }

    /// <summary>An approved loan for the demo employee from today for three days.</summary>
    public static Task<int> ApprovedAsync(this AppFactory app, params (string Item, int Quantity)[] lines) =>
        app.ApprovedAsync(Demo.Employee, 3, lines);

    /// <summary>An approved loan for <paramref name="borrowerEmail"/> from today for <paramref name="days"/> days.</summary>
    public static Task<int> ApprovedAsync(this AppFactory app, string borrowerEmail, int days, params (string Item, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        var today = BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        return app.ApprovedBetweenAsync(borrowerEmail, today, today.AddDays(days - 1), lines);
    }

    /// <summary>An approved loan for <paramref name="borrowerEmail"/> starting <paramref name="startInDays"/> days from today.</summary>
    public static Task<int> ApprovedFromAsync(this AppFactory app, string borrowerEmail, int startInDays, int days, params (string Item, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        var startOn = BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime).AddDays(startInDays);
        return app.ApprovedBetweenAsync(borrowerEmail, startOn, startOn.AddDays(days - 1), lines);
    }

    /// <summary>An approved loan for <paramref name="borrowerEmail"/> from <paramref name="startOn"/> to <paramref name="dueOn"/>, decided today.</summary>
    public static Task<int> ApprovedBetweenAsync(this AppFactory app, string borrowerEmail, DateOnly startOn, DateOnly dueOn, params (string Item, int Quantity)[] lines) =>
        app.ReservedBetweenAsync(borrowerEmail, startOn, dueOn, approve: true, lines);

    /// <summary>A request checked (items reserved) but not yet approved, from <paramref name="startOn"/> to <paramref name="dueOn"/>.</summary>
    public static Task<int> CheckedBetweenAsync(this AppFactory app, string borrowerEmail, DateOnly startOn, DateOnly dueOn, params (string Item, int Quantity)[] lines) =>
        app.ReservedBetweenAsync(borrowerEmail, startOn, dueOn, approve: false, lines);

    private static async Task<int> ReservedBetweenAsync(this AppFactory app, string borrowerEmail, DateOnly startOn, DateOnly dueOn, bool approve, (string Item, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await app.WithDbAsync(async db =>
        {
            var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
            var today = BangkokTime.Today(nowUtc);
            var borrowerActor = await ActorAsync(db, borrowerEmail);
            var borrower = await db.StaffBorrowerAsync(borrowerActor.UserId!, default);
            var names = lines.Select(l => l.Item).ToList();
            var items = await db.CatalogueItems.AsNoTracking().Where(c => names.Contains(c.Name)).ToDictionaryAsync(c => c.Name);
            var request = new LoanRequest("จัดงานประชุมผู้ปกครองนักเรียน", "หอประชุมเทศบาลตำบลแม่คือ", false, startOn, dueOn,
                lines.Select(l => new RequestedLine(items[l.Item].Id, l.Quantity)).ToList());
            var settings = await Settings.LoadAsync(db, default);
            // The standing rule is not what these loans test: a borrower may hold several loans and cases across tests.
            var loan = await db.SubmitLoanAsync(borrower, request, borrowerActor, settings.Policy with { BorrowerStandingRule = false }, today, nowUtc, default);

            if (loan.NeedsEndorsement)
            {
                loan.Endorse(await HeadOfAsync(db, borrower.DivisionId), nowUtc);
            }

            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var units = new Dictionary<int, IReadOnlyList<Asset>>();
            foreach (var line in loan.Lines.Where(l => !l.IsPooled))
            {
                units[line.Id] = (await db.FreeUnitsAsync(line.CatalogueItemId, loan.StartOn, loan.DueOn, today, loan.Id, default)).Take(line.Quantity).ToList();
            }

            var officer = borrowerEmail == Demo.Officer ? SecondOfficer : await ActorAsync(db, Demo.Officer);
            loan.Check(officer, LoanCase.OnPremises, units, await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, false, loan.Id, default), today, nowUtc);
            if (!approve)
            {
                await db.SaveChangesAsync();
                return loan.Id;
            }

            var reservedIds = units.Values.SelectMany(u => u).Select(a => a.Id).ToList();
            var reserved = await db.Assets.Where(a => reservedIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
            var approver = borrowerEmail == Demo.Director ? await ActorAsync(db, Demo.Mayor) : await ActorAsync(db, Demo.Director);
            loan.Approve(approver, settings.Policy, null, false, await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, true, loan.Id, default), reserved, nowUtc);
            await db.SaveChangesAsync();
            return loan.Id;
        });
    }

    /// <summary>An approved loan handed over today: every reserved unit and the whole pool quantity.</summary>
    public static async Task<int> HandedOverAsync(this AppFactory app, string borrowerEmail, int days, params (string Item, int Quantity)[] lines)
    {
        var id = await app.ApprovedAsync(borrowerEmail, days, lines);
        await app.WithDbAsync(async db =>
        {
            var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
            var loan = await db.Loans.Include(l => l.Lines).ThenInclude(l => l.Units).SingleAsync(l => l.Id == id);
            var assetIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
            var assets = await db.Assets.Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var issues = loan.Lines.Select(l => new LineIssue(l.Id, l.Units.Select(u => u.AssetId).ToList(), l.IsPooled ? l.Quantity : 0, null)).ToList();
            var officer = borrowerEmail == Demo.Officer ? SecondOfficer : await ActorAsync(db, Demo.Officer);
            loan.HandOver(officer, issues, assets, items, TestShelf.Free(items), "ผู้รับพัสดุ", true, null, BangkokTime.Today(nowUtc), nowUtc, await db.WorkingCalendarAsync(default));
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Everything still out comes back today through the domain; the first numbered unit comes back damaged when asked.</summary>
    public static async Task ReturnAllAsync(this AppFactory app, int loanId, bool firstUnitDamaged)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.WithDbAsync(async db =>
        {
            var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
            var loan = await db.Loans.Include(l => l.Lines).ThenInclude(l => l.Units).Include(l => l.Compensations).SingleAsync(l => l.Id == loanId);
            var assetIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
            var assets = await db.Assets.Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var damaged = firstUnitDamaged ? loan.Lines.SelectMany(l => l.Units).Where(u => u.IsOut).OrderBy(u => u.AssetNumber).Select(u => u.AssetId).FirstOrDefault() : 0;
            var returns = loan.Lines.Select(l => new LineReturn(l.Id,
                l.Units.Where(u => u.IsOut).Select(u => new UnitReturn(u.AssetId, u.AssetId == damaged ? ReturnCondition.Damaged : ReturnCondition.Good, u.AssetId == damaged ? "ผ้าใบขาด" : null)).ToList(),
                l.IsPooled ? l.Outstanding : 0, 0, 0, [], null)).ToList();
            var officer = loan.BorrowerUserId is not null && loan.IsOwnRequest(await ActorAsync(db, Demo.Officer)) ? SecondOfficer : await ActorAsync(db, Demo.Officer);
            loan.Return(officer, returns, assets, items, BangkokTime.Today(nowUtc), nowUtc);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A supplies officer without an account, for loans the demo officer borrows herself (separation of duties).</summary>
    public static Actor SecondOfficer { get; } = new("test-officer-2", "นายสมชาย พัสดุดี", new HashSet<Role> { Role.SuppliesOfficer });

    /// <summary>The demo person as the domain sees them: account id, full name, roles and division.</summary>
    public static async Task<Actor> ActorAsync(AppDbContext db, string email)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync();
        return new Actor(user.Id, user.FullName, roles.Select(Enum.Parse<Role>).ToHashSet(), user.DivisionId);
    }

    /// <summary>The demo division head of the division, or a head without an account for divisions the demo data leaves without one.</summary>
    private static async Task<Actor> HeadOfAsync(AppDbContext db, int? divisionId)
    {
        var head = await ActorAsync(db, Demo.Head);
        return head.DivisionId == divisionId
            ? head
            : new Actor("test-head", "หัวหน้าหน่วยงานทดสอบ", new HashSet<Role> { Role.DivisionHead }, divisionId);
    }
}
