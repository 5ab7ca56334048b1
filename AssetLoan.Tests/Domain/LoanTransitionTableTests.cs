using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// Every (status, action) pair: the aggregate allows exactly what <see cref="LoanTransitions"/> allows. An allowed
/// action, given valid arguments, succeeds and lands in one of the table's targets; any other throws
/// <c>Loan.IllegalTransition</c> before looking at its arguments.
/// </summary>
public sealed class LoanTransitionTableTests
{
    public static TheoryData<LoanStatus, LoanAction> EveryPair()
    {
        var data = new TheoryData<LoanStatus, LoanAction>();
        foreach (var status in Enum.GetValues<LoanStatus>())
        {
            foreach (var action in Enum.GetValues<LoanAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Action_InStatus_IsAllowedExactlyWhenTheTableSaysSo(LoanStatus status, LoanAction action)
    {
        var builder = InStatus(status, staff: status == LoanStatus.Endorsed || action == LoanAction.Endorse);
        var loan = builder.Build();
        Assert.Equal(status, loan.Status);

        if (LoanTransitions.Allows(status, action))
        {
            Act(builder, loan, action);
            Assert.Contains(loan.Status, LoanTransitions.Targets(status, action));
        }
        else
        {
            var ex = Assert.Throws<DomainRuleException>(() => Act(builder, loan, action));
            Assert.Equal("Loan.IllegalTransition", ex.Code);
            Assert.Equal(status, loan.Status);
        }
    }

    [Fact]
    public void Table_CoversEveryStatus()
    {
        foreach (var status in Enum.GetValues<LoanStatus>())
        {
            _ = LoanTransitions.ActionsFrom(status).ToList();
        }

        Assert.Empty(LoanTransitions.ActionsFrom(LoanStatus.Closed));
        Assert.Empty(LoanTransitions.ActionsFrom(LoanStatus.Rejected));
    }

    [Fact]
    public void Cancel_AfterHandover_IsNotInTheTable()
    {
        // domain.md §5: cancelled "at any point before HandedOver".
        Assert.True(LoanTransitions.Allows(LoanStatus.Approved, LoanAction.Cancel));
        Assert.False(LoanTransitions.Allows(LoanStatus.HandedOver, LoanAction.Cancel));
    }

    /// <summary>A loan in <paramref name="status"/>: two numbered units (so a partial return is possible), staff or a citizen.</summary>
    private static LoanBuilder InStatus(LoanStatus status, bool staff)
    {
        var b = new LoanBuilder().WithNumbered(2);
        if (!staff)
        {
            b.ByOutsider();
        }

        return status switch
        {
            LoanStatus.Submitted => b,
            LoanStatus.Endorsed => b.Endorsed(),
            LoanStatus.SentBack => b.SentBack(),
            LoanStatus.Checked => b.Checked(),
            LoanStatus.PaperApproved => b.PaperApproved(),
            LoanStatus.Approved => b.Approved(),
            LoanStatus.Rejected => b.Rejected(),
            LoanStatus.HandedOver => b.HandedOver(),
            LoanStatus.PartlyReturned => b.PartlyReturned(damaged: true),
            LoanStatus.Returned => b.Returned(),
            LoanStatus.Closed => b.Closed(),
            LoanStatus.Cancelled => b.Cancelled(),
            LoanStatus.Expired => b.Expired(),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    private static void Act(LoanBuilder b, Loan loan, LoanAction action)
    {
        var now = LoanBuilder.NowUtc;
        var today = LoanBuilder.Today;
        var caseId = loan.Compensations.Count > 0 ? loan.Compensations[0].Id : 0;
        switch (action)
        {
            case LoanAction.Endorse:
                loan.Endorse(LoanBuilder.HeadFor(loan), now);
                break;
            case LoanAction.SendBack:
                loan.SendBack(Actors.Officer, "ขอให้ระบุสถานที่ให้ชัดเจน", now);
                break;
            case LoanAction.Resubmit:
                loan.Resubmit(Actors.Officer, new LoanRequestEdit("ใช้ในงานประเพณี", "ศาลาประชาคม", today, today.AddDays(1)), b.Items, today, now);
                break;
            case LoanAction.Check:
                loan.Check(Actors.Officer, loan.Case, b.UnitsFor(loan), b.AllFree(), today, now);
                break;
            case LoanAction.Approve:
                loan.Approve(b.ApproverFor(loan), b.Policy, null, false, b.AllFree(), b.Assets, now);
                break;
            case LoanAction.Reject:
                loan.Reject(b.ApproverFor(loan), b.Policy, "ไม่มีความจำเป็น", now);
                break;
            case LoanAction.ConfirmApproval:
                loan.ConfirmPaperApproval(b.ApproverFor(loan), now);
                break;
            case LoanAction.Cancel:
                loan.Cancel(Actors.Officer, "ผู้ยืมขอยกเลิก", now);
                break;
            case LoanAction.Expire:
                loan.Expire(loan.StartOn.AddDays(10), b.Policy.ExpireAfterDays, now);
                break;
            case LoanAction.HandOver:
                var issues = loan.Lines.Select(l => new LineIssue(l.Id, l.Units.Select(u => u.AssetId).ToList(), l.IsPooled ? l.Quantity : 0, null)).ToList();
                loan.HandOver(Actors.Officer, issues, b.Assets, b.Items, TestShelf.Free(b.Items), "ผู้รับ", true, null, loan.StartOn, now, WorkingCalendar.WeekendsOnly);
                break;
            case LoanAction.Return:
                var returns = loan.Lines.Select(l => new LineReturn(l.Id,
                    l.Units.Where(u => u.IsOut).Select(u => new UnitReturn(u.AssetId, ReturnCondition.Good, null)).ToList(),
                    l.IsPooled ? l.Outstanding : 0, 0, 0, [], null)).ToList();
                loan.Return(Actors.Officer, returns, b.Assets, b.Items, loan.DueOn, now);
                break;
            case LoanAction.RequestExtension:
                loan.RequestExtension(Actors.Officer, loan.DueOn.AddDays(2), "งานยังไม่เสร็จ", loan.StartOn, now);
                break;
            case LoanAction.DecideExtension:
                if (LoanTransitions.Allows(loan.Status, LoanAction.RequestExtension))
                {
                    loan.RequestExtension(Actors.Officer, loan.DueOn.AddDays(2), "งานยังไม่เสร็จ", loan.StartOn, now);
                }

                loan.DecideExtension(b.ApproverFor(loan), b.Policy, true, null, b.AllFree(), b.Items, null, now);
                break;
            case LoanAction.RecordDemand:
                loan.RecordDemand(Actors.Officer, loan.DueOn.AddDays(1), DemandChannel.Letter, null, loan.DueOn.AddDays(2), now, WorkingCalendar.WeekendsOnly);
                break;
            case LoanAction.DecideCompensation:
                Decide(loan, caseId, now);
                break;
            case LoanAction.ConfirmCompensation:
                if (LoanTransitions.Allows(loan.Status, LoanAction.DecideCompensation))
                {
                    Decide(loan, caseId, now);
                }

                loan.ConfirmCompensation(caseId, Actors.Director, now);
                break;
            case LoanAction.SettleCompensation:
                if (LoanTransitions.Allows(loan.Status, LoanAction.ConfirmCompensation))
                {
                    Decide(loan, caseId, now);
                    loan.ConfirmCompensation(caseId, Actors.Director, now);
                }

                loan.SettleCompensation(caseId, Actors.Officer, today, null, "ซ่อมแล้ว", now);
                break;
            case LoanAction.Reduce:
                var line = loan.Lines.OrderByDescending(l => l.Quantity).First();
                loan.ReduceByAgreement(Actors.Officer, [new LineReduction(line.Id, line.Quantity - 1, line.Units.Take(line.Quantity - 1).Select(u => u.AssetId).ToList())],
                    "ผู้ยืมยินยอมทางโทรศัพท์", now);
                break;
            case LoanAction.RecordPaperApproval:
                loan.RecordPaperApproval(Actors.SecondOfficer, Actors.Director.Name, b.Policy.ApproverFor(loan.Case), null, "paper-approvals/signed.pdf", b.Policy, b.AllFree(), b.Assets, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static void Decide(Loan loan, int caseId, DateTime now)
    {
        var proposed = loan.Compensations.FirstOrDefault(c => c.Id == caseId)?.ProposedAmount ?? 0m;
        loan.DecideCompensation(caseId, Actors.Officer, CompensationMethod.Repair, proposed, null, now);
    }
}
