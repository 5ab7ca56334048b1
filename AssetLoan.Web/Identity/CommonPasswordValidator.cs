using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace AssetLoan.Web.Identity;

/// <summary>
/// Refuses passwords from the list of common passwords shipped with the app (Identity/common-passwords.txt), also when
/// only digits and punctuation were added around one or it is repeated, and passwords made of the user's e-mail name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(IsCommon(password ?? "", user.Email)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "รหัสผ่านนี้ใช้กันทั่วไปหรือเดาง่าย กรุณาตั้งเป็นวลีที่คนอื่นเดาไม่ได้" })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password, string? email = null)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|~`'\"[]{}<> ".ToCharArray());
        if (stem.Length == 0 || Common.Value.Contains(lower) || Common.Value.Contains(stem) || IsRepeat(stem) || IsRepeat(lower))
        {
            return true;
        }

        var name = email?.Split('@')[0].ToLowerInvariant();
        return name is { Length: >= 4 } && (stem == name || stem.Replace(name, "", StringComparison.Ordinal).Length < 4);
    }

    // "aaaaaaaaaaaa", "abcabcabcabc", "qwertyqwerty": a short piece said again and again.
    private static bool IsRepeat(string s)
    {
        for (var size = 1; size <= s.Length / 2; size++)
        {
            if (s.Length % size == 0 && string.Concat(Enumerable.Repeat(s[..size], s.Length / size)) == s)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AssetLoan.Web.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
