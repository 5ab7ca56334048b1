using AssetLoan.Domain;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using CsCheck;

namespace AssetLoan.Tests.Domain;

/// <summary>
/// Issue 16 §1: a sent-back request corrected by its borrower — items and quantities, dates, purpose, place — and
/// resubmitted under the same number; the history says what changed; the new content meets the rules of a new request.
/// </summary>
public sealed class ResubmitWithChangesTests
{
    private static readonly DateOnly Today = LoanBuilder.Today;
    private static readonly DateTime Now = LoanBuilder.NowUtc;

    [Fact]
    public void Resubmit_ChangedQuantity_KeepsTheNumberAndWritesWhatChanged()
    {
        var b = new LoanBuilder().WithPooled(100).SentBack();
        var loan = b.Build();
        var chairs = loan.Lines[0].CatalogueItemId;
        var reference = loan.Reference;

        loan.Resubmit(Actors.Employee, Edit(loan, [new RequestedLine(chairs, 60)]), b.Items, Today, Now);

        Assert.Equal(LoanStatus.Submitted, loan.Status);
        Assert.Equal(reference, loan.Reference);
        Assert.Equal(60, Assert.Single(loan.Lines).Quantity);
        var entry = loan.History[^1];
        Assert.Equal(LoanAction.Resubmit, entry.Action);
        Assert.Equal("เก้าอี้พลาสติก 100 → 60 ตัว", entry.Note);
    }

    [Fact]
    public void Resubmit_NewDatesAndPurpose_AreDescribedWithoutTheFreeText()
    {
        var b = new LoanBuilder().WithPooled(10).SentBack();
        var loan = b.Build();

        loan.Resubmit(Actors.Employee, new LoanRequestEdit("ประชุมประจำเดือน (แก้ไข)", loan.Place, Today.AddDays(5), Today.AddDays(6)), b.Items, Today, Now);

        var note = loan.History[^1].Note!;
        Assert.Contains("วันที่ 25 พ.ย. 2569 – 27 พ.ย. 2569 → 30 พ.ย. 2569 – 1 ธ.ค. 2569", note, StringComparison.Ordinal);
        Assert.Contains("แก้ไขวัตถุประสงค์", note, StringComparison.Ordinal);
        Assert.DoesNotContain("ประชุมประจำเดือน", note, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(5), loan.StartOn);
    }

