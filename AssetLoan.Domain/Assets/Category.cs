namespace AssetLoan.Domain.Assets;

/// <summary>ประเภทครุภัณฑ์ (DLA-style asset category). <see cref="Code"/> feeds the asset-number template.</summary>
public sealed class Category
{
    public Category(string code, string name)
    {
        Rename(code, name);
    }

    private Category()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public void Rename(string code, string name)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(code), "Category.CodeRequired", "A category needs a code.");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(name), "Category.NameRequired", "A category needs a name.");
        Code = code.Trim();
        Name = name.Trim();
    }
}
