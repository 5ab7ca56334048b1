using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>ข้อ ๒๐๙ cases: officer decides, FinanceDirector confirms, officer records the settlement; then the loan closes.</summary>
public sealed class CompensationTests
{
    private static readonly DateOnly Later = LoanScenario.Today.AddDays(2);

    private static readonly DateTime LaterUtc = LoanScenario.Now.AddDays(2);

    private readonly LoanScenario _s = new();

    [Fact]
    public void Settle_LastCaseAfterEverythingIsBack_ClosesTheLoan()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();

        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 2_500m, "ราคาซ่อมผ้าใบตามใบเสนอราคาร้านค้า", LaterUtc);
        Assert.Equal(LoanStatus.Returned, loan.Status);
        loan.ConfirmCompensation(caseId, _s.Director, LaterUtc);
        Assert.Equal(LoanStatus.Returned, loan.Status);
        loan.SettleCompensation(caseId, _s.Officer, Later, "บร 0123/2570", null, LaterUtc);

        Assert.Equal(LoanStatus.Closed, loan.Status);
        var c = loan.Compensations.Single();
        Assert.Equal((CompensationStatus.Settled, CompensationMethod.Pay, 2_500m, "บร 0123/2570"), (c.Status, c.Method, c.FinalAmount, c.ReceiptNumber));
        Assert.Equal("นายสมศักดิ์ รักษ์ทรัพย์", c.ConfirmedByName);
        Assert.Equal(["CompensationDecided", "CompensationConfirmed", "CompensationSettled", "Closed"], loan.History.TakeLast(4).Select(h => h.Summary));
    }

    [Fact]
    public void Settle_WhileItemsAreStillOut_KeepsTheLoanOpenUntilTheRestComesBack()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 30);
        var tentLine = _s.TentLine(loan);
        loan.Return(_s.Officer, [new LineReturn(tentLine.Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Damaged, "เสาหัก")], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);
        LoanScenario.NumberCases(loan);
        var caseId = loan.Compensations.Single().Id;

        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Repair, 1m, null, LaterUtc);
        loan.ConfirmCompensation(caseId, _s.Director, LaterUtc);
        loan.SettleCompensation(caseId, _s.Officer, Later, null, "ผู้ยืมซ่อมเสาแล้ว", LaterUtc);
        Assert.Equal(LoanStatus.PartlyReturned, loan.Status);

        loan.Return(_s.Officer, [new LineReturn(tentLine.Id, [new UnitReturn(_s.Tents[1].Id, ReturnCondition.Good, null)], 0, 0, 0, [], null),
            new LineReturn(_s.ChairLine(loan).Id, [], 30, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);

        Assert.Equal(LoanStatus.Closed, loan.Status);
    }

    [Fact]
    public void Close_WaitsForEveryCase()
    {
        var loan = _s.HandedOver(tents: 2, chairs: 0);
        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, _s.Tents.Take(2).Select(t => new UnitReturn(t.Id, ReturnCondition.Damaged, null)).ToList(), 0, 0, 0, [], null)],
            _s.Assets, _s.Items, Later, LaterUtc);
        LoanScenario.NumberCases(loan);
        var first = loan.Compensations[0].Id;
        var second = loan.Compensations[1].Id;
        foreach (var id in new[] { first, second })
        {
            loan.DecideCompensation(id, _s.Officer, CompensationMethod.Replace, 1m, null, LaterUtc);
            loan.ConfirmCompensation(id, _s.Director, LaterUtc);
        }

        loan.SettleCompensation(first, _s.Officer, Later, null, null, LaterUtc);
        Assert.Equal(LoanStatus.Returned, loan.Status);
        loan.SettleCompensation(second, _s.Officer, Later, null, null, LaterUtc);
        Assert.Equal(LoanStatus.Closed, loan.Status);
    }

    [Fact]
    public void Decide_AnotherAmountWithoutABasis_Throws()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();

        var ex = Assert.Throws<DomainRuleException>(() => loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 3_000m, " ", LaterUtc));

        Assert.Equal("Compensation.BasisRequired", ex.Code);
        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 1m, null, LaterUtc);
        Assert.Equal(1m, loan.Compensations.Single().FinalAmount);
    }

    [Fact]
    public void Decide_ByTheOfficerWhoBorrowed_Throws()
    {
        var borrower = AssetLoan.Domain.Borrowers.Borrower.ForStaff(_s.Officer.UserId!, _s.Officer.Name, 2, null, null, null);
        LoanScenario.SetId(borrower, 2);
        var loan = _s.Approved(tents: 1, chairs: 0, borrower: borrower, requester: _s.Officer);
        loan.HandOver(_s.SecondOfficer, LoanScenario.IssueAll(loan), _s.Assets, _s.Items, TestShelf.Free(_s.Items), "ผู้รับ", true, null, LoanScenario.Today, LoanScenario.Now);
        loan.Return(_s.SecondOfficer, [new LineReturn(_s.TentLine(loan).Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Lost, null)], 0, 0, 0, [], null)], _s.Assets, _s.Items, Later, LaterUtc);
        LoanScenario.NumberCases(loan);
        var caseId = loan.Compensations.Single().Id;

        Assert.Equal("Loan.OwnRequest", Assert.Throws<DomainRuleException>(() => loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 1m, null, LaterUtc)).Code);
        loan.DecideCompensation(caseId, _s.SecondOfficer, CompensationMethod.Pay, 1m, null, LaterUtc);
        loan.ConfirmCompensation(caseId, _s.Director, LaterUtc);
        Assert.Equal("Loan.OwnRequest", Assert.Throws<DomainRuleException>(() => loan.SettleCompensation(caseId, _s.Officer, Later, "R1", null, LaterUtc)).Code);
    }

    [Fact]
    public void Confirm_ByAnExecutiveOrBeforeTheDecision_Throws()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();
        var mayor = new Actor("u-mayor", "นายบุญมา ศรีแม่คือ", new HashSet<Role> { Role.Executive });

        Assert.Equal("Compensation.NotDecided", Assert.Throws<DomainRuleException>(() => loan.ConfirmCompensation(caseId, _s.Director, LaterUtc)).Code);
        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 1m, null, LaterUtc);
        Assert.Equal("Compensation.DirectorOnly", Assert.Throws<DomainRuleException>(() => loan.ConfirmCompensation(caseId, mayor, LaterUtc)).Code);
    }

    [Fact]
    public void Settle_BeforeConfirmationWithoutReceiptOrInTheFuture_Throws()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();
        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 1m, null, LaterUtc);

        Assert.Equal("Compensation.NotConfirmed", Assert.Throws<DomainRuleException>(() => loan.SettleCompensation(caseId, _s.Officer, Later, "R1", null, LaterUtc)).Code);
        loan.ConfirmCompensation(caseId, _s.Director, LaterUtc);
        Assert.Equal("Compensation.ReceiptRequired", Assert.Throws<DomainRuleException>(() => loan.SettleCompensation(caseId, _s.Officer, Later, " ", null, LaterUtc)).Code);
        Assert.Equal("Compensation.SettledInFuture", Assert.Throws<DomainRuleException>(() => loan.SettleCompensation(caseId, _s.Officer, Later.AddDays(1), "R1", null, LaterUtc)).Code);
        Assert.Equal("Compensation.AlreadyConfirmed", Assert.Throws<DomainRuleException>(() => loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Repair, 1m, null, LaterUtc)).Code);
    }

    [Fact]
    public void Confirm_ByThePersonWhoDecided_Throws()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();
        var officerAndDirector = new Actor(_s.Officer.UserId, _s.Officer.Name, new HashSet<Role> { Role.SuppliesOfficer, Role.FinanceDirector, Role.Employee }, 2);
        loan.DecideCompensation(caseId, officerAndDirector, CompensationMethod.Pay, 1m, null, LaterUtc);

        var ex = Assert.Throws<DomainRuleException>(() => loan.ConfirmCompensation(caseId, officerAndDirector, LaterUtc));

        Assert.Equal("Compensation.ConfirmerIsDecider", ex.Code);
        Assert.Equal(CompensationStatus.Decided, loan.Compensations.Single().Status);
    }

    [Fact]
    public void Confirm_ByTheDeciderUnderAnotherName_StillThrows()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();
        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, 1m, null, LaterUtc);
        var renamed = new Actor(_s.Officer.UserId, "นางพัชรี ใจดี (เปลี่ยนนามสกุล)", new HashSet<Role> { Role.FinanceDirector }, 2);

        Assert.Equal("Compensation.ConfirmerIsDecider", Assert.Throws<DomainRuleException>(() => loan.ConfirmCompensation(caseId, renamed, LaterUtc)).Code);
    }

    [Fact]
    public void DecideAndConfirm_RecordBothAccounts()
    {
        var (loan, caseId) = ReturnedWithOneDamagedTent();

        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Repair, 1m, null, LaterUtc);
        loan.ConfirmCompensation(caseId, _s.Director, LaterUtc);

        var c = loan.Compensations.Single();
        Assert.Equal((_s.Officer.UserId, _s.Officer.Name), (c.DecidedByUserId, c.DecidedByName));
        Assert.Equal((_s.Director.UserId, _s.Director.Name), (c.ConfirmedByUserId, c.ConfirmedByName));
    }

    [Fact]
    public void Decide_UnknownCase_Throws()
    {
        var (loan, _) = ReturnedWithOneDamagedTent();

        Assert.Equal("Compensation.Unknown", Assert.Throws<DomainRuleException>(() => loan.DecideCompensation(99, _s.Officer, CompensationMethod.Pay, 1m, null, LaterUtc)).Code);
    }

    private (Loan Loan, int CaseId) ReturnedWithOneDamagedTent()
    {
        var loan = _s.HandedOver(tents: 1, chairs: 0);
        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Damaged, "ผ้าใบขาด")], 0, 0, 0, [], null)],
            _s.Assets, _s.Items, Later, LaterUtc);
        LoanScenario.NumberCases(loan);
        return (loan, loan.Compensations.Single().Id);
    }
}
