using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>Issue 13 §10: a loan keyed in from the paper register, in its own state, dates and fiscal year.</summary>
public sealed class LoanFromPaperTests
{
    private readonly LoanScenario _s = new();

    // Asked 3 Sep 2026 (fiscal year 2569), approved on paper 5 Sep, out since 10 Sep, due 10 Dec 2026; keyed in 25 Nov 2026.
    private static PaperLoanRecord OutSinceSeptember() => new(PaperLoanState.OnLoan, new(2026, 9, 3), new(2026, 9, 5), "กค 0406/123 ลว. 5 ก.ย. 2569",
        new(2026, 9, 10), new(2026, 12, 10), new(2026, 9, 10), null);

    [Fact]
    public void OnLoan_IsOutWithItsOwnDates_NumberedInTheFiscalYearOfItsRequest_AndItsUnitsAreOnLoan()
    {
        var loan = KeyIn(OutSinceSeptember(), chairs: 40, tents: [_s.Tents[0].Id]);

        Assert.Equal((LoanStatus.HandedOver, 2569, "0007/2569", true), (loan.Status, loan.FiscalYear, loan.Reference, loan.FromPaper));
        Assert.Equal(("กค 0406/123 ลว. 5 ก.ย. 2569", new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 10)), (loan.PaperApprovalReference, loan.PaperApprovedOn, loan.HandedOverOn));
        Assert.Equal(new DateOnly(2026, 9, 3), DateOnly.FromDateTime(loan.SubmittedAtUtc));
        Assert.Equal(40, _s.ChairLine(loan).IssuedQuantity);
        Assert.Equal(40, _s.ChairLine(loan).Outstanding);
        Assert.Equal(AssetStatus.OnLoan, _s.Tents[0].Status);
        Assert.All(loan.Lines, l => Assert.True(l.Holds));
        var entry = Assert.Single(loan.History);
        Assert.Equal((Loan.KeyedInFromPaperSummary, "u-officer", "นายสมชาย ผู้อนุมัติ"), (entry.Summary, entry.ActorUserId, entry.OnAuthorityOf));
    }

    [Fact]
    public void Returned_IsClosedAndHoldsNothing()
    {
        var paper = OutSinceSeptember() with { State = PaperLoanState.Returned, DueOn = new(2026, 9, 20), ReturnedOn = new(2026, 9, 19) };
        var none = _s.Items.Keys.ToDictionary(id => id, id => new ItemAvailability(id, 0, new HashSet<int>()));

        var loan = KeyIn(paper, chairs: 40, tents: [_s.Tents[0].Id], firm: none);

        Assert.Equal((LoanStatus.Closed, new DateOnly(2026, 9, 19)), (loan.Status, loan.ReturnedOn));
        Assert.Equal(0, _s.ChairLine(loan).Outstanding);
        Assert.All(loan.Lines, l => Assert.False(l.Holds));
        Assert.Equal(AssetStatus.Available, _s.Tents[0].Status);
    }

    [Fact]
    public void OnLoan_MoreThanIsFree_IsRefused_NothingOverLends()
    {
        var firm = _s.Items.Keys.ToDictionary(id => id, id => new ItemAvailability(id, id == _s.Chairs.Id ? 30 : int.MaxValue,
            id == _s.Tent.Id ? new HashSet<int> { _s.Tents[1].Id } : new HashSet<int>()));

        Assert.Equal("Loan.PaperOverLends", Assert.Throws<DomainRuleException>(() => KeyIn(OutSinceSeptember(), chairs: 31, tents: [], firm: firm)).Code);
        Assert.Equal("Loan.PaperOverLends", Assert.Throws<DomainRuleException>(() => KeyIn(OutSinceSeptember(), chairs: 0, tents: [_s.Tents[1].Id], firm: firm)).Code);
        Assert.Equal(AssetStatus.Available, _s.Tents[1].Status);
        Assert.Equal(LoanStatus.HandedOver, KeyIn(OutSinceSeptember(), chairs: 30, tents: [], firm: firm).Status);
    }

    [Fact]
    public void InconsistentDatesOrNotAnOfficer_IsRefused()
    {
        Assert.Equal("Paper.HandedOverBeforeApproval",
            Assert.Throws<DomainRuleException>(() => KeyIn(OutSinceSeptember() with { HandedOverOn = new(2026, 9, 4) }, chairs: 10, tents: [])).Code);
        Assert.Equal("Loan.PaperOfficerOnly", Assert.Throws<DomainRuleException>(() => Loan.KeyInFromPaper(OutSinceSeptember(), "งานวัด", "วัด",
            [new PaperLine(_s.Chairs.Id, 10, [])], _s.Borrower, _s.Items, _s.Assets, TestShelf.Free(_s.Items).Firm, _s.Employee, "ผู้อนุมัติ", 7, LoanScenario.Today, LoanScenario.Now)).Code);
    }

    [Fact]
    public void ApprovedNotHandedOver_IsApprovedWithItsUnitsReservedNotOut()
    {
        var paper = OutSinceSeptember() with { State = PaperLoanState.ApprovedNotHandedOver, StartOn = new(2026, 12, 1), HandedOverOn = null };

        var loan = KeyIn(paper, chairs: 5, tents: [_s.Tents[2].Id]);

        Assert.Equal((LoanStatus.Approved, (DateOnly?)null), (loan.Status, loan.HandedOverOn));
        Assert.Equal([_s.Tents[2].Id], _s.TentLine(loan).Units.Select(u => u.AssetId));
        Assert.Equal(AssetStatus.Available, _s.Tents[2].Status);
    }

    [Fact]
    public void TheSamePaperApproval_KeyedInAgain_IsTheFirstLoanWithinTheWindow_AndRefusedOtherwise()
    {
        var paper = OutSinceSeptember();
        var loan = KeyIn(paper, chairs: 20, tents: []);

        // A double tap or Back and submit by the same officer: the first loan.
        Assert.Equal(PaperKeyIn.Same, loan.KeyedInAgainAs(paper with { ApprovalReference = " " + paper.ApprovalReference + " " }, _s.Officer, LoanScenario.Now.AddMinutes(2)));
        // …also on a second server whose clock is a little behind the first's.
        Assert.Equal(PaperKeyIn.Same, loan.KeyedInAgainAs(paper, _s.Officer, LoanScenario.Now.AddMilliseconds(-40)));
        // The same paper approval keyed in later, or by another officer: a duplicate of the book, refused.
        Assert.Equal(PaperKeyIn.Duplicate, loan.KeyedInAgainAs(paper, _s.Officer, LoanScenario.Now + Loan.ResubmissionWindow + TimeSpan.FromSeconds(1)));
        Assert.Equal(PaperKeyIn.Duplicate, loan.KeyedInAgainAs(paper, _s.SecondOfficer, LoanScenario.Now.AddMinutes(2)));
        // Another approval (another number or date) is another loan.
        Assert.Equal(PaperKeyIn.Other, loan.KeyedInAgainAs(paper with { ApprovalReference = "กค 0406/124" }, _s.Officer, LoanScenario.Now.AddMinutes(2)));
        Assert.Equal(PaperKeyIn.Other, loan.KeyedInAgainAs(paper with { ApprovedOn = paper.ApprovedOn.AddDays(-1) }, _s.Officer, LoanScenario.Now.AddMinutes(2)));
    }

    private Loan KeyIn(PaperLoanRecord paper, int chairs, int[] tents, IReadOnlyDictionary<int, ItemAvailability>? firm = null)
    {
        var lines = new List<PaperLine>();
        if (chairs > 0)
        {
            lines.Add(new PaperLine(_s.Chairs.Id, chairs, []));
        }

        if (tents.Length > 0)
        {
            lines.Add(new PaperLine(_s.Tent.Id, tents.Length, tents));
        }

        var loan = Loan.KeyInFromPaper(paper, "งานบุญประจำปี", "วัดแม่คือ", lines, _s.Borrower, _s.Items, _s.Assets, firm ?? TestShelf.Free(_s.Items).Firm,
            _s.Officer, "นายสมชาย ผู้อนุมัติ", 7, LoanScenario.Today, LoanScenario.Now);
        var id = 1;
        foreach (var line in loan.Lines)
        {
            LoanScenario.SetId(line, id++);
        }

        return loan;
    }
}
