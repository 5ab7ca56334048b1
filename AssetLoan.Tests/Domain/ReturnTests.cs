using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

public sealed class ReturnTests
{
    private readonly LoanScenario _s = new();

    private static readonly DateOnly Later = LoanScenario.Today.AddDays(2);

    private static readonly DateTime LaterUtc = LoanScenario.Now.AddDays(2);

    [Fact]
    public void Return_PartOfTheItems_KeepsTheLoanOpen()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 30);
        var tentLine = _s.TentLine(loan);

        loan.Return(_s.Officer, [new LineReturn(tentLine.Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Good, null)], 0, 0, 0, [], null),
            new LineReturn(_s.ChairLine(loan).Id, [], 10, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal(LoanStatus.PartlyReturned, loan.Status);
        Assert.Null(loan.ReturnedOn);
        Assert.Equal(AssetStatus.Available, _s.Tents[0].Status);
        Assert.Equal(AssetStatus.OnLoan, _s.Tents[1].Status);
        Assert.Equal(1, tentLine.Outstanding);
        Assert.Equal(20, _s.ChairLine(loan).Outstanding);
        Assert.True(loan.IsOverdue(AssetLoan.Domain.Calendar.WorkingCalendar.WeekendsOnly.ReturnBy(loan.DueOn).AddDays(1), AssetLoan.Domain.Calendar.WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void Return_EverythingGood_ClosesTheLoan()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 30);

        loan.Return(_s.Officer, AllGood(loan), _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal(Later, loan.ReturnedOn);
        Assert.Equal("นางสาวพัชรี ใจดี", loan.ReceivedBackByName);
        Assert.Equal(LaterUtc, loan.ClosedAtUtc);
        Assert.All(_s.Tents, t => Assert.Equal(AssetStatus.Available, t.Status));
        Assert.Empty(loan.Compensations);
        Assert.Equal(["Return", "Closed"], loan.History.TakeLast(2).Select(h => h.Summary));
    }

    [Fact]
    public void Return_InTwoVisits_ClosesOnTheSecond()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 30);
        var chairs = _s.ChairLine(loan);
        loan.Return(_s.Officer, [new LineReturn(chairs.Id, [], 30, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);

        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, _s.Tents.Take(2).Select(t => new UnitReturn(t.Id, ReturnCondition.Good, null)).ToList(), 0, 0, 0, [], null)],
            _s.Assets, _s.Items, Later.AddDays(1), LaterUtc.AddDays(1));

        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal(Later.AddDays(1), loan.ReturnedOn);
    }

    [Fact]
    public void Return_DamagedUnit_OpensACaseAtTheValueWhenBorrowedAndSendsTheUnitToRepair()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 0);
        var tentLine = _s.TentLine(loan);

        loan.Return(_s.Officer, [new LineReturn(tentLine.Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Damaged, "ผ้าใบขาด"), new UnitReturn(_s.Tents[1].Id, ReturnCondition.Good, null)], 0, 0, 0, [], null)],
            _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal(LoanStatus.Returned, loan.Status);
        Assert.Equal(AssetStatus.UnderRepair, _s.Tents[0].Status);
        Assert.Equal(AssetStatus.Available, _s.Tents[1].Status);
        var c = Assert.Single(loan.Compensations);
        Assert.Equal(CompensationKind.Damaged, c.Kind);
        Assert.Equal("490-64-0001", c.AssetNumber);
        Assert.Equal(1m, c.ProposedAmount);
        Assert.Equal("ผ้าใบขาด", c.Description);
        Assert.Equal(CompensationStatus.Open, c.Status);
        Assert.Equal(1, tentLine.ReturnedDamaged);
    }

    [Fact]
    public void Return_LostUnit_MarksTheAssetLost()
    {
        var loan = _s.HandedOver(tents: 1, chairs: 0);

        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Lost, "สูญหายระหว่างขนย้าย")], 0, 0, 0, [], null)],
            _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal(AssetStatus.Lost, _s.Tents[0].Status);
        Assert.Equal(CompensationKind.Lost, Assert.Single(loan.Compensations).Kind);
        Assert.Equal(LoanStatus.Returned, loan.Status);
    }

    [Fact]
    public void Return_PoolDamagedAndLost_OpensTwoCasesAndWritesOffTheLost()
    {
        var loan = _s.HandedOver(tents: 0, chairs: 30);

        loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 25, 3, 2, [], "ขาหัก")], _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal(298, _s.Chairs.PoolQuantity);
        var damaged = loan.Compensations.Single(c => c.Kind == CompensationKind.Damaged);
        var lost = loan.Compensations.Single(c => c.Kind == CompensationKind.Lost);
        Assert.Equal((3, 270.09m), (damaged.Quantity, damaged.ProposedAmount));
        Assert.Equal((2, 180.06m), (lost.Quantity, lost.ProposedAmount));
        Assert.Equal("ขาหัก", _s.ChairLine(loan).ReturnNote);
    }

    [Fact]
    public void Return_PoolDamaged_PutsTheUnitsUnderRepairAndOutOfLending()
    {
        var loan = _s.HandedOver(tents: 0, chairs: 10);

        loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 7, 3, 0, [], "ขาหัก")], _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal((300, 3, 297), (_s.Chairs.PoolQuantity, _s.Chairs.PoolUnderRepair, _s.Chairs.PoolLendable));
    }

    [Fact]
    public void Submit_MoreThanTheLendablePool_Throws()
    {
        var loan = _s.HandedOver(tents: 0, chairs: 10);
        loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 0, 10, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);
        var request = new LoanRequest("งานวัด", "ลานวัด", false, Later, Later, [new RequestedLine(_s.Chairs.Id, 291)]);

        var ex = Assert.Throws<DomainRuleException>(() => Loan.Submit(request, _s.Borrower, _s.Items, _s.Employee, 2, FiscalYear.Of(Later), Later, LaterUtc));

        Assert.Equal("Loan.QuantityOverStock", ex.Code);
    }

    [Fact]
    public void Return_MissingChecklistParts_OpensACaseAndNotesTheLine()
    {
        var loan = _s.HandedOver(tents: 1, chairs: 0);
        var tentLine = _s.TentLine(loan);

        loan.Return(_s.Officer, [new LineReturn(tentLine.Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Good, null)], 0, 0, 0, ["สมอบก 16 ตัว"], null)],
            _s.Assets, _s.Items, Later, LaterUtc);

        var c = Assert.Single(loan.Compensations);
        Assert.Equal(CompensationKind.MissingParts, c.Kind);
        Assert.Equal("สมอบก 16 ตัว", c.Description);
        Assert.Contains("ชิ้นส่วนขาด: สมอบก 16 ตัว", tentLine.ReturnNote, StringComparison.Ordinal);
        Assert.Equal(LoanStatus.Returned, loan.Status);
    }

    [Fact]
    public void Return_MoreThanIsOut_Throws()
    {
        var loan = _s.HandedOver(tents: 0, chairs: 30);

        var ex = Assert.Throws<DomainRuleException>(() => loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 29, 1, 1, [], null)], _s.Assets, _s.Items, Later, LaterUtc));

        Assert.Equal("Loan.ReturnOverIssued", ex.Code);
    }

    [Fact]
    public void Return_TheSameUnitTwice_Throws()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 0);
        var line = _s.TentLine(loan);
        loan.Return(_s.Officer, [new LineReturn(line.Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Good, null)], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);

        var ex = Assert.Throws<DomainRuleException>(() => loan.Return(_s.Officer, [new LineReturn(line.Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Good, null)], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc));

        Assert.Equal("Loan.UnitNotOut", ex.Code);
    }

    [Fact]
    public void Return_Nothing_Throws()
    {
        var loan = _s.HandedOver();

        var ex = Assert.Throws<DomainRuleException>(() => loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc));

        Assert.Equal("Loan.NothingReturned", ex.Code);
    }

    [Fact]
    public void Return_BeforeHandover_Throws()
    {
        var loan = _s.Approved();

        var ex = Assert.Throws<DomainRuleException>(() => loan.Return(_s.Officer, AllGood(loan), _s.Assets, _s.Items, Later, LaterUtc));

        Assert.Equal("Loan.IllegalTransition", ex.Code);
    }

    [Fact]
    public void Return_ReceivedByTheOfficerWhoBorrowed_Throws()
    {
        var officerAsBorrower = Borrower.ForStaff(_s.Officer.UserId!, _s.Officer.Name, 2, "เจ้าหน้าที่พัสดุ", null, null);
        LoanScenario.SetId(officerAsBorrower, 2);
        var loan = _s.Approved(tents: 1, chairs: 0, borrower: officerAsBorrower, requester: _s.Officer);
        loan.HandOver(_s.SecondOfficer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), _s.Officer.Name, true, null, LoanScenario.Today, LoanScenario.Now, WorkingCalendar.WeekendsOnly);

        var ex = Assert.Throws<DomainRuleException>(() => loan.Return(_s.Officer, AllGood(loan), _s.Assets, _s.Items, Later, LaterUtc));

        Assert.Equal("Loan.OwnRequest", ex.Code);
        loan.Return(_s.SecondOfficer, AllGood(loan), _s.Assets, _s.Items, Later, LaterUtc);
        Assert.Equal(LoanStatus.Closed, loan.Status);
    }

    private static List<LineReturn> AllGood(Loan loan) =>
        loan.Lines.Select(l => new LineReturn(l.Id, l.Units.Where(u => u.IsOut).Select(u => new UnitReturn(u.AssetId, ReturnCondition.Good, null)).ToList(),
            l.IsPooled ? l.Outstanding : 0, 0, 0, [], null)).ToList();

    [Fact]
    public void Return_ConsumablesInKind_RecordsEachReceiptAndCountsThemBack()
    {
        var loan = _s.HandedOverSandbags(200);
        var line = Assert.Single(loan.Lines);
        Assert.True(line.ReturnsInKind);

        loan.Return(_s.Officer, [new LineReturn(line.Id, [], 120, 0, 0, [], null, "กระสอบทรายใหม่ ขนาด 45×75 ซม. 120 ใบ")], _s.Assets, _s.Items, Later, LaterUtc);
        loan.Return(_s.Officer, [new LineReturn(line.Id, [], 80, 0, 0, [], null, "  กระสอบป่านใหม่ 80 ใบ  ")], _s.Assets, _s.Items, Later.AddDays(3), LaterUtc.AddDays(3));

        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal(200, line.ReturnedGood);
        Assert.Equal(
            [(Later, 120, "กระสอบทรายใหม่ ขนาด 45×75 ซม. 120 ใบ", "นางสาวพัชรี ใจดี"), (Later.AddDays(3), 80, "กระสอบป่านใหม่ 80 ใบ", "นางสาวพัชรี ใจดี")],
            line.InKindReceipts.Select(r => (r.ReceivedOn, r.Quantity, r.Description, r.ReceivedByName)));
        Assert.Empty(loan.Compensations);
    }

    [Theory]
    [InlineData(10, 0, 0, null, "Loan.InKindDescriptionRequired")]
    [InlineData(10, 0, 0, "   ", "Loan.InKindDescriptionRequired")]
    [InlineData(8, 2, 0, "กระสอบทราย 8 ใบ", "Loan.InKindCountsOnly")]
    [InlineData(0, 0, 5, "กระสอบทราย", "Loan.InKindCountsOnly")]
    [InlineData(0, 0, 0, "กระสอบทราย 10 ใบ", "Loan.InKindQuantityRequired")]
    [InlineData(201, 0, 0, "กระสอบทราย", "Loan.ReturnOverIssued")]
    public void Return_ConsumablesInKind_NeedAQuantityAndADescriptionAndNothingElse(int good, int damaged, int lost, string? inKind, string code)
    {
        var loan = _s.HandedOverSandbags(200);
        var line = Assert.Single(loan.Lines);

        var ex = Assert.Throws<DomainRuleException>(() =>
            loan.Return(_s.Officer, [new LineReturn(line.Id, [], good, damaged, lost, [], null, inKind)], _s.Assets, _s.Items, Later, LaterUtc));

        Assert.Equal((code, line.Id), (ex.Code, ex.LineId));
        Assert.Equal(LoanStatus.HandedOver, loan.Status);
        Assert.Empty(line.InKindReceipts);
    }

    [Fact]
    public void Return_DurableLine_IsNotAnInKindLine()
    {
        var loan = _s.HandedOver(tents: 0, chairs: 10);

        loan.Return(_s.Officer, [new LineReturn(_s.ChairLine(loan).Id, [], 10, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);

        Assert.False(_s.ChairLine(loan).ReturnsInKind);
        Assert.Empty(_s.ChairLine(loan).InKindReceipts);
    }
}
