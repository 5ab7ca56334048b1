using AssetLoan.Domain.People;

namespace AssetLoan.Tests.Builders;

/// <summary>The people of the demo municipality as the domain sees them (user ids are stable strings).</summary>
public static class Actors
{
    public const int Education = 4;
    public const int Finance = 2;
    public const int Office = 1;

    public static Actor Employee { get; } = new ActorBuilder("u-employee", "นางสาวมาลี สุขใจ").InDivision(Education).With(Role.Employee).Build();

    public static Actor Head { get; } = new ActorBuilder("u-head", "นายประเสริฐ ทองคำ").InDivision(Education).With(Role.DivisionHead, Role.Employee).Build();

    public static Actor OtherHead { get; } = new ActorBuilder("u-head-eng", "นายช่าง ใหญ่").InDivision(3).With(Role.DivisionHead, Role.Employee).Build();

    public static Actor Officer { get; } = new ActorBuilder("u-officer", "นางสาวพัชรี ใจดี").InDivision(Finance).With(Role.SuppliesOfficer, Role.Employee).Build();

    /// <summary>A second supplies officer (separation of duties: confirms what <see cref="Officer"/> recorded).</summary>
    public static Actor SecondOfficer { get; } = new ActorBuilder("u-officer-2", "นายสมชาย พัสดุดี").InDivision(Finance).With(Role.SuppliesOfficer, Role.Employee).Build();

    public static Actor Director { get; } = new ActorBuilder("u-director", "นายสมศักดิ์ รักษ์ทรัพย์").InDivision(Finance).With(Role.FinanceDirector, Role.Employee).Build();

    public static Actor Mayor { get; } = new ActorBuilder("u-mayor", "นายบุญมา ศรีแม่คือ").InDivision(Office).With(Role.Executive).Build();

    public static Actor Deputy { get; } = new ActorBuilder("u-deputy", "นางวันเพ็ญ คำดี").InDivision(Office).With(Role.Executive, Role.Employee).Build();
}

/// <summary><c>new ActorBuilder("u1").With(Role.SuppliesOfficer).InDivision(2).Build()</c>.</summary>
public sealed class ActorBuilder(string userId, string? name = null)
{
    private readonly HashSet<Role> _roles = [];
    private int? _division;

    public ActorBuilder With(params Role[] roles)
    {
        _roles.UnionWith(roles);
        return this;
    }

    public ActorBuilder InDivision(int? divisionId)
    {
        _division = divisionId;
        return this;
    }

    public Actor Build() => new(userId, name ?? userId, _roles.ToHashSet(), _division);
}
