namespace AssetLoan.Domain.Borrowers;

/// <summary>
/// เลขประจำตัวประชาชน 13 หลัก: first digit 1–8; check digit = (11 − Σ dᵢ·(13−i) mod 11) mod 10 over the first 12 digits.
/// </summary>
public static class ThaiNationalId
{
    public static NationalIdProblem? Validate(string? input)
    {
        var digits = Digits(input);
        if (digits.Length == 0)
        {
            return NationalIdProblem.Missing;
        }

        if (digits.Length != 13 || !digits.All(char.IsAsciiDigit) || HasOtherCharacters(input!))
        {
            return NationalIdProblem.WrongLength;
        }

        if (digits[0] is '0' or '9')
        {
            return NationalIdProblem.WrongFirstDigit;
        }

        return CheckDigit(digits) == digits[12] - '0' ? null : NationalIdProblem.WrongCheckDigit;
    }

    public static bool IsValid(string? input) => Validate(input) is null;

    /// <summary>The 13 digits with separators removed ("1-2345-67890-12-1" → "1234567890121").</summary>
    public static string Normalize(string input)
    {
        DomainRuleException.ThrowIf(!IsValid(input), "NationalId.Invalid", "The national ID is not valid.");
        return Digits(input);
    }

    public static int CheckDigit(string first12)
    {
        ArgumentNullException.ThrowIfNull(first12);
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * (13 - i);
        }

        return (11 - (sum % 11)) % 10;
    }

    /// <summary>x-xxxx-xxxxx-12-3: only the last three digits stay visible.</summary>
    public static string Mask(string? normalized)
    {
        if (normalized is not { Length: 13 })
        {
            return "x-xxxx-xxxxx-xx-x";
        }

        return $"x-xxxx-xxxxx-{normalized[10]}{normalized[11]}-{normalized[12]}";
    }

    public static string Format(string normalized) =>
        normalized is { Length: 13 }
            ? $"{normalized[0]}-{normalized[1..5]}-{normalized[5..10]}-{normalized[10..12]}-{normalized[12]}"
            : normalized;

    private static string Digits(string? input) =>
        new((input ?? "").Where(c => c is not ('-' or ' ')).ToArray());

    private static bool HasOtherCharacters(string input) => input.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' '));
}

public enum NationalIdProblem
{
    Missing,
    WrongLength,
    WrongFirstDigit,
    WrongCheckDigit,
}
