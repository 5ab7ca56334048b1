namespace AssetLoan.Web;

/// <summary>
/// Marker for the shared strings (layout, validation messages, domain rule messages). Keys are the Thai text;
/// <c>Resources/SharedResource.en.resx</c> holds the English.
/// </summary>
public sealed class SharedResource;
