using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Support;

/// <summary>
/// Puts loans into a web or browser test's database through the same domain methods and data paths the pages use,
/// so a test can start at "checked" (or approved, handed over…) and exercise only the step it is about through HTTP.
/// <para>
/// Two ways in: one step at a time (<see cref="SubmitAsync"/>, <see cref="EndorseAsync"/>, <see cref="CheckAsync"/>,
/// <see cref="ApproveAsync"/>, <see cref="HandOverAsync"/>), each saved on its own; or a state in one go as the people
/// of the demo data would reach it (<see cref="ApprovedAsync(AppFactory, (string Item, int Quantity)[])"/>,
/// <see cref="CheckedBetweenAsync"/>, <see cref="HandedOverAsync"/>, <see cref="ReturnAllAsync"/>): the borrower
/// submits, the division head endorses, the supplies officer checks and reserves, the FinanceDirector approves (on
/// premises), and optionally an officer hands over, with items named as seeded (<see cref="Tent"/>, <see cref="Chairs"/>…).
/// Both take <see cref="LoanBuilder"/>'s steps (<see cref="LoanBuilder.CheckStep"/>, <see cref="LoanBuilder.ApproveStep"/>,
/// <see cref="LoanBuilder.HandOverStep"/>…) on the world <see cref="DatabaseLoanWorld"/> reads from the database for
/// the loan; loans are read with the app's one loader (<c>db.LoanAsync</c>).
/// </para>
/// </summary>
public static class LoanSetup
{
    public const string Tent = "เต็นท์ ขนาด 4×8 ม.";
    public const string Chairs = "เก้าอี้พลาสติก";
    public const string Projector = "เครื่องฉายภาพ (โปรเจกเตอร์)";
    public const string Notebook = "เครื่องคอมพิวเตอร์โน้ตบุ๊ก";

    /// <summary>A supplies officer without an account, for loans the demo officer borrows or keyed in herself (separation of duties).</summary>
    public static Actor SecondOfficer { get; } = new("test-officer-2", "นายสมชาย พัสดุดี", new HashSet<Role> { Role.SuppliesOfficer });

