using AssetLoan.Domain;
using AssetLoan.Domain.Loans;
using CsCheck;

namespace AssetLoan.Tests.Domain;

/// <summary>Issue 13 §10: which states and dates of a loan keyed in from the paper register are consistent.</summary>
public sealed class PaperRecordTests
{
    // Keyed in on 25 Nov 2026 (25 พ.ย. 2569).
    private static readonly DateOnly Today = new(2026, 11, 25);

    // Out on loan: asked 3 Sep 2026 (fiscal year 2569), approved on paper 5 Sep (กค 0406/123), out 10 Sep, due 10 Dec.
    private static PaperLoanRecord OnLoan() => new(PaperLoanState.OnLoan, new(2026, 9, 3), new(2026, 9, 5), "กค 0406/123 ลว. 5 ก.ย. 2569",
        new(2026, 9, 10), new(2026, 12, 10), new(2026, 9, 10), null);

    [Fact]
    public void OnLoan_Consistent_HasNoProblem_AndIsNumberedInTheFiscalYearOfItsRequest()
    {
        Assert.Empty(PaperRecords.Problems(OnLoan(), Today));
        Assert.Equal(2569, OnLoan().FiscalYear.BuddhistYear);
        Assert.Equal(2570, (OnLoan() with { RequestedOn = new(2026, 10, 1), ApprovedOn = new(2026, 10, 2), HandedOverOn = new(2026, 10, 2) }).FiscalYear.BuddhistYear);
        Assert.True(OnLoan().IsOut);
    }

    [Fact]
    public void Returned_AndApprovedNotHandedOver_Consistent_HaveNoProblem()
    {
        Assert.Empty(PaperRecords.Problems(OnLoan() with { State = PaperLoanState.Returned, DueOn = new(2026, 9, 20), ReturnedOn = new(2026, 9, 19) }, Today));
        Assert.Empty(PaperRecords.Problems(OnLoan() with { State = PaperLoanState.ApprovedNotHandedOver, StartOn = new(2026, 12, 1), HandedOverOn = null }, Today));
    }

    [Theory]
    // The approval is dated before the request.
    [InlineData("approved", "2026-09-02", "ApprovedOn", "Paper.ApprovedBeforeRequest")]
    // Handed over before it was approved.
    [InlineData("handed", "2026-09-04", "HandedOverOn", "Paper.HandedOverBeforeApproval")]
    // Any date after today.
    [InlineData("requested", "2026-11-26", "RequestedOn", "Paper.RequestInFuture")]
    [InlineData("approved", "2026-11-26", "ApprovedOn", "Paper.ApprovalInFuture")]
    [InlineData("handed", "2026-11-26", "HandedOverOn", "Paper.HandoverInFuture")]
    // Due before the start.
    [InlineData("due", "2026-09-09", "DueOn", "Paper.DueBeforeStart")]
    public void OnLoan_ADateOutOfOrder_IsAProblemBesideThatField(string which, string date, string field, string code)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var record = which switch
        {
            "approved" => OnLoan() with { ApprovedOn = d },
            "handed" => OnLoan() with { HandedOverOn = d },
            "requested" => OnLoan() with { RequestedOn = d },
            _ => OnLoan() with { DueOn = d },
        };

        Assert.Contains(new PaperRecordProblem(field, code, ""), PaperRecords.Problems(record, Today), ByFieldAndCode.Instance);
    }

    [Fact]
    public void TheStateSaysWhichDatesThereAre()
    {
        Assert.Contains(PaperRecords.Problems(OnLoan() with { HandedOverOn = null }, Today), p => p.Code == "Paper.HandoverRequired");
        Assert.Contains(PaperRecords.Problems(OnLoan() with { ReturnedOn = new(2026, 9, 20) }, Today), p => p.Code == "Paper.ReturnNotInState");
        Assert.Contains(PaperRecords.Problems(OnLoan() with { State = PaperLoanState.Returned }, Today), p => p.Code == "Paper.ReturnRequired");
        Assert.Contains(PaperRecords.Problems(OnLoan() with { State = PaperLoanState.Returned, ReturnedOn = new(2026, 9, 9) }, Today), p => p.Code == "Paper.ReturnedBeforeHandover");
        Assert.Contains(PaperRecords.Problems(OnLoan() with { State = PaperLoanState.ApprovedNotHandedOver }, Today), p => p.Code == "Paper.HandoverNotInState");
        // Approved for 10 Sep–20 Nov and never handed over: the approval lapsed, there is nothing to key in.
        Assert.Contains(PaperRecords.Problems(OnLoan() with { State = PaperLoanState.ApprovedNotHandedOver, HandedOverOn = null, DueOn = new(2026, 11, 20) }, Today),
            p => p.Code == "Paper.ApprovalLapsed");
    }

    [Fact]
    public void TheApprovalReferenceIsWritten()
    {
        Assert.Contains(PaperRecords.Problems(OnLoan() with { ApprovalReference = "  " }, Today), p => p is { Field: "ApprovalReference", Code: "Paper.ReferenceRequired" });
        Assert.Equal("Paper.ReferenceRequired", Assert.Throws<DomainRuleException>(() => PaperRecords.EnsureConsistent(OnLoan() with { ApprovalReference = null }, Today)).Code);
    }

    /// <summary>
    /// For any dates and state: a record with no problem has request ≤ approval ≤ handover ≤ return ≤ today, start ≤ due,
    /// and exactly the dates its state calls for; and every record built that way has no problem.
    /// </summary>
    [Fact]
    public void Property_NoProblemExactlyWhenTheDatesRunInOrderAndMatchTheState()
    {
        var day = Gen.Int[-400, 60].Select(d => (DateOnly?)Today.AddDays(d));
        var maybe = Gen.Select(Gen.Int[0, 3], day, (none, d) => none == 0 ? null : d);
        var record = Gen.Select(Gen.Int[0, 2], day, day, Gen.Select(day, day, maybe, maybe))
            .Select(t => new PaperLoanRecord((PaperLoanState)t.Item1, t.Item2!.Value, t.Item3!.Value, "กค 1/2569",
                t.Item4.Item1!.Value, t.Item4.Item2!.Value, t.Item4.Item3, t.Item4.Item4));

        record.Sample(r =>
        {
            var consistent = r.RequestedOn <= r.ApprovedOn && r.ApprovedOn <= Today && r.StartOn <= r.DueOn && r.RequestedOn <= r.DueOn
                && r.State switch
                {
                    PaperLoanState.ApprovedNotHandedOver => r.HandedOverOn is null && r.ReturnedOn is null && r.DueOn >= Today,
                    PaperLoanState.OnLoan => r.HandedOverOn is { } h && r.ApprovedOn <= h && h <= Today && r.ReturnedOn is null,
                    _ => r.HandedOverOn is { } h2 && r.ReturnedOn is { } b && r.ApprovedOn <= h2 && h2 <= b && b <= Today,
                };
            return consistent == (PaperRecords.Problems(r, Today).Count == 0);
        }, iter: 20_000);
    }

    private sealed class ByFieldAndCode : IEqualityComparer<PaperRecordProblem>
    {
        public static readonly ByFieldAndCode Instance = new();

        public bool Equals(PaperRecordProblem? x, PaperRecordProblem? y) => x?.Field == y?.Field && x?.Code == y?.Code;

        public int GetHashCode(PaperRecordProblem obj) => HashCode.Combine(obj.Field, obj.Code);
    }
}
