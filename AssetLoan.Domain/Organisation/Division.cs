namespace AssetLoan.Domain.Organisation;

/// <summary>A division of the municipality (กอง / สำนัก).</summary>
public sealed class Division
{
    public Division(string code, string name)
    {
        Rename(code, name);
    }

    private Division()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public void Rename(string code, string name)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(code), "Division.CodeRequired", "A division needs a code.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(name), "Division.NameRequired", "A division needs a name.");
        Code = code.Trim();
        Name = name.Trim();
    }
}
