using System.Globalization;

namespace AssetLoan.Domain.Loans;

/// <summary>
/// A request number as people say and type it: "8/2570", "0008/2570", "๘/๒๕๗๐" — the running number and the fiscal
/// year (พ.ศ.) of <see cref="Loan.Reference"/>, whatever the leading zeros.
/// </summary>
public static class LoanReference
{
    public static bool TryParse(string? text, out int number, out int fiscalYear)
    {
        number = 0;
        fiscalYear = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = new string(text.Trim().Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c).ToArray());
        var parts = normalized.Split('/');
        return parts.Length == 2
            && parts[0].Trim().Length is > 0 and <= 6
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0
            && parts[1].Trim().Length == 4
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out fiscalYear)
            && fiscalYear > 2400;
    }
}
