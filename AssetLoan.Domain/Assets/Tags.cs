using System.Security.Cryptography;

namespace AssetLoan.Domain.Assets;

/// <summary>Short, URL-safe, never-reused codes printed in QR labels (<c>/a/{tag}</c>).</summary>
public static class Tags
{
    // No 0/O, 1/I/L: a tag may be read aloud or typed from a worn label.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 8;

    public static string NewTag() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? tag) =>
        tag is { Length: Length } && tag.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    public static string Require(string tag)
    {
        DomainRuleException.ThrowIf(!IsWellFormed(tag), "Tag.Malformed", "A tag is 8 characters from the tag alphabet.");
        return tag;
    }
}
