using System.ComponentModel.DataAnnotations;

namespace AssetLoan.Web.Pages.Apply;

/// <summary>
/// Thai phone numbers as people type them ("081-234-5678", "+66 81 234 5678", "053 123 456"), stored as digits with
/// the leading 0 so that the cap and the tracking look-up compare like with like.
/// </summary>
public static class ThaiPhone
{
    /// <summary>The digits of a Thai phone number, or null (the rule lives in the domain).</summary>
    public static string? Normalize(string? input) => AssetLoan.Domain.Borrowers.PhoneNumbers.Normalize(input);

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
