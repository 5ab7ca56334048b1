namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// A scanned signed form is accepted by what its bytes are (PDF, JPEG, PNG), never by its name or the browser's
/// content type, and only up to 5 MB.
/// </summary>
public static class ScannedForm
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>".pdf", ".jpg" or ".png" from the file's first bytes; null for anything else.</summary>
    public static string? ExtensionOf(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) ? ".pdf"
        : head.StartsWith(Jpeg) ? ".jpg"
        : head.StartsWith(Png) ? ".png"
        : null;
}