    [Fact]
    public void Resubmit_AddAnItemAndDropAnother_ReplacesTheLines()
    {
        var tent = new CatalogueItemBuilder().Named("เต็นท์", "หลัง").Pooled(20).Build();
        var b = new LoanBuilder().WithPooled(50).WithNumbered(1).SentBack();
        var loan = b.Build();
        var chairs = loan.Lines.Single(l => l.IsPooled).CatalogueItemId;
        var items = new Dictionary<int, AssetLoan.Domain.Assets.CatalogueItem>(b.Items) { [tent.Id] = tent };

        loan.Resubmit(Actors.Employee, Edit(loan, [new RequestedLine(chairs, 50), new RequestedLine(tent.Id, 2)]), items, Today, Now);

        Assert.Equal(new[] { chairs, tent.Id }.Order(), loan.Lines.Select(l => l.CatalogueItemId).Order());
        Assert.Contains("เครื่องฉายภาพ (โปรเจกเตอร์) 1 → 0 เครื่อง", loan.History[^1].Note, StringComparison.Ordinal);
        Assert.Contains("เต็นท์ 0 → 2 หลัง", loan.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Resubmit_MoreThanIsFree_ThrowsAndChangesNothing()
    {
        var b = new LoanBuilder().WithPooled(100).SentBack();
        var loan = b.Build();
        var chairs = loan.Lines[0].CatalogueItemId;
        var free = new Dictionary<int, ItemAvailability> { [chairs] = new(chairs, 80, new HashSet<int>()) };

        var ex = Assert.Throws<DomainRuleException>(() =>
            loan.Resubmit(Actors.Employee, Edit(loan, [new RequestedLine(chairs, 90)]), b.Items, Today, Now, availability: free));

        Assert.Equal("Loan.NotEnoughAvailable", ex.Code);
        Assert.Equal(LoanStatus.SentBack, loan.Status);
        Assert.Equal(100, loan.Lines[0].Quantity);
        Assert.Equal(new Shortage(chairs, 90, 80), Assert.Single(Loan.ShortLines([new RequestedLine(chairs, 90)], free)));
    }

    [Fact]
    public void Resubmit_NoItemsLeft_Throws()
    {
        var b = new LoanBuilder().WithPooled(10).SentBack();
        var loan = b.Build();

        Assert.Equal("Loan.NoItems", Assert.Throws<DomainRuleException>(() =>
            loan.Resubmit(Actors.Employee, Edit(loan, [new RequestedLine(loan.Lines[0].CatalogueItemId, 0)]), b.Items, Today, Now)).Code);
    }

    [Fact]
    public void Resubmit_OverTheStockOnHand_Throws()
    {
        var b = new LoanBuilder().WithPooled(10, onHand: 40).SentBack();
        var loan = b.Build();

        Assert.Equal("Loan.QuantityOverStock", Assert.Throws<DomainRuleException>(() =>
            loan.Resubmit(Actors.Employee, Edit(loan, [new RequestedLine(loan.Lines[0].CatalogueItemId, 41)]), b.Items, Today, Now)).Code);
    }

    [Fact]
    public void Resubmit_UnknownNewItem_Throws()
    {
        var b = new LoanBuilder().WithPooled(10).SentBack();
        var loan = b.Build();

        Assert.Equal("Loan.UnknownItem", Assert.Throws<DomainRuleException>(() =>
            loan.Resubmit(Actors.Employee, Edit(loan, [new RequestedLine(loan.Lines[0].CatalogueItemId, 10), new RequestedLine(9999, 1)]), b.Items, Today, Now)).Code);
    }

    [Fact]
    public void Resubmit_WithoutLines_KeepsTheItems()
    {
        var b = new LoanBuilder().WithPooled(10).SentBack();
        var loan = b.Build();

        loan.Resubmit(Actors.Employee, new LoanRequestEdit(loan.Purpose, loan.Place, loan.StartOn, loan.DueOn), b.Items, Today, Now);

        Assert.Equal(10, loan.Lines[0].Quantity);
        Assert.Null(loan.History[^1].Note);
    }

    private static LoanRequestEdit Edit(Loan loan, IReadOnlyList<RequestedLine> lines) => new(loan.Purpose, loan.Place, loan.StartOn, loan.DueOn, lines);
}

/// <summary>Issue 16 §2b: an outside borrower asks for more days through their tracking link, as the applicant.</summary>
public sealed class OutsiderExtensionTests
{
    [Fact]
    public void RequestExtension_ApplicantOfAnOutsidersLoan_IsWaitingForTheApprover()
    {
        var loan = new LoanBuilder().ByOutsider().WithPooled(10).HandedOver().Build();

        loan.RequestExtension(AssetLoan.Domain.People.Actor.Applicant("ผู้ยื่นคำขอทางออนไลน์"), loan.DueOn.AddDays(2), "งานเลื่อน", LoanBuilder.Today, LoanBuilder.NowUtc);

        Assert.Equal(loan.DueOn.AddDays(2), loan.PendingExtension!.RequestedDueOn);
    }

    [Fact]
    public void RequestExtension_ApplicantOfAStaffLoan_Throws()
    {
        var loan = new LoanBuilder().WithPooled(10).HandedOver().Build();

        Assert.Equal("Loan.NotAllowed", Assert.Throws<DomainRuleException>(() =>
            loan.RequestExtension(AssetLoan.Domain.People.Actor.Applicant("ใครก็ได้"), loan.DueOn.AddDays(2), "งานเลื่อน", LoanBuilder.Today, LoanBuilder.NowUtc)).Code);
    }

    [Fact]
    public void ChangeNote_ReadsBackEveryPartItWrote()
    {
        var letters = "กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮะาิีึืุูเแโใไ่้๊๋์ ().×0123456789";
        var name = Gen.Int[0, letters.Length - 1].Array[1, 40].Select(ix => new string(ix.Select(i => letters[i]).ToArray()).Trim())
            .Where(n => n.Length > 0);
        var unit = Gen.Int[0, 3].Select(i => new[] { "ตัว", "หลัง", "ชุด", "เครื่อง" }[i]);
        var day = Gen.Int[0, 3650].Select(d => new DateOnly(2024, 1, 1).AddDays(d));
        var quantity = Gen.Select(name, Gen.Int[0, 100_000], Gen.Int[0, 100_000], unit).Select(t => (RequestChange)new RequestChange.Quantity(t.Item1, t.Item2, t.Item3, t.Item4));
        var dates = Gen.Select(day, day, day, day).Select(t => (RequestChange)new RequestChange.Dates(t.Item1, t.Item2, t.Item3, t.Item4));
        var change = Gen.Frequency((4, quantity), (2, dates), (1, Gen.Const((RequestChange)new RequestChange.Purpose())), (1, Gen.Const((RequestChange)new RequestChange.Place())));
        change.Array[1, 6].Sample(changes => RequestChangeNote.Read(RequestChangeNote.Write(changes)).SequenceEqual(changes), iter: 2_000);
    }

    [Fact]
    public void ChangeNote_TextItDidNotWrite_ComesBackAsItIs() =>
        Assert.Equal([new RequestChange.Other("เปลี่ยนผู้รับของ"), new RequestChange.Purpose()], RequestChangeNote.Read("เปลี่ยนผู้รับของ; แก้ไขวัตถุประสงค์"));
}