    public static DateOnly Today(this AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
    }

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
            var today = app.Today();
            if (today.DayOfWeek == day && Enumerable.Range(0, 15).Select(today.AddDays).All(d => WorkingCalendar.IsWeekend(d) || calendar.IsWorkingDay(d)))
            {
                return today;
            }

            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        throw new InvalidOperationException("No ordinary fortnight within 400 days of the test clock.");
    }

    public static Task<int> ItemIdAsync(this AppFactory app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
    }

    /// <summary>A pooled item of its own (so demo loans never interfere), everyone may borrow it.</summary>
    public static Task<int> NewPoolAsync(this AppFactory app, string name, int quantity, int maxDays = 30)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var item = new CatalogueItem(new CatalogueItemDetails(name, (await db.Categories.FirstAsync()).Id, "ตัว", null, LendingNature.Durable, BudgetClass.BelowThreshold,
                BorrowerAudience.Everyone, maxDays, 5, 0m), TrackingMode.Pooled, Tags.NewTag());
            item.SetPool(quantity, 100m, new DateOnly(2024, 1, 1));
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    /// <summary>A numbered item of its own with <paramref name="units"/> assets numbered "{prefix}0001"….</summary>
    public static Task<int> NewNumberedAsync(this AppFactory app, string name, int units, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var item = new CatalogueItem(new CatalogueItemDetails(name, (await db.Categories.FirstAsync()).Id, "เครื่อง", null, LendingNature.Durable, BudgetClass.Equipment,
                BorrowerAudience.Everyone, 30, 5, 1m), TrackingMode.Numbered, Tags.NewTag());
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            for (var i = 1; i <= units; i++)
            {
                db.Assets.Add(new Asset(item.Id, $"{prefix}{i:0000}", Tags.NewTag(), new AssetDetails(new DateOnly(2023, 1, 1), 10_000m, null, "คลังพัสดุ", "ดี", null)));
            }

            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    /// <summary>A staff account of its own (demo password), in <paramref name="divisionCode"/> or in no division; returns its email.</summary>
    public static async Task<string> NewStaffAsync(this AppFactory app, string fullName, string? divisionCode, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(roles);
        var email = $"staff-{Guid.NewGuid():N}@maekhue.go.th";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var division = divisionCode is null ? null : (int?)await db.Divisions.Where(d => d.Code == divisionCode).Select(d => d.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, DivisionId = division };
        var created = await users.CreateAsync(user, AssetLoan.Web.Data.Seed.DemoData.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles.Length == 0 ? [Roles.Employee] : roles);
        return email;
    }

    /// <summary>The demo person as the domain sees them: account id, full name, roles and division (from the database).</summary>
    public static async Task<Actor> ActorAsync(AppDbContext db, string email)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync();
        return new Actor(user.Id, user.FullName, roles.Select(Enum.Parse<Role>).ToHashSet(), user.DivisionId);
    }

    // ---- One step at a time, each saved on its own ----

    /// <summary>A staff member's request, submitted as /loans/new does it.</summary>
    public static Task<int> SubmitAsync(this AppFactory app, string email, IReadOnlyList<(int ItemId, int Quantity)> lines, DateOnly start, DateOnly due, bool offPremises = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(lines);
        return app.WithDbAsync(async db =>
        {
            var actor = await ActorAsync(db, email);
            var borrower = await db.StaffBorrowerAsync(actor.UserId!, default);
            var request = new LoanRequest("ใช้ในงานของหน่วยงาน", "ห้องประชุมเทศบาล", offPremises, start, due, lines.Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList());
            var loan = await db.SubmitLoanAsync(borrower, request, actor, ApprovalPolicy.Default, app.Today(), app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
    }

    /// <summary>An outsider's request (a citizen by default), as the public application files it.</summary>
    public static Task<int> SubmitOutsiderAsync(this AppFactory app, IReadOnlyList<(int ItemId, int Quantity)> lines, DateOnly start, DateOnly due, bool offPremises = false, BorrowerKind kind = BorrowerKind.Person, string? urgencyReason = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(lines);
        return app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(kind, kind == BorrowerKind.Person ? "นางบัวผัน ทองดี" : "โรงเรียนบ้านแม่คือ", new BorrowerContact("0811111111", null, "9", "2", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานบุญประจำปีของหมู่บ้าน", "ศาลาประชาคมหมู่ 2", offPremises, start, due, lines.Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList(), urgencyReason);
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), ApprovalPolicy.Default, app.Today(), app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
    }

    public static Task EndorseAsync(this AppFactory app, int loanId, string headEmail = Demo.Head) =>
        ActAsync(app, loanId, async (db, loan) => LoanBuilder.EndorseStep(loan, await ActorAsync(db, headEmail), app.Clock.GetUtcNow().UtcDateTime));

    /// <summary>Endorsed by a head of the borrower's division who has no demo account (the demo has heads for EDU only).</summary>
    public static Task EndorseByAnyHeadAsync(this AppFactory app, int loanId) =>
        ActAsync(app, loanId, (_, loan) =>
        {
            var head = new Actor($"head-of-{loan.BorrowerDivisionId}", "หัวหน้าหน่วยงาน (ทดสอบ)", new HashSet<Role> { Role.DivisionHead }, loan.BorrowerDivisionId);
            LoanBuilder.EndorseStep(loan, head, app.Clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });

    /// <summary>The supplies check with the first free units, as /supplies/check preselects them.</summary>
    public static Task CheckAsync(this AppFactory app, int loanId, LoanCase? confirmedCase = null) =>
        ActAsync(app, loanId, async (db, loan) =>
            await CheckOnAsync(db, loan, await OfficerForAsync(db, loan, LoanAction.Check), confirmedCase ?? loan.Case, app.Today(), app.Clock.GetUtcNow().UtcDateTime));

    public static Task ApproveAsync(this AppFactory app, int loanId, string approverEmail = Demo.Director) =>
        ActAsync(app, loanId, async (db, loan) =>
            await ApproveOnAsync(db, loan, await ActorAsync(db, approverEmail), ApprovalPolicy.Default, app.Today(), app.Clock.GetUtcNow().UtcDateTime));

    /// <summary>Everything approved is handed over today (the loan must start today or earlier).</summary>
    public static Task HandOverAsync(this AppFactory app, int loanId) =>
        ActAsync(app, loanId, async (db, loan) =>
            await HandOverOnAsync(db, loan, await OfficerForAsync(db, loan, LoanAction.HandOver), app.Today(), app.Clock.GetUtcNow().UtcDateTime));

    /// <summary>The loan as saved, whole and untracked.</summary>
    public static Task<Loan> LoanAsync(this AppFactory app, int loanId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db => await db.LoanAsync(loanId, default, tracked: false) ?? throw new InvalidOperationException($"No loan {loanId}."));
    }

    // ---- A state in one go, for a demo borrower and the demo items ----

    /// <summary>An approved loan for the demo employee from today for three days.</summary>
    public static Task<int> ApprovedAsync(this AppFactory app, params (string Item, int Quantity)[] lines) =>
        app.ApprovedAsync(Demo.Employee, 3, lines);

    /// <summary>An approved loan for <paramref name="borrowerEmail"/> from today for <paramref name="days"/> days.</summary>
    public static Task<int> ApprovedAsync(this AppFactory app, string borrowerEmail, int days, params (string Item, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        var today = app.Today();
        return app.ApprovedBetweenAsync(borrowerEmail, today, today.AddDays(days - 1), lines);
    }

    /// <summary>An approved loan for <paramref name="borrowerEmail"/> starting <paramref name="startInDays"/> days from today.</summary>
    public static Task<int> ApprovedFromAsync(this AppFactory app, string borrowerEmail, int startInDays, int days, params (string Item, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        var startOn = app.Today().AddDays(startInDays);
        return app.ApprovedBetweenAsync(borrowerEmail, startOn, startOn.AddDays(days - 1), lines);
    }

    /// <summary>An approved loan for <paramref name="borrowerEmail"/> from <paramref name="startOn"/> to <paramref name="dueOn"/>, decided today.</summary>
    public static Task<int> ApprovedBetweenAsync(this AppFactory app, string borrowerEmail, DateOnly startOn, DateOnly dueOn, params (string Item, int Quantity)[] lines) =>
        app.ReservedBetweenAsync(borrowerEmail, startOn, dueOn, approve: true, lines);

    /// <summary>A request checked (items reserved) but not yet approved, from <paramref name="startOn"/> to <paramref name="dueOn"/>.</summary>
    public static Task<int> CheckedBetweenAsync(this AppFactory app, string borrowerEmail, DateOnly startOn, DateOnly dueOn, params (string Item, int Quantity)[] lines) =>
        app.ReservedBetweenAsync(borrowerEmail, startOn, dueOn, approve: false, lines);

    /// <summary>An approved loan handed over today: every reserved unit and the whole pool quantity.</summary>
    public static async Task<int> HandedOverAsync(this AppFactory app, string borrowerEmail, int days, params (string Item, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = await app.ApprovedAsync(borrowerEmail, days, lines);
        await app.WithDbAsync(async db =>
        {
            var loan = await db.LoanAsync(id, default) ?? throw new InvalidOperationException($"No loan {id}.");
            var officer = borrowerEmail == Demo.Officer ? SecondOfficer : await ActorAsync(db, Demo.Officer);
            await HandOverOnAsync(db, loan, officer, app.Today(), app.Clock.GetUtcNow().UtcDateTime);
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
            var today = BangkokTime.Today(nowUtc);
            var loan = await db.LoanAsync(loanId, default) ?? throw new InvalidOperationException($"No loan {loanId}.");
            var damaged = firstUnitDamaged ? loan.Lines.SelectMany(l => l.Units).Where(u => u.IsOut).OrderBy(u => u.AssetNumber).Select(u => u.AssetId).FirstOrDefault() : 0;
            var returns = loan.Lines.Select(l => new LineReturn(l.Id,
                l.Units.Where(u => u.IsOut).Select(u => new UnitReturn(u.AssetId, u.AssetId == damaged ? ReturnCondition.Damaged : ReturnCondition.Good, u.AssetId == damaged ? "ผ้าใบขาด" : null)).ToList(),
                l.IsPooled ? l.Outstanding : 0, 0, 0, [], null)).ToList();
            var officer = loan.BorrowerUserId is not null && loan.IsOwnRequest(await ActorAsync(db, Demo.Officer)) ? SecondOfficer : await ActorAsync(db, Demo.Officer);
            LoanBuilder.ReturnStep(loan, await DatabaseLoanWorld.ReadAsync(db, loan, today), officer, returns, today, nowUtc);
            await db.SaveChangesAsync();
        });
    }

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
                LoanBuilder.EndorseStep(loan, await HeadOfAsync(db, borrower.DivisionId), nowUtc);
            }

            var officer = borrowerEmail == Demo.Officer ? SecondOfficer : await ActorAsync(db, Demo.Officer);
            await CheckOnAsync(db, loan, officer, LoanCase.OnPremises, today, nowUtc);
            if (approve)
            {
                var approver = borrowerEmail == Demo.Director ? await ActorAsync(db, Demo.Mayor) : await ActorAsync(db, Demo.Director);
                await ApproveOnAsync(db, loan, approver, settings.Policy, today, nowUtc);
            }

            await db.SaveChangesAsync();
            return loan.Id;
        });
    }

    /// <summary>The check with the first free units of each numbered line, against everything held (firm or not) by other loans.</summary>
    private static async Task CheckOnAsync(AppDbContext db, Loan loan, Actor officer, LoanCase confirmedCase, DateOnly today, DateTime nowUtc) =>
        LoanBuilder.CheckStep(loan, await DatabaseLoanWorld.ReadAsync(db, loan, today), officer, confirmedCase, today, nowUtc);

    /// <summary>The approval against what other loans hold firmly, with the units the check reserved.</summary>
    private static async Task ApproveOnAsync(AppDbContext db, Loan loan, Actor approver, ApprovalPolicy policy, DateOnly today, DateTime nowUtc) =>
        LoanBuilder.ApproveStep(loan, await DatabaseLoanWorld.ReadAsync(db, loan, today), approver, policy, nowUtc);

    /// <summary>The handover of everything approved (<see cref="LoanBuilder.IssueAll"/>) today.</summary>
    private static async Task HandOverOnAsync(AppDbContext db, Loan loan, Actor officer, DateOnly today, DateTime nowUtc) =>
        LoanBuilder.HandOverStep(loan, await DatabaseLoanWorld.ReadAsync(db, loan, today), officer, "ผู้รับพัสดุ", today, nowUtc);

    /// <summary>The demo officer, or a second officer when she keyed the request in herself (separation of duties, issue 14 §9).</summary>
    private static async Task<Actor> OfficerForAsync(AppDbContext db, Loan loan, LoanAction action)
    {
        var officer = await ActorAsync(db, Demo.Officer);
        return loan.DutyRefusal(officer, action, separateDuties: true) is null ? officer : SecondOfficer;
    }

    /// <summary>The demo division head of the division, or a head without an account for divisions the demo data leaves without one.</summary>
    private static async Task<Actor> HeadOfAsync(AppDbContext db, int? divisionId)
    {
        var head = await ActorAsync(db, Demo.Head);
        return head.DivisionId == divisionId
            ? head
            : new Actor("test-head", "หัวหน้าหน่วยงานทดสอบ", new HashSet<Role> { Role.DivisionHead }, divisionId);
    }

    private static Task ActAsync(AppFactory app, int loanId, Func<AppDbContext, Loan, Task> act)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var loan = await db.LoanAsync(loanId, default) ?? throw new InvalidOperationException($"No loan {loanId}.");
            await act(db, loan);
            await db.SaveChangesAsync();
        });
    }
}
