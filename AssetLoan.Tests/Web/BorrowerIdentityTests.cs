using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Data.Migrations;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>One borrower record per outside borrower (issue 10 point 7, docs/decisions/0005).</summary>
public sealed class BorrowerIdentityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Apply_SamePersonTwice_OneRecordHoldsBothLoansWithTheLatestContact()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (first, _) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id, phone: "081-000-1111"));
        var (second, _) = await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, nationalId: id, phone: "081-000-2222"))
            .Set("Input.HouseNumber", "99/1").Quantity(PublicApplication.Chairs, 30)); // another application, not the first filed again

        var borrowers = await app.WithDbAsync(db => db.Loans.Where(l => l.Reference == first || l.Reference == second).Select(l => l.BorrowerId).Distinct().ToListAsync());
        var borrower = await app.WithDbAsync(db => db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == borrowers.Single()));
        Assert.Equal(("0810002222", "99/1"), (borrower.Phone, borrower.HouseNumber));
    }

    [Fact]
    public async Task Apply_OrganisationSameNameAndPhone_ReusesItsRecordWhateverKindWasPicked()
    {
        var client = app.CreateAnonymousClient();
        async Task<string> TempleAsync(string kind, string contact, int chairs) => (await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, phone: "053-111-222"))
            .Quantity(PublicApplication.Chairs, chairs).Set("Input.Kind", kind).Set("Input.OrganisationName", "วัดทดสอบตัวตน").Set("Input.Name", contact).Set("Input.NationalId", ""))).Reference;

        var first = await TempleAsync("Temple", "พระครูทดสอบ", 40);
        var second = await TempleAsync("CommunityGroup", "นายผู้ประสานงาน วัดทดสอบ", 45);

        var ids = await app.WithDbAsync(db => db.Loans.Where(l => l.Reference == first || l.Reference == second).Select(l => l.BorrowerId).Distinct().ToListAsync());
        var borrower = await app.WithDbAsync(db => db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == ids.Single()));
        Assert.Equal((BorrowerKind.CommunityGroup, "นายผู้ประสานงาน วัดทดสอบ"), (borrower.Kind, borrower.ContactPerson));
    }

    [Fact]
    public async Task MergeMigration_DuplicateRecords_BecomeOneAndKeepEveryLoan() => await BorrowerMergeScenario.RunAsync(app);
}

public sealed class PostgresBorrowerMergeTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task MergeMigration_DuplicateRecords_BecomeOneAndKeepEveryLoan()
    {
        app.RequireServer();
        await BorrowerMergeScenario.RunAsync(app);
    }
}

/// <summary>
/// Duplicates as the app made them before (one record per application), then the data migration's SQL as it runs in
/// the migration: each outsider ends with one record, the newest, holding every loan.
/// </summary>
internal static class BorrowerMergeScenario
{
    public static async Task RunAsync(AppFactory app)
    {
        Assert.Contains("20261205103000_Settings_MergeDuplicateBorrowers", await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, $"โต๊ะพับ (ทดสอบรวมผู้ยืม {Guid.NewGuid():N})", 50);
        async Task<int> LoanAsync(BorrowerKind kind, string name, string phone) => await app.WithDbAsync(async db =>
        {
            // Persons without an ID and organisations with a unique phone match nobody, so each gets its own record here.
            var borrower = new Borrower(kind, name, new BorrowerContact(phone, null, "1", null, "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานประจำปี", "ลานวัด", false, today.AddDays(3), today.AddDays(3), [new RequestedLine(pool, 1)]);
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(name), ApprovalPolicy.Default, today, app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.BorrowerId;
        });

        var person = new[]
        {
            await LoanAsync(BorrowerKind.Person, "นายซ้ำ หนึ่ง", "0810000001"),
            await LoanAsync(BorrowerKind.Person, "นายซ้ำ หนึ่ง", "0810000002"),
            await LoanAsync(BorrowerKind.Person, "นายซ้ำ หนึ่ง", "0810000003"),
        };
        var other = await LoanAsync(BorrowerKind.Person, "นางไม่ซ้ำ ใคร", "0810000001");
        var temple = new[]
        {
            await LoanAsync(BorrowerKind.Temple, "วัดรวมระเบียน", "0539990001"),
            await LoanAsync(BorrowerKind.CommunityGroup, "วัดรวมระเบียน", "0539990002"),
        };
        var otherTemple = await LoanAsync(BorrowerKind.Temple, "วัดรวมระเบียน", "0539990003");
        var lookup = $"merge-{Guid.NewGuid():N}";
        await app.WithDbAsync(async db =>
        {
            await db.Borrowers.Where(b => person.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.NationalIdLookup, lookup));
            await db.Borrowers.Where(b => b.Id == other).ExecuteUpdateAsync(s => s.SetProperty(b => b.NationalIdLookup, lookup + "-x"));
            await db.Borrowers.Where(b => temple.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Phone, "0539990000"));
        });
        var loansBefore = await app.WithDbAsync(db => db.Loans.CountAsync());

        await app.WithDbAsync(async db =>
        {
            foreach (var sql in Settings_MergeDuplicateBorrowers.Statements)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        });

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(loansBefore, await db.Loans.CountAsync());
            Assert.Equal([person[2]], await db.Borrowers.Where(b => b.NationalIdLookup == lookup).Select(b => b.Id).ToListAsync());
            Assert.Equal(3, await db.Loans.CountAsync(l => l.BorrowerId == person[2]));
            Assert.Equal(1, await db.Loans.CountAsync(l => l.BorrowerId == other));
            Assert.Equal([temple[1]], await db.Borrowers.Where(b => b.Name == "วัดรวมระเบียน" && b.Phone == "0539990000").Select(b => b.Id).ToListAsync());
            Assert.Equal(2, await db.Loans.CountAsync(l => l.BorrowerId == temple[1]));
            Assert.Equal(1, await db.Loans.CountAsync(l => l.BorrowerId == otherTemple));
            Assert.False(await db.Borrowers.AnyAsync(b => person.Take(2).Contains(b.Id) || b.Id == temple[0]));
        });
    }
}
