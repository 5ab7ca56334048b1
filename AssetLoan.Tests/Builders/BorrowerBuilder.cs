using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.People;

namespace AssetLoan.Tests.Builders;

/// <summary>Borrowers with ids: a staff member linked to an actor, a citizen, an agency.</summary>
public static class BorrowerBuilder
{
    public static Borrower Staff(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Ids.Set(Borrower.ForStaff(actor.UserId!, actor.Name, actor.DivisionId, "นักวิชาการ", "0812345678", null), Ids.Next());
    }

    public static Borrower Person(string name = "นายสมชาย ใจงาม") =>
        Ids.Set(new Borrower(BorrowerKind.Person, name, new BorrowerContact("0891234567", null, "12", "3", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่")), Ids.Next());

    public static Borrower Agency(string name = "องค์การบริหารส่วนตำบลตลาดใหญ่") =>
        Ids.Set(new Borrower(BorrowerKind.Agency, name, new BorrowerContact("053123456", null, null, null, "ตลาดใหญ่", "ดอยสะเก็ด", "เชียงใหม่")), Ids.Next());

    public static Borrower Of(BorrowerKind kind, string name = "วัดแม่คือ") =>
        Ids.Set(new Borrower(kind, name, new BorrowerContact("053000000", null, null, null, null, null, null)), Ids.Next());
}
