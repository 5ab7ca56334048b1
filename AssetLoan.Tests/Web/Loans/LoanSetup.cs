using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Puts loans into a web test's database through the same domain methods and data paths the pages use, so a test
/// can start at "checked" and exercise only the step it is about through HTTP.
/// </summary>
public static class LoanSetup
{
    public static DateOnly Today(AppFactory app) => BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);

    public static Task<int> ItemIdAsync(AppFactory app, string name) =>
        app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    /// <summary>A pooled item of its own (so demo loans never interfere), everyone may borrow it.</summary>
    public static Task<int> NewPoolAsync(AppFactory app, string name, int quantity, int maxDays = 30) =>
        app.WithDbAsync(async db =>
        {
            var item = new CatalogueItem(new CatalogueItemDetails(name, (await db.Categories.FirstAsync()).Id, "ตัว", null, LendingNature.Durable, BudgetClass.BelowThreshold,
                BorrowerAudience.Everyone, maxDays, 5, 0m), TrackingMode.Pooled, Tags.NewTag());
            item.SetPool(quantity, 100m, new DateOnly(2024, 1, 1));
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    /// <summary>A numbered item of its own with <paramref name="units"/> assets numbered "{prefix}0001"….</summary>
    public static Task<int> NewNumberedAsync(AppFactory app, string name, int units, string prefix) =>
        app.WithDbAsync(async db =>
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

    /// <summary>A staff account of its own (demo password), in <paramref name="divisionCode"/> or in no division; returns its email.</summary>
    public static async Task<string> NewStaffAsync(AppFactory app, string fullName, string? divisionCode, params string[] roles)
    {
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

    /// <summary>The demo account as the domain sees it (roles and division from the database).</summary>
    public static async Task<Actor> ActorAsync(AppDbContext db, string email)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        return new Actor(user.Id, user.FullName, roles.Select(r => Enum.Parse<Role>(r!)).ToHashSet(), user.DivisionId);
    }

    /// <summary>A staff member's request, submitted as /loans/new does it.</summary>
    public static Task<int> SubmitAsync(AppFactory app, string email, IReadOnlyList<(int ItemId, int Quantity)> lines, DateOnly start, DateOnly due, bool offPremises = false) =>
        app.WithDbAsync(async db =>
        {
            var actor = await ActorAsync(db, email);
            var borrower = await db.StaffBorrowerAsync(actor.UserId!, default);
            var request = new LoanRequest("ใช้ในงานของหน่วยงาน", "ห้องประชุมเทศบาล", offPremises, start, due, lines.Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList());
            var loan = await db.SubmitLoanAsync(borrower, request, actor, ApprovalPolicy.Default, Today(app), app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });

    /// <summary>An outsider's request (a citizen by default), as the public application files it.</summary>
    public static Task<int> SubmitOutsiderAsync(AppFactory app, IReadOnlyList<(int ItemId, int Quantity)> lines, DateOnly start, DateOnly due, bool offPremises = false, BorrowerKind kind = BorrowerKind.Person, string? urgencyReason = null) =>
        app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(kind, kind == BorrowerKind.Person ? "นางบัวผัน ทองดี" : "โรงเรียนบ้านแม่คือ", new BorrowerContact("0811111111", null, "9", "2", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานบุญประจำปีของหมู่บ้าน", "ศาลาประชาคมหมู่ 2", offPremises, start, due, lines.Select(l => new RequestedLine(l.ItemId, l.Quantity)).ToList(), urgencyReason);
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), ApprovalPolicy.Default, Today(app), app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });

    public static Task EndorseAsync(AppFactory app, int loanId, string headEmail = Demo.Head) =>
        ActAsync(app, loanId, async (db, loan) => loan.Endorse(await ActorAsync(db, headEmail), app.Clock.GetUtcNow().UtcDateTime));

    /// <summary>Endorsed by a head of the borrower's division who has no demo account (the demo has heads for EDU only).</summary>
    public static Task EndorseByAnyHeadAsync(AppFactory app, int loanId) =>
        ActAsync(app, loanId, (_, loan) =>
        {
            var head = new Actor($"head-of-{loan.BorrowerDivisionId}", "หัวหน้าหน่วยงาน (ทดสอบ)", new HashSet<Role> { Role.DivisionHead }, loan.BorrowerDivisionId);
            loan.Endorse(head, app.Clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });

    /// <summary>The supplies check with the first free units, as /supplies/check preselects them.</summary>
    public static Task CheckAsync(AppFactory app, int loanId, LoanCase? confirmedCase = null) =>
        ActAsync(app, loanId, async (db, loan) =>
        {
            var today = Today(app);
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var free = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, firmOnly: false, loan.Id, default);
            var units = new Dictionary<int, IReadOnlyList<Asset>>();
            foreach (var line in loan.Lines.Where(l => !l.IsPooled))
            {
                units[line.Id] = (await db.FreeUnitsAsync(line.CatalogueItemId, loan.StartOn, loan.DueOn, today, loan.Id, default)).Take(line.Quantity).ToList();
            }

            loan.Check(await OfficerForAsync(db, loan, LoanAction.Check), confirmedCase ?? loan.Case, units, free, today, app.Clock.GetUtcNow().UtcDateTime);
        });

    public static Task ApproveAsync(AppFactory app, int loanId, string approverEmail = Demo.Director) =>
        ActAsync(app, loanId, async (db, loan) =>
        {
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var firm = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, Today(app), firmOnly: true, loan.Id, default);
            var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
            var reserved = await db.Assets.Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
            loan.Approve(await ActorAsync(db, approverEmail), ApprovalPolicy.Default, null, false, firm, reserved, app.Clock.GetUtcNow().UtcDateTime);
        });

    /// <summary>Everything approved is handed over today (the loan must start today or earlier).</summary>
    public static Task HandOverAsync(AppFactory app, int loanId) =>
        ActAsync(app, loanId, async (db, loan) =>
        {
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).ToList();
            var assets = await db.Assets.Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
            var issues = loan.Lines.Select(l => new LineIssue(l.Id, l.Units.Select(u => u.AssetId).ToList(), l.IsPooled ? l.Quantity : 0, null)).ToList();
            loan.HandOver(await OfficerForAsync(db, loan, LoanAction.HandOver), issues, assets, items, TestShelf.Free(items), "ผู้รับพัสดุ", true, null, Today(app), app.Clock.GetUtcNow().UtcDateTime, await db.WorkingCalendarAsync(default));
        });

    /// <summary>The demo officer, or a second officer when she keyed the request in herself (separation of duties, issue 14 §9).</summary>
    private static async Task<Actor> OfficerForAsync(AppDbContext db, Loan loan, LoanAction action)
    {
        var officer = await ActorAsync(db, Demo.Officer);
        return loan.DutyRefusal(officer, action, separateDuties: true) is null ? officer : LoanStates.SecondOfficer;
    }

    public static Task<Loan> LoanAsync(AppFactory app, int loanId) =>
        app.WithDbAsync(db => db.Loans.AsNoTracking().Include(l => l.Lines).ThenInclude(x => x.Units).Include(l => l.History).Include(l => l.Extensions)
            .AsSplitQuery().SingleAsync(l => l.Id == loanId));

    private static Task ActAsync(AppFactory app, int loanId, Func<AppDbContext, Loan, Task> act) =>
        app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Include(l => l.Lines).ThenInclude(x => x.Units).Include(l => l.History).Include(l => l.Extensions)
                .AsSplitQuery().SingleAsync(l => l.Id == loanId);
            await act(db, loan);
            await db.SaveChangesAsync();
        });
}
