using System.Reflection;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Loans;
using AssetLoan.Web.Pages.Supplies;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// The loan read models <see cref="LoanView"/> and <see cref="LoanDeskHeader"/> are projected by Mapperly with
/// <c>RequiredMappingStrategy.Target</c> (issue 12 §4): a property with no source breaks the build. What the build cannot
/// see is a property read from the wrong column, so this loads a loan with every field set to a value of its own (an
/// organisation with a contact person, an agency letter, an urgency, a delegation order, a signed handover, a return,
/// a paper approval, and the staff fields written apart) and compares every settable property of each record, found by
/// reflection, with the database: a new property without a known column fails here until it is named.
/// </summary>
public sealed class LoanReadModelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task LoanViewAndDeskHeader_ReadEveryPropertyFromItsColumn()
    {
        var id = await LoanWithEveryFieldAsync();

        await app.WithDbAsync(async db =>
        {
            var view = await LoanView.LoadAsync(db, id, default);
            var header = await LoanDesk.HeaderAsync(db, id, default);
            db.ChangeTracker.Clear();
            var loan = (await db.LoanAsync(id, default, tracked: false))!;
            var borrower = await db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == loan.BorrowerId);
            var division = await db.Divisions.AsNoTracking().Where(d => d.Id == borrower.DivisionId).Select(d => d.Name).SingleAsync();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == borrower.UserId);
            var needsEndorsement = await db.Loans.Where(l => l.Id == id).Select(Loan.NeedsEndorsementRule).SingleAsync();

            Assert.NotNull(view);
            AssertEveryProperty(view, loan, borrower, new Dictionary<string, object?>
            {
                [nameof(LoanView.BorrowerKind)] = borrower.Kind,
                [nameof(LoanView.BorrowerAddress)] = borrower.AddressLine,
                [nameof(LoanView.BorrowerDivision)] = division,
                [nameof(LoanView.HasPaperApproval)] = loan.PaperApprovalPath is not null,
                [nameof(LoanView.NeedsEndorsement)] = needsEndorsement,
            }, nameof(LoanView.Lines), nameof(LoanView.History), nameof(LoanView.Extensions), nameof(LoanView.Calendar));
            Assert.Equal(loan.Lines.OrderBy(l => l.Id).Select(l => (l.Id, l.CatalogueItemId, l.Quantity, l.IssuedQuantity)),
                view.Lines.Select(l => (l.Id, l.CatalogueItemId, l.Quantity, l.IssuedQuantity)));
            Assert.Equal(loan.History.OrderBy(h => h.Id).Select(h => (h.Summary, h.ToStatus)), view.History.Select(h => (h.Summary, h.ToStatus)));
            Assert.Equal(loan.Extensions.OrderBy(e => e.Id).Select(e => e.Id), view.Extensions.Select(e => e.Id));
            Assert.NotEmpty(view.Lines);
            Assert.NotEmpty(view.History);
            Assert.NotNull(view.Calendar);

            Assert.NotNull(header);
            AssertEveryProperty(header, loan, borrower, new Dictionary<string, object?>
            {
                [nameof(LoanDeskHeader.BorrowerKind)] = borrower.Kind,
                [nameof(LoanDeskHeader.ContactPerson)] = borrower.ContactPerson,
                [nameof(LoanDeskHeader.Position)] = borrower.Position,
                [nameof(LoanDeskHeader.DivisionName)] = division,
                [nameof(LoanDeskHeader.Address)] = borrower.AddressLine,
                [nameof(LoanDeskHeader.BorrowerPhone)] = borrower.Phone ?? user.PhoneNumber,
                [nameof(LoanDeskHeader.BorrowerEmail)] = borrower.Email ?? user.Email,
                [nameof(LoanDeskHeader.HasSignature)] = loan.ReceiverSignaturePath is not null,
            });
        });
    }

    [Fact]
    public async Task DeskHeader_FallsBackToTheBorrowersAccount_ForPhoneAndEmail()
    {
        var id = await LoanWithEveryFieldAsync();
        await app.WithDbAsync(db => db.Borrowers.Where(b => db.Loans.Any(l => l.Id == id && l.BorrowerId == b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Phone, (string?)null).SetProperty(b => b.Email, (string?)null)));
        await app.WithDbAsync(db => db.Users.Where(u => db.Borrowers.Any(b => b.UserId == u.Id && db.Loans.Any(l => l.Id == id && l.BorrowerId == b.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "0899999999")));

        var (header, user) = await app.WithDbAsync(async db =>
        {
            var header = (await LoanDesk.HeaderAsync(db, id, default))!;
            var userId = await db.Loans.Where(l => l.Id == id).Join(db.Borrowers, l => l.BorrowerId, b => b.Id, (l, b) => b.UserId).SingleAsync();
            return (header, await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        });

        Assert.Equal((user.PhoneNumber, user.Email), (header.BorrowerPhone, header.BorrowerEmail));
        Assert.NotNull(header.BorrowerPhone);
        Assert.NotNull(header.BorrowerEmail);
    }

    /// <summary>
    /// Each settable property of <paramref name="record"/> equals its special value, else the loan's property of the same
    /// name, else the borrower's named without the "Borrower" prefix; every nullable one is set (so the comparison
    /// meant something).
    /// </summary>
    private static void AssertEveryProperty(object record, Loan loan, Borrower borrower, Dictionary<string, object?> special, params string[] comparedApart)
    {
        var properties = record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && !comparedApart.Contains(p.Name)).ToList();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var actual = property.GetValue(record);
            object? expected;
            if (special.TryGetValue(property.Name, out var value))
            {
                expected = value;
            }
            else if (typeof(Loan).GetProperty(property.Name) is { } onLoan)
            {
                expected = onLoan.GetValue(loan);
            }
            else if (property.Name.StartsWith("Borrower", StringComparison.Ordinal) && typeof(Borrower).GetProperty(property.Name["Borrower".Length..]) is { } onBorrower)
            {
                expected = onBorrower.GetValue(borrower);
            }
            else
            {
                Assert.Fail($"{record.GetType().Name}.{property.Name}: this test does not know its column; name it in the test's special values.");
                return;
            }

            Assert.True(Equals(expected, actual), $"{record.GetType().Name}.{property.Name}: the database has «{expected}», the read model «{actual}».");
            Assert.True(actual is not null, $"{record.GetType().Name}.{property.Name} is null: set it in the test's loan so the comparison means something.");
        }
    }

    /// <summary>
    /// An organisation's loan through the domain (submitted with an urgency and an agency letter, checked, approved under
    /// a delegation order, handed over with a signature, returned), then the columns an outsider's loan leaves empty
    /// written apart, each with a value of its own.
    /// </summary>
    private async Task<int> LoanWithEveryFieldAsync()
    {
        var item = await LoanSetup.NewPoolAsync(app, $"เต็นท์ (อ่านทุกช่อง) {Guid.NewGuid():N}", 10);
        var employee = await app.WithDbAsync(db => LoanSetup.ActorAsync(db, Demo.Employee));
        var account = await LoanSetup.NewStaffAsync(app, "นายบัญชี ของผู้ยืม", null);
        var accountId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == account).Select(u => u.Id).SingleAsync());
        var head = await app.WithDbAsync(db => LoanSetup.ActorAsync(db, Demo.Head));
        var id = await app.WithDbAsync(async db =>
        {
            var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
            var today = LoanSetup.Today(app);
            var borrower = new Borrower(BorrowerKind.Agency, "องค์การบริหารส่วนตำบลป่าเมี่ยง",
                new BorrowerContact("053111222", "saraban@pamieang.go.th", "1", "3", "ป่าเมี่ยง", "ดอยสะเก็ด", "เชียงใหม่"));
            borrower.SetContactPerson("นายปลัด ป่าเมี่ยง");
            var request = new LoanRequest("งานประเพณีลอยกระทง 2569", "สนามหน้าที่ทำการ อบต.", true, today, today.AddDays(2), [new RequestedLine(item, 4)],
                UrgencyReason: "งานเลื่อนขึ้นมาตามหนังสือจังหวัด", AgencyLetterNumber: "ชม 75101/123", AgencyLetterOn: today.AddDays(-3));
            var settings = await Settings.LoadAsync(db, default);
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), settings.Policy with { BorrowerStandingRule = false }, today, nowUtc, default);
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            loan.Check(await LoanSetup.ActorAsync(db, Demo.Officer), loan.Case, new Dictionary<int, IReadOnlyList<Asset>>(),
                await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, false, loan.Id, default), today, nowUtc);
            loan.Approve(await LoanSetup.ActorAsync(db, Demo.Mayor), settings.Policy, "คำสั่งเทศบาลตำบลแม่คือที่ 45/2569", false,
                await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, true, loan.Id, default), new Dictionary<int, Asset>(), nowUtc);
            var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            loan.HandOver(await LoanSetup.ActorAsync(db, Demo.Officer), loan.Lines.Select(l => new LineIssue(l.Id, [], l.Quantity, null)).ToList(), new Dictionary<int, Asset>(),
                items, TestShelf.Free(items), "นายผู้รับ ของหน่วยงาน", true, "signatures/read-model.png", today, nowUtc, await db.WorkingCalendarAsync(default));
            await db.SaveChangesAsync();
            return loan.Id;
        });
        await app.ReturnAllAsync(id, firstUnitDamaged: false);

        // What an outsider's loan leaves empty, each value distinct from its neighbours' so a swapped column shows.
        await app.WithDbAsync(async db =>
        {
            var divisions = await db.Divisions.OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync();
            var borrowerId = await db.Loans.Where(l => l.Id == id).Select(l => l.BorrowerId).SingleAsync();
            await db.Loans.Where(l => l.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.BorrowerKind, BorrowerKind.Person)
                .SetProperty(l => l.BorrowerUserId, head.UserId)
                .SetProperty(l => l.BorrowerDivisionId, divisions[0])
                .SetProperty(l => l.RequestedByUserId, employee.UserId)
                .SetProperty(l => l.DecisionReason, "อนุมัติตามระเบียบ ข้อ 207")
                .SetProperty(l => l.PaperApprovalPath, "paper/read-model.pdf"));
            await db.Borrowers.Where(b => b.Id == borrowerId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.UserId, accountId)
                .SetProperty(b => b.DivisionId, divisions[1])
                .SetProperty(b => b.Position, "ปลัดองค์การบริหารส่วนตำบล"));
        });
        return id;
    }
}
