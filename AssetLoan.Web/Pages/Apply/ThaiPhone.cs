using System.ComponentModel.DataAnnotations;

namespace AssetLoan.Web.Pages.Apply;

/// <summary>
/// Thai phone numbers as people type them ("081-234-5678", "+66 81 234 5678", "053 123 456"), stored as digits with
/// the leading 0 so that the cap and the tracking look-up compare like with like.
/// </summary>
public static class ThaiPhone
{
    /// <summary>Mobile 0[689]xxxxxxxx (10 digits) or landline 0[2-7]xxxxxxx (9 digits); null when it is neither.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = input.Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '.' or '+')))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.StartsWith('+') || (digits.StartsWith("66", StringComparison.Ordinal) && digits.Length is 10 or 11))
        {
            digits = digits.StartsWith("66", StringComparison.Ordinal) ? "0" + digits[2..] : "";
        }

        var mobile = digits.Length == 10 && digits[0] == '0' && digits[1] is '6' or '8' or '9';
        var landline = digits.Length == 9 && digits[0] == '0' && digits[1] is >= '2' and <= '7';
        return mobile || landline ? digits : null;
    }

    /// <summary>081-234-5678 / 053-123-456 for reading back to the applicant.</summary>
    public static string Format(string digits) => digits.Length switch
    {
        10 => $"{digits[..3]}-{digits[3..6]}-{digits[6..]}",
        9 when digits[1] == '2' => $"{digits[..2]}-{digits[2..5]}-{digits[5..]}",
        9 => $"{digits[..3]}-{digits[3..6]}-{digits[6..]}",
        _ => digits,
    };
}

/// <summary>A Thai phone number (mobile or landline); the message is Thai, English comes from the shared resource.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ThaiPhoneAttribute : ValidationAttribute
{
    public ThaiPhoneAttribute()
    {
        ErrorMessage = "กรุณากรอกเบอร์โทรศัพท์ให้ถูกต้อง เช่น 081-234-5678 หรือ 053-123-456";
    }

    public override bool IsValid(object? value) => value is not string s || string.IsNullOrWhiteSpace(s) || ThaiPhone.Normalize(s) is not null;
}
