using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AssetLoan.Domain.Assets;

/// <summary>
/// Asset numbers are opaque strings from the existing register (<c>416-64-0001</c>, <c>พย7110-006-024-335</c>).
/// The template only <em>proposes</em> the next number for a new asset.
/// </summary>
public static partial class AssetNumbers
{
    public const string DefaultTemplate = "{category}-{yy}-{0000}";

    public const int MaxLength = 60;

    public static string Normalize(string? number)
    {
        var n = (number ?? "").Trim();
        DomainRuleException.ThrowIf(n.Length == 0, "Asset.NumberRequired", "An asset needs an asset number.");
        DomainRuleException.ThrowIf(n.Length > MaxLength, "Asset.NumberTooLong", "An asset number is at most 60 characters.");
        DomainRuleException.ThrowIf(n.Any(char.IsControl), "Asset.NumberInvalid", "An asset number cannot hold control characters.");
        return WhiteSpace().Replace(n, " ");
    }

    /// <summary>
    /// Proposes the next number: the template with {category} and {yy} (last two digits of the Buddhist year) filled,
    /// and the zero run ({0000}) one past the highest running number already used with the same prefix and suffix.
    /// </summary>
    public static string ProposeNext(string? template, string categoryCode, DateOnly acquiredOn, IEnumerable<string> existingNumbers)
    {
        var filled = Fill(template, categoryCode, acquiredOn);
        var run = RunningPlaceholder().Match(filled);
        if (!run.Success)
        {
            return filled;
        }

        var width = run.Groups[1].Value.Length;
        var prefix = filled[..run.Index];
        var suffix = filled[(run.Index + run.Length)..];
        var highest = 0;
        foreach (var existing in existingNumbers)
        {
            if (existing.Length <= prefix.Length + suffix.Length
                || !existing.StartsWith(prefix, StringComparison.Ordinal)
                || !existing.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var middle = existing[prefix.Length..^suffix.Length];
            if (middle.All(char.IsAsciiDigit) && int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                highest = Math.Max(highest, value);
            }
        }

        var next = (highest + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        return new StringBuilder(prefix).Append(next).Append(suffix).ToString();
    }

    /// <summary>The fixed text before the running number, to look up the candidates by prefix.</summary>
    public static string Prefix(string? template, string categoryCode, DateOnly acquiredOn)
    {
        var proposal = Fill(template, categoryCode, acquiredOn);
        var run = RunningPlaceholder().Match(proposal);
        return run.Success ? proposal[..run.Index] : proposal;
    }

    private static string Fill(string? template, string categoryCode, DateOnly acquiredOn)
    {
        template = string.IsNullOrWhiteSpace(template) ? DefaultTemplate : template;
        var buddhistYear = Calendar.ThaiDate.ToBuddhistYear(acquiredOn.Year);
        return template
            .Replace("{category}", categoryCode, StringComparison.Ordinal)
            .Replace("{yyyy}", buddhistYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{yy}", (buddhistYear % 100).ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(0+)\}")]
    private static partial Regex RunningPlaceholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
