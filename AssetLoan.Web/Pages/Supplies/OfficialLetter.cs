using System.Globalization;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// The frame of a letter in the municipality's own form (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ): a หนังสือภายนอก
/// (ครุฑ, ที่, the municipality's address, date, เรื่อง, เรียน, อ้างถึง … ขอแสดงความนับถือ, signer, the sending unit) to an
/// outside borrower, or a บันทึกข้อความ (ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน … signer) to a staff member. The body is
/// the page's own; the head and the signature are the partials <c>_LetterHead</c> and <c>_LetterSign</c>.
/// </summary>
public sealed record OfficialLetter(
    BorrowerKind BorrowerKind,
    string? Number,
    DateOnly On,
    string Subject,
    string To,
    string? Reference,
    Settings Settings,
    LetterSettings Letters,
    LetterSigner Signer)
{
    /// <summary>A staff borrower gets an internal memo; everyone else an external letter.</summary>
    public bool IsMemo => BorrowerKind == BorrowerKind.Staff;

    /// <summary>"ชม ๕๒๓๐๑/77", or the code with a blank for the number while the letter is a draft.</summary>
    public string NumberText => T(Number is { Length: > 0 } n ? Letters.Numbered(n) : $"{Letters.LetterCode.Trim()}/................");

    /// <summary>The signer's position: as set, or the head of the municipality ("เทศบาลตำบลแม่คือ" → "นายกเทศมนตรีตำบลแม่คือ").</summary>
    public string SignerPosition => Signer.Position is { Length: > 0 } p ? p
        : Settings.MunicipalityName.StartsWith("เทศบาล", StringComparison.Ordinal)
            ? "นายกเทศมนตรี" + Settings.MunicipalityName["เทศบาล".Length..]
            : "นายก" + Settings.MunicipalityName;

    public string T(string text) => Settings.ThaiDigitsOnDocuments ? ThaiDate.ThaiDigits(text) : text;

    public string T(int number) => T(number.ToString(CultureInfo.InvariantCulture));

    public string Money(decimal amount) => T(amount.ToString("#,##0.00", CultureInfo.InvariantCulture));

    public string LongDate(DateOnly date) => T(ThaiDate.FormatLong(date));

    /// <summary>The ครุฑ as a data URL (the stored PNG), so it prints with the page; null when none was uploaded.</summary>
    public string? EmblemDataUrl { get; init; }

    public static async Task<string?> EmblemDataUrlAsync(Infrastructure.FileStorage files, LetterSettings letters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(letters);
        if (!letters.HasEmblem || files.PathOf(letters.EmblemPath) is not { } full)
        {
            return null;
        }

        return "data:image/png;base64," + Convert.ToBase64String(await File.ReadAllBytesAsync(full, ct));
    }
}
