using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// Issue 10 (Back and submit again): the same request posted again within <see cref="Loan.ResubmissionWindow"/> is
/// the first one, not a second request; anything that differs is a new request.
/// </summary>
public sealed class ResubmissionTests
{
    private static readonly DateTime Now = LoanBuilder.NowUtc;

    [Fact]
    public void SameDatesAndItems_WithinTheWindow_IsFiledAgain()
    {
        var loan = new LoanBuilder().WithPooled(10).Build();

        Assert.True(loan.IsFiledAgainAs(SameAs(loan), Now.AddMinutes(9)));
        Assert.True(loan.IsFiledAgainAs(SameAs(loan) with { Purpose = "พิมพ์วัตถุประสงค์ใหม่", Place = "อีกที่หนึ่ง" }, Now.AddMinutes(1)));
    }

    [Fact]
    public void AfterTheWindow_IsANewRequest()
    {
        var loan = new LoanBuilder().WithPooled(10).Build();

        Assert.False(loan.IsFiledAgainAs(SameAs(loan), Now + Loan.ResubmissionWindow + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void OtherDatesOrQuantitiesOrItems_AreANewRequest()
    {
        var loan = new LoanBuilder().WithPooled(10).WithNumbered(1).Build();
        var same = SameAs(loan);

        Assert.True(loan.IsFiledAgainAs(same, Now));
        Assert.False(loan.IsFiledAgainAs(same with { DueOn = loan.DueOn.AddDays(1) }, Now));
        Assert.False(loan.IsFiledAgainAs(same with { StartOn = loan.StartOn.AddDays(-1) }, Now));
        Assert.False(loan.IsFiledAgainAs(same with { Lines = [same.Lines[0] with { Quantity = 11 }, same.Lines[1]] }, Now));
        Assert.False(loan.IsFiledAgainAs(same with { Lines = [same.Lines[0]] }, Now));
        Assert.False(loan.IsFiledAgainAs(same with { Lines = [.. same.Lines, new RequestedLine(999, 1)] }, Now));
    }

    [Fact]
    public void LinesInAnotherOrder_OrWithEmptyLines_AreTheSameRequest()
    {
        var loan = new LoanBuilder().WithPooled(10).WithNumbered(1).Build();
        var same = SameAs(loan);

        Assert.True(loan.IsFiledAgainAs(same with { Lines = [same.Lines[1], new RequestedLine(999, 0), same.Lines[0]] }, Now));
    }

    [Fact]
    public void AClosedOrCancelledRequest_IsNeverFiledAgain()
    {
        var cancelled = new LoanBuilder().WithPooled(10).Cancelled().Build();
        var rejected = new LoanBuilder().WithPooled(10).Rejected().Build();

        Assert.False(cancelled.IsFiledAgainAs(SameAs(cancelled), Now));
        Assert.False(rejected.IsFiledAgainAs(SameAs(rejected), Now));
    }

    private static LoanRequest SameAs(Loan loan) =>
        new(loan.Purpose, loan.Place, loan.OffPremises, loan.StartOn, loan.DueOn,
            loan.Lines.Select(l => new RequestedLine(l.CatalogueItemId, l.Quantity)).ToList(), SubmissionKey: "another-render");
}
