using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web;

/// <summary>
/// The data paths that must hold under concurrency, on each database: gapless numbers, and approvals that never lend
/// more than the pool holds. (The HTTP-level race is in the approval page tests.)
/// </summary>
public abstract class ConcurrencyTests<TFactory>(TFactory app)
    where TFactory : AppFactory
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTime Now = AppFactory.DefaultNow.UtcDateTime;

    protected TFactory App { get; } = app;

    protected virtual void RequireDatabase()
    {
    }

    /// <summary>The instance the <paramref name="i"/>-th competitor goes through (one, or two on one database).</summary>
    protected virtual AppFactory HostFor(int i) => App;

    [Fact]
    public async Task Healthz_OnThisDatabase_IsHealthy()
    {
        RequireDatabase();
        var response = await App.CreateAnonymousClient().GetAsync("/healthz");
        Assert.Contains("\"database\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var client = await App.CreateClientAsAsync(Demo.Officer);
        Assert.Contains("นางสาวพัชรี ใจดี", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelSubmissions_GetDistinctGaplessNumbers()
    {
        RequireDatabase();
        var (chairs, employee) = await App.WithDbAsync(async db =>
            (await db.CatalogueItems.Where(c => c.Name == "เก้าอี้พลาสติก").Select(c => c.Id).SingleAsync(),
             await db.Users.Where(u => u.Email == Demo.Employee).Select(u => new { u.Id, u.FullName }).SingleAsync()));
        var before = await App.WithDbAsync(db => db.Loans.CountAsync());

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => HostFor(i).WithDbAsync(async db =>
        {
            var borrower = await db.StaffBorrowerAsync(employee.Id, CancellationToken.None);
            var actor = new Actor(employee.Id, employee.FullName, new HashSet<Role> { Role.Employee });
            var request = new LoanRequest("ประชุมประจำเดือน", "ห้องประชุมเทศบาล", false, Today.AddDays(3), Today.AddDays(4), [new RequestedLine(chairs, 1)]);
            var loan = await db.SubmitLoanAsync(borrower, request, actor, ApprovalPolicy.Default, Today, Now, CancellationToken.None);
            return loan.Number;
        }))));

        var year = FiscalYear.Of(Today).BuddhistYear;
        Assert.Equal(Enumerable.Range(before + 1, 20), numbers.Order());
        var references = await App.WithDbAsync(db => db.Loans.Where(l => l.FiscalYear == year).Select(l => l.Reference).ToListAsync());
        Assert.Contains($"{before + 20:0000}/{year}", references);
        Assert.Equal(references.Count, references.Distinct().Count());
    }

    [Fact]
    public async Task ParallelApprovals_ForTheLastUnits_ApproveExactlyWhatIsLeft()
    {
        RequireDatabase();
        const int competitors = 20;
        const int left = 5;
        var ids = await App.WithDbAsync(async db => new
        {
            Pool = await db.CatalogueItems.Where(c => c.Name == "โต๊ะพับอเนกประสงค์").Select(c => c.Id).SingleAsync(),
            Officer = await db.Users.Where(u => u.Email == Demo.Officer).Select(u => new { u.Id, u.FullName }).SingleAsync(),
            Director = await db.Users.Where(u => u.Email == Demo.Director).Select(u => new { u.Id, u.FullName }).SingleAsync(),
            Users = await db.Users.Where(u => u.Email == Demo.Employee || u.Email == Demo.Head).Select(u => u.Id).ToListAsync(),
        });
        var officer = new Actor(ids.Officer.Id, ids.Officer.FullName, new HashSet<Role> { Role.SuppliesOfficer });
        var director = new Actor(ids.Director.Id, ids.Director.FullName, new HashSet<Role> { Role.FinanceDirector });
        var start = Today.AddDays(10);

        // 20 outside borrowers each ask for one table; the officer checks all 20 while the pool still holds 50.
        var loanIds = new List<int>();
        for (var i = 0; i < competitors; i++)
        {
            loanIds.Add(await App.WithDbAsync(async db =>
            {
                var borrower = new Borrower(BorrowerKind.Person, $"ผู้ยืมทดสอบ {i}",
                    new BorrowerContact($"08100000{i:00}", null, "1", "2", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
                var request = new LoanRequest("งานบุญ", "ศาลาหมู่บ้าน", false, start, start.AddDays(1), [new RequestedLine(ids.Pool, 1)]);
                var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), ApprovalPolicy.Default, Today, Now, CancellationToken.None);
                await db.InReservationAsync([ids.Pool], async () =>
                {
                    var free = await db.AvailabilityAsync([ids.Pool], loan.StartOn, loan.DueOn, Today, firmOnly: false, loan.Id, CancellationToken.None);
                    loan.Check(officer, LoanCase.OnPremises, new Dictionary<int, IReadOnlyList<Asset>>(), free, Today, Now);
                    return await db.SaveChangesAsync();
                }, CancellationToken.None);
                return loan.Id;
            }));
        }

        // A stock count finds only 5 tables left; the 20 approvals race for them.
        await App.WithDbAsync(async db =>
        {
            var item = await db.CatalogueItems.SingleAsync(c => c.Id == ids.Pool);
            item.SetPool(left, item.PoolUnitPrice, item.PoolAcquiredOn);
            await db.SaveChangesAsync();
        });

        var outcomes = await Task.WhenAll(loanIds.Select((id, i) => Task.Run(async () =>
        {
            await using var scope = HostFor(i).Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                return await db.InReservationAsync([ids.Pool], async () =>
                {
                    var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
                    var firm = await db.AvailabilityAsync([ids.Pool], loan.StartOn, loan.DueOn, Today, firmOnly: true, loan.Id, CancellationToken.None);
                    loan.Approve(director, ApprovalPolicy.Default, null, false, firm, new Dictionary<int, Asset>(), Now);
                    await db.SaveChangesAsync();
                    return "approved";
                }, CancellationToken.None);
            }
            catch (DomainRuleException ex)
            {
                return ex.Code;
            }
        })));

        Assert.Equal(left, outcomes.Count(o => o == "approved"));
        Assert.Equal(competitors - left, outcomes.Count(o => o == "Loan.NoLongerAvailable"));
        var approved = await App.WithDbAsync(db => db.Loans.CountAsync(l => loanIds.Contains(l.Id) && l.Status == LoanStatus.Approved));
        Assert.Equal(left, approved);
        var chain = await App.WithDbAsync(async db => AuditChain.Verify(await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(), App.ChainKey));
        Assert.Null(chain);
    }

    /// <summary>
    /// Keying in the paper register (issue 13 §10) takes the same reservation lock as every other write that commits
    /// units: twenty officers' tabs key in a loan of one table each, out on loan now, while five are free; exactly five
    /// are saved and the others are refused beside the items.
    /// </summary>
    [Fact]
    public async Task ParallelPaperKeyIns_ForTheLastUnits_SaveExactlyWhatIsLeft()
    {
        RequireDatabase();
        const int competitors = 20;
        const int left = 5;
        var pool = await LoanSetup.NewPoolAsync(App, $"โต๊ะพับ (ทะเบียนกระดาษ {Guid.NewGuid():N})", left);
        var staffId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).SingleAsync());
        var forms = new List<(HttpClient Client, HtmlForm Form)>();
        for (var i = 0; i < competitors; i++)
        {
            var client = await HostFor(i).CreateClientAsAsync(Demo.Officer);
            var form = (await HtmlForm.LoadAsync(client, "/supplies/keyin"))
                .Set("Input.Kind", "Staff").Set("Input.StaffUserId", staffId).Set("Input.State", "OnLoan")
                .Set("Input.RequestedOn", "03/11/2569").Set("Input.ApprovedOn", "05/11/2569").Set("Input.ApprovalReference", $"กค 0406/{i}")
                .Set("Input.ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("Input.StartOn", "10/11/2569").Set("Input.DueOn", "10/12/2569")
                .Set("Input.HandedOverOn", "10/11/2569").Set("Input.ReturnedOn", "")
                .Set($"Input.Quantities[{pool}]", "1")
                .Set("Input.Purpose", "ประชุมประจำเดือน").Set("Input.Place", "ห้องประชุมเทศบาล");
            forms.Add((client, form));
        }

        var statuses = await Task.WhenAll(forms.Select(f => Task.Run(async () => (await f.Form.SubmitAsync(f.Client)).StatusCode)));

        Assert.Equal(left, statuses.Count(s => s == System.Net.HttpStatusCode.Redirect));
        Assert.Equal(competitors - left, statuses.Count(s => s == System.Net.HttpStatusCode.OK));
        var keyed = await App.WithDbAsync(db => db.LoanLines.Where(l => l.CatalogueItemId == pool).SumAsync(l => l.IssuedQuantity));
        Assert.Equal(left, keyed);
    }

    /// <summary>Five taps at once on "ออกหนังสือ" of one demand letter: one demand recorded, every tap answered with the letter.</summary>
    [Fact]
    public async Task ParallelTapsOfOneDemandLetter_RecordOneDemand()
    {
        RequireDatabase();
        await LetterSetup.UseLetterSettingsAsync(App);
        var id = await LetterSetup.OverdueOutsiderLoanAsync(App);
        var officer = await App.CreateClientAsAsync(Demo.Officer);
        var form = (await HtmlForm.LoadAsync(officer, $"/supplies/demandletter/{id}", "#issue-form")).Set("Issue.Number", "777");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () => await form.SubmitAsync(officer))));

        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await App.WithDbAsync(db => db.Demands.CountAsync(d => d.LoanId == id)));
    }

    /// <summary>Five taps at once on "บันทึก" of one paper loan (on each instance): one loan, every tap answered with it.</summary>
    [Fact]
    public async Task ParallelTapsOfOnePaperKeyIn_SaveOneLoan()
    {
        RequireDatabase();
        const int taps = 5;
        var pool = await LoanSetup.NewPoolAsync(App, $"โต๊ะพับ (กดซ้ำ {Guid.NewGuid():N})", 10);
        var staffId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Employee).Select(u => u.Id).SingleAsync());
        var reference = $"กค 0406/{Guid.NewGuid():N}"[..20];
        // Servers keep one time (NTP); the test clocks of two instances drift apart as other tests advance one of them.
        var hosts = Enumerable.Range(0, 2).Select(HostFor).Distinct().ToList();
        var latest = hosts.Max(h => h.Clock.GetUtcNow());
        foreach (var host in hosts)
        {
            var lag = latest - host.Clock.GetUtcNow();
            if (lag > TimeSpan.Zero)
            {
                host.Clock.Advance(lag);
            }
        }

        var forms = new List<(HttpClient Client, HtmlForm Form)>();
        for (var i = 0; i < taps; i++)
        {
            var client = await HostFor(i).CreateClientAsAsync(Demo.Officer);
            var form = (await HtmlForm.LoadAsync(client, "/supplies/keyin"))
                .Set("Input.Kind", "Staff").Set("Input.StaffUserId", staffId).Set("Input.State", "OnLoan")
                .Set("Input.RequestedOn", "03/11/2569").Set("Input.ApprovedOn", "05/11/2569").Set("Input.ApprovalReference", reference)
                .Set("Input.ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("Input.StartOn", "10/11/2569").Set("Input.DueOn", "10/12/2569")
                .Set("Input.HandedOverOn", "10/11/2569").Set("Input.ReturnedOn", "")
                .Set($"Input.Quantities[{pool}]", "2")
                .Set("Input.Purpose", "ประชุมประจำเดือน").Set("Input.Place", "ห้องประชุมเทศบาล");
            forms.Add((client, form));
        }

        var answers = await Task.WhenAll(forms.Select(f => Task.Run(async () => await f.Form.SubmitAsync(f.Client))));

        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await App.WithDbAsync(db => db.Loans.CountAsync(l => l.PaperApprovalReference == reference)));
    }
}

public sealed class SqliteConcurrencyTests(AppFactory app) : ConcurrencyTests<AppFactory>(app), IClassFixture<AppFactory>;

public sealed class PostgresConcurrencyTests(PostgresAppFactory app) : ConcurrencyTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>
{
    protected override void RequireDatabase() => App.RequireServer();
}
