using AssetLoan.Domain.Payments;

namespace AssetLoan.Tests.Domain;

public sealed class ThaiBahtTextTests
{
    [Theory]
    [InlineData("0", "ศูนย์บาทถ้วน")]
    [InlineData("1", "หนึ่งบาทถ้วน")]
    [InlineData("10", "สิบบาทถ้วน")]
    [InlineData("11", "สิบเอ็ดบาทถ้วน")]
    [InlineData("20", "ยี่สิบบาทถ้วน")]
    [InlineData("21", "ยี่สิบเอ็ดบาทถ้วน")]
    [InlineData("101", "หนึ่งร้อยเอ็ดบาทถ้วน")]
    [InlineData("110", "หนึ่งร้อยสิบบาทถ้วน")]
    [InlineData("1001", "หนึ่งพันเอ็ดบาทถ้วน")]
    [InlineData("1234.50", "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์")]
    [InlineData("54000.50", "ห้าหมื่นสี่พันบาทห้าสิบสตางค์")]
    [InlineData("1000000", "หนึ่งล้านบาทถ้วน")]
    [InlineData("1000001", "หนึ่งล้านเอ็ดบาทถ้วน")]
    [InlineData("11000000", "สิบเอ็ดล้านบาทถ้วน")]
    [InlineData("21000021", "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน")]
    [InlineData("10000000000", "หนึ่งหมื่นล้านบาทถ้วน")]
    [InlineData("1000000000000", "หนึ่งล้านล้านบาทถ้วน")]
    [InlineData("0.01", "หนึ่งสตางค์")]
    [InlineData("0.11", "สิบเอ็ดสตางค์")]
    [InlineData("0.25", "ยี่สิบห้าสตางค์")]
    [InlineData("2.21", "สองบาทยี่สิบเอ็ดสตางค์")]
    [InlineData("-5", "ลบห้าบาทถ้วน")]
    public void Write_WorkedExamples(string amount, string expected) =>
        Assert.Equal(expected, ThaiBahtText.Write(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.004", "ศูนย์บาทถ้วน")]
    [InlineData("0.005", "หนึ่งสตางค์")]
    [InlineData("12.345", "สิบสองบาทสามสิบห้าสตางค์")]
    [InlineData("12.344", "สิบสองบาทสามสิบสี่สตางค์")]
    [InlineData("0.995", "หนึ่งบาทถ้วน")]
    [InlineData("99.999", "หนึ่งร้อยบาทถ้วน")]
    public void Write_RoundsSatangHalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(expected, ThaiBahtText.Write(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void WriteNumber_NegativeOrFraction_Throws()
    {
        Assert.Throws<AssetLoan.Domain.DomainRuleException>(() => ThaiBahtText.WriteNumber(-1));
        Assert.Throws<AssetLoan.Domain.DomainRuleException>(() => ThaiBahtText.WriteNumber(1.5m));
        Assert.Equal("ศูนย์", ThaiBahtText.WriteNumber(0));
    }

    // Property: reading the words back gives the amount rounded to satang, for many amounts across every magnitude.
    [Fact]
    public void Write_ReadBack_GivesTheRoundedAmount()
    {
        var random = new Random(2569);
        for (var i = 0; i < 20_000; i++)
        {
            var digits = random.Next(1, 15);
            var whole = (decimal)(random.NextDouble() * Math.Pow(10, digits));
            var amount = Math.Round(whole, random.Next(0, 4));
            var words = ThaiBahtText.Write(amount);
            Assert.Equal(Math.Round(amount, 2, MidpointRounding.AwayFromZero), ReadBack(words));
        }
    }

    private static decimal ReadBack(string words)
    {
        if (words == "ศูนย์บาทถ้วน")
        {
            return 0;
        }

        decimal baht = 0, satang = 0;
        var rest = words;
        var bahtAt = rest.IndexOf("บาท", StringComparison.Ordinal);
        if (bahtAt >= 0)
        {
            baht = ReadNumber(rest[..bahtAt]);
            rest = rest[(bahtAt + 3)..];
        }

        if (rest == "ถ้วน")
        {
            return baht;
        }

        Assert.EndsWith("สตางค์", rest, StringComparison.Ordinal);
        satang = ReadNumber(rest[..^"สตางค์".Length]);
        Assert.InRange(satang, 1, 99);
        return baht + (satang / 100m);
    }

    private static decimal ReadNumber(string text)
    {
        var millionAt = text.LastIndexOf("ล้าน", StringComparison.Ordinal);
        if (millionAt >= 0)
        {
            return (ReadNumber(text[..millionAt]) * 1_000_000m) + ReadNumber(text[(millionAt + 4)..]);
        }

        string[] digitWords = ["หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "เอ็ด", "ยี่"];
        int[] digitValues = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2];
        string[] placeWords = ["แสน", "หมื่น", "พัน", "ร้อย", "สิบ"];
        int[] placeValues = [100_000, 10_000, 1_000, 100, 10];
        decimal total = 0;
        var pending = -1;
        var i = 0;
        while (i < text.Length)
        {
            var d = Array.FindIndex(digitWords, w => text.AsSpan(i).StartsWith(w, StringComparison.Ordinal));
            if (d >= 0)
            {
                Assert.Equal(-1, pending);
                pending = digitValues[d];
                i += digitWords[d].Length;
                continue;
            }

            var p = Array.FindIndex(placeWords, w => text.AsSpan(i).StartsWith(w, StringComparison.Ordinal));
            Assert.True(p >= 0, $"unexpected text at {i} in {text}");
            total += (pending == -1 ? 1 : pending) * placeValues[p];
            pending = -1;
            i += placeWords[p].Length;
        }

        return total + (pending == -1 ? 0 : pending);
    }
}
