namespace AssetLoan.Web.Pages.Loans;

/// <summary>The model of <c>_ItemTable.cshtml</c>: the items, what was typed, and the form's field prefix.</summary>
public sealed record ItemTable(IReadOnlyList<ItemChoice> Items, IReadOnlyDictionary<int, int?> Quantities, string Prefix = "Input", bool ShowAudience = false);
