namespace AssetLoan.Web.Pages.Supplies;

/// <summary>The model of <c>_QueueTable.cshtml</c>: one list of the work queue and the page each row leads to ("/supplies/check/{0}").</summary>
public sealed record QueueTable(IReadOnlyList<IndexModel.QueueRow> Rows, string ActionUrl, string ActionText, DateOnly Today, bool Overdue = false);
