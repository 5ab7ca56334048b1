using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// The letters' records (issue 13 §6): a demand letter issued here carries its number, once per number; the receipt
/// of a payment records the amount, which must be the confirmed amount, and who recorded it.
/// </summary>
public sealed class LetterRecordsTests
{
    private static readonly DateOnly Later = LoanScenario.Today.AddDays(2);

    private static readonly DateTime LaterUtc = LoanScenario.Now.AddDays(2);

    private readonly LoanScenario _s = new();

    [Fact]
    public void IssueDemandLetter_RecordsALetterDemandWithItsNumber()
    {
        var loan = _s.HandedOver(dueOn: LoanScenario.Today.AddDays(1));
        var today = LoanScenario.Today.AddDays(4);

        var demand = loan.IssueDemandLetter(_s.Officer, today, " 123 ", today, LoanScenario.Now.AddDays(4), WorkingCalendar.WeekendsOnly);

        Assert.Same(demand, Assert.Single(loan.Demands));
        Assert.Equal((DemandChannel.Letter, "123", today, "นางสาวพัชรี ใจดี"), (demand.Channel, demand.LetterNumber, demand.IssuedOn, demand.ByName));
        Assert.Equal("Demand", loan.History[^1].Summary);
    }

    [Fact]
    public void IssueDemandLetter_PostedAgainWithinTheWindow_IsTheSameLetter_RecordedOnce()
    {
        var loan = _s.HandedOver(dueOn: LoanScenario.Today.AddDays(1));
        var today = LoanScenario.Today.AddDays(4);
        var first = loan.IssueDemandLetter(_s.Officer, today, "123", today, LoanScenario.Now.AddDays(4), WorkingCalendar.WeekendsOnly);
        var records = loan.History.Count;

        var again = loan.IssueDemandLetter(_s.Officer, today, " 123", today, LoanScenario.Now.AddDays(4).AddMinutes(3), WorkingCalendar.WeekendsOnly);

        Assert.Same(first, again);
        Assert.Single(loan.Demands);
        Assert.Equal(records, loan.History.Count);
    }

    [Fact]
    public void IssueDemandLetter_SameNumberTwiceOrNoNumber_Throws()
    {
        var loan = _s.HandedOver(dueOn: LoanScenario.Today.AddDays(1));
        var today = LoanScenario.Today.AddDays(4);
        loan.IssueDemandLetter(_s.Officer, today, "123", today, LoanScenario.Now.AddDays(4), WorkingCalendar.WeekendsOnly);

        // After the window, or dated another day, the same number is another letter: refused.
        Assert.Equal("Loan.LetterNumberUsed", Assert.Throws<DomainRuleException>(() =>
            loan.IssueDemandLetter(_s.Officer, today, "123", today, LoanScenario.Now.AddDays(4) + Loan.ResubmissionWindow + TimeSpan.FromSeconds(1), WorkingCalendar.WeekendsOnly)).Code);
        Assert.Equal("Loan.LetterNumberUsed", Assert.Throws<DomainRuleException>(() =>
            loan.IssueDemandLetter(_s.Officer, today.AddDays(-1), "123", today, LoanScenario.Now.AddDays(4), WorkingCalendar.WeekendsOnly)).Code);
        Assert.Equal("Loan.LetterNumberRequired", Assert.Throws<DomainRuleException>(() =>
            loan.IssueDemandLetter(_s.Officer, today, " ", today, LoanScenario.Now.AddDays(4), WorkingCalendar.WeekendsOnly)).Code);
        Assert.Single(loan.Demands);
    }

    [Fact]
    public void SettlePayment_WithTheConfirmedAmount_RecordsTheReceiptAndWho()
    {
        var (loan, caseId) = ConfirmedPayment(2_500m);

        loan.SettleCompensation(caseId, _s.Officer, Later, 2_500m, "บร 0123/2570", null, LaterUtc);

        var c = loan.Compensations.Single();
        Assert.Equal((CompensationStatus.Settled, 2_500m, "บร 0123/2570", "นางสาวพัชรี ใจดี"), (c.Status, c.ReceivedAmount, c.ReceiptNumber, c.SettledByName));
        Assert.Equal(LoanStatus.Closed, loan.Status);
    }

    [Theory]
    [InlineData("2499.99")]
    [InlineData("2500.01")]
    [InlineData("0")]
    public void SettlePayment_WithAnotherAmount_Throws(string received)
    {
        var (loan, caseId) = ConfirmedPayment(2_500m);

        var ex = Assert.Throws<DomainRuleException>(() => loan.SettleCompensation(caseId, _s.Officer, Later,
            decimal.Parse(received, System.Globalization.CultureInfo.InvariantCulture), "บร 0123/2570", null, LaterUtc));

        Assert.Equal("Compensation.AmountMismatch", ex.Code);
        Assert.Equal(CompensationStatus.Confirmed, loan.Compensations.Single().Status);
    }

    private (Loan Loan, int CaseId) ConfirmedPayment(decimal amount)
    {
        var loan = _s.HandedOver(tents: 1, chairs: 0);
        loan.Return(_s.Officer, [new LineReturn(_s.TentLine(loan).Id, [new UnitReturn(_s.Tents[0].Id, ReturnCondition.Damaged, "ผ้าใบขาด")], 0, 0, 0, [], null)],
            _s.Assets, _s.Items, Later, LaterUtc);
        LoanScenario.NumberCases(loan);
        var caseId = loan.Compensations.Single().Id;
        loan.DecideCompensation(caseId, _s.Officer, CompensationMethod.Pay, amount, "ราคาซ่อมผ้าใบตามใบเสนอราคา", LaterUtc);
        loan.ConfirmCompensation(caseId, _s.Director, LaterUtc);
        return (loan, caseId);
    }
}
