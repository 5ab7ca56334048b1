using System.Globalization;
using AssetLoan.Web.Infrastructure.Labels;

namespace AssetLoan.Tests.Web;

public sealed class ThaiLineBreakerTests
{
    private static double Width(string s) => new StringInfo(s).LengthInTextElements;

    [Fact]
    public void Wrap_TextWithSpaces_BreaksAtTheSpaces()
    {
        var lines = ThaiLineBreaker.Wrap("เต็นท์ ขนาด 4×8 ม.", 7, Width);
        Assert.Equal(["เต็นท์", "ขนาด", "4×8 ม."], lines);
    }

    [Theory]
    [InlineData("เครื่องคอมพิวเตอร์โน้ตบุ๊ก")]
    [InlineData("ผู้ใหญ่บ้านน้ำใจงาม")]
    [InlineData("ไม้ไผ่สำหรับทำโครงเต็นท์")]
    public void Wrap_ThaiWithoutSpaces_NeverSplitsAClusterOrStrandsAVowel(string word)
    {
        var lines = ThaiLineBreaker.Wrap(word, 3, Width);
        Assert.True(lines.Count > 1);
        Assert.Equal(word, string.Concat(lines));
        var clusterEnds = new HashSet<int>(StringInfo.ParseCombiningCharacters(word).Skip(1)) { word.Length };
        var at = 0;
        foreach (var line in lines)
        {
            at += line.Length;
            Assert.Contains(at, clusterEnds);
            Assert.False(line[^1] is >= '\u0E40' and <= '\u0E44', $"'{line}' ends with a leading vowel");
            Assert.False(line[0] is '\u0E30' or '\u0E32' or '\u0E33' or '\u0E45' or '\u0E46' || CharUnicodeInfo.GetUnicodeCategory(line[0]) == UnicodeCategory.NonSpacingMark,
                $"'{line}' starts with a following vowel or a mark");
        }
    }

    [Fact]
    public void Units_GlueLeadingVowelsFollowingVowelsAndLatinRuns()
    {
        Assert.Equal(["เต็", "น", "ท์"], ThaiLineBreaker.Units("เต็นท์"));
        Assert.Equal(["HDMI4×8", "ม."], ThaiLineBreaker.Units("HDMI4×8ม."));
        Assert.Equal(["ไม้", "ไผ่"], ThaiLineBreaker.Units("ไม้ไผ่"));
    }

    [Fact]
    public void Wrap_OneUnitWiderThanTheLine_FallsBackToClusters()
    {
        var lines = ThaiLineBreaker.Wrap("ABCDEFGHIJ", 4, Width);
        Assert.Equal(["ABCD", "EFGH", "IJ"], lines);
    }
}
