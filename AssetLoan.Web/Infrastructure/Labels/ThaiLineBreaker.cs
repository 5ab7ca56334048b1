using System.Globalization;
using System.Text;

namespace AssetLoan.Web.Infrastructure.Labels;

/// <summary>
/// Where a label line may break. Thai writes words without spaces and .NET has no Thai dictionary, so:
/// <list type="number">
/// <item>break at spaces when the text has them (item names usually do: "เต็นท์ ขนาด 4×8 ม.");</item>
/// <item>inside a word, break only between grapheme clusters (<see cref="StringInfo"/>), so a consonant never loses its
/// vowels and tone marks (ที่, น้ำ); and glue what Thai readers never see split: a leading vowel (เ แ โ ใ ไ) to what
/// follows it, and a following vowel or sign (ะ า ๅ ๆ ฯ) to what precedes it — roughly a Thai character cluster;</item>
/// <item>Latin letters and digits stay together ("HDMI", "4×8"); they are cut between clusters only when one run alone
/// is wider than the line.</item>
/// </list>
/// A break between two clusters inside a Thai word may split a word between syllables; on a 70 mm label that is
/// acceptable and far better than clipping or overlapping the QR code.
/// </summary>
public static class ThaiLineBreaker
{
    /// <summary>
    /// Splits <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/> as measured by
    /// <paramref name="measure"/>. Each returned line is trimmed.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (measure(candidate) <= maxWidth)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (measure(word) <= maxWidth)
            {
                current.Append(word);
                continue;
            }

            // The word alone is too wide: fill lines unit by unit, then clusters if one unit is still too wide.
            foreach (var unit in Units(word).SelectMany(u => measure(u) <= maxWidth ? [u] : Clusters(u)))
            {
                var next = current.ToString() + unit;
                if (current.Length > 0 && measure(next) > maxWidth)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }

                current.Append(unit);
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>The pieces of a space-free word between which a line may break.</summary>
    public static IReadOnlyList<string> Units(string word)
    {
        var units = new List<string>();
        var pending = new StringBuilder();
        var previousWasLatin = false;
        foreach (var cluster in Clusters(word))
        {
            var first = cluster[0];
            var isLatin = char.IsAsciiLetterOrDigit(first) || (previousWasLatin && IsLatinJoiner(first));
            var glueToPrevious = units.Count > 0 && pending.Length == 0 && (IsFollowingSign(first) || IsClosing(first) || (isLatin && previousWasLatin));
            if (glueToPrevious)
            {
                units[^1] += cluster;
            }
            else
            {
                pending.Append(cluster);
                if (!(IsLeadingVowel(first) || IsOpening(first)) || cluster.Length > 1)
                {
                    units.Add(pending.ToString());
                    pending.Clear();
                }
            }

            previousWasLatin = isLatin;
        }

        if (pending.Length > 0)
        {
            units.Add(pending.ToString());
        }

        return units;
    }

    public static IEnumerable<string> Clusters(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }

    /// <summary>เ แ โ ใ ไ: written before the consonant they follow in speech.</summary>
    private static bool IsLeadingVowel(char c) => c is >= '\u0E40' and <= '\u0E44';

    /// <summary>ะ า ๅ ๆ ฯ (ำ is already part of its cluster): never start a line.</summary>
    private static bool IsFollowingSign(char c) => c is '\u0E30' or '\u0E32' or '\u0E33' or '\u0E45' or '\u0E46' or '\u0E2F';

    private static bool IsLatinJoiner(char c) => c is '×' or '-' or '/';

    private static bool IsClosing(char c) => c is '.' or ',' or ';' or ':' or ')' or ']' or '!' or '?' or '\u201D';

    private static bool IsOpening(char c) => c is '(' or '[' or '\u201C';
}
