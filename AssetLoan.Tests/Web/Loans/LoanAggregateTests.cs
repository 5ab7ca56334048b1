using System.Text.RegularExpressions;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Architecture;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// One loader for the loan aggregate (issue 12 §4): <see cref="LoanAggregate.Whole"/> reads every collection the verbs
/// and rules look at. A loan read without its history answered <see cref="Loan.NeedsEndorsement"/> wrongly and
/// silently, so an <c>Include</c> anywhere else in the app is refused here.
/// </summary>
public sealed partial class LoanAggregateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void NoOtherFile_IncludesCollections()
    {
        var web = Path.Combine(SourceTree.Root, "AssetLoan.Web");
        var loader = Path.Combine(web, "Data", "LoanAggregate.cs");
        var found = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => f != loader && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Include().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(SourceTree.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "load the loan with db.Loans.Whole() or db.LoanAsync(id):\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task TheLoader_ReadsEveryCollection_AndTheRulesAnswerAsTheDatabaseDoes()
    {
        // Beside the demo data's requests: a loan out with an extension asked for, one returned with a damaged tent
        // (a compensation case), and one overdue with a demand recorded.
        var extended = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 2));
        var damaged = await app.HandedOverAsync(Demo.Employee, 2, (LoanSetup.Tent, 1));
        await app.ReturnAllAsync(damaged, firstUnitDamaged: true);
        var overdue = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 1));
        await app.WithDbAsync(async db =>
        {
            var today = LoanSetup.Today(app);
            var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
            var loan = (await db.LoanAsync(extended, default))!;
            loan.RequestExtension(await LoanSetup.ActorAsync(db, Demo.Employee), loan.DueOn.AddDays(2), "งานเลื่อนออกไป", today, nowUtc);
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.WithDbAsync(async db =>
        {
            var today = LoanSetup.Today(app);
            var loan = (await db.LoanAsync(overdue, default))!;
            loan.RecordDemand(await LoanSetup.ActorAsync(db, Demo.Officer), today, DemandChannel.Phone, "โทรแจ้งแล้ว", today, app.Clock.GetUtcNow().UtcDateTime,
                await db.WorkingCalendarAsync(default));
            await db.SaveChangesAsync();
        });

        var checkedLoans = await app.WithDbAsync(async db =>
        {
            var ids = await db.Loans.Select(l => l.Id).ToListAsync();
            var seen = new Dictionary<string, int> { ["lines"] = 0, ["history"] = 0, ["extensions"] = 0, ["compensations"] = 0, ["demands"] = 0 };
            foreach (var id in ids)
            {
                db.ChangeTracker.Clear();
                var loan = (await db.LoanAsync(id, default, tracked: false))!;
                var counts = await db.Loans.Where(l => l.Id == id).Select(l => new
                {
                    Lines = l.Lines.Count,
                    Units = l.Lines.SelectMany(x => x.Units).Count(),
                    History = l.History.Count,
                    Extensions = l.Extensions.Count,
                    Compensations = l.Compensations.Count,
                    Demands = l.Demands.Count,
                }).SingleAsync();
                var needsEndorsement = await db.Loans.Where(l => l.Id == id).Select(Loan.NeedsEndorsementRule).SingleAsync();

                Assert.Equal(counts.Lines, loan.Lines.Count);
                Assert.Equal(counts.Units, loan.Lines.Sum(x => x.Units.Count));
                Assert.Equal(counts.History, loan.History.Count);
                Assert.Equal(counts.Extensions, loan.Extensions.Count);
                Assert.Equal(counts.Compensations, loan.Compensations.Count);
                Assert.Equal(counts.Demands, loan.Demands.Count);
                Assert.Equal(needsEndorsement, loan.NeedsEndorsement);
                seen["lines"] += counts.Lines > 0 ? 1 : 0;
                seen["history"] += counts.History > 0 ? 1 : 0;
                seen["extensions"] += counts.Extensions > 0 ? 1 : 0;
                seen["compensations"] += counts.Compensations > 0 ? 1 : 0;
                seen["demands"] += counts.Demands > 0 ? 1 : 0;
            }

            return seen;
        });

        // The demo data has loans with every kind of collection, so each comparison above was made on something.
        Assert.All(checkedLoans, c => Assert.True(c.Value > 0, $"no demo loan has {c.Key}"));
    }

    [GeneratedRegex(@"\.(Then)?Include\(")]
    private static partial Regex Include();
}
