namespace AssetLoan.Web.Pages.Assets;

/// <summary>
/// The QR tag box on the asset and catalogue pages: the code, the tag, its public page and, for those who keep the
/// registry, a link to print its label (<see cref="PrintUrl"/>; null hides it).
/// </summary>
public sealed record TagCard(string Tag, string? PrintUrl);
