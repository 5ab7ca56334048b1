using System.Text;

namespace AssetLoan.Domain.Payments;

/// <summary>
/// An amount of money written in Thai words, as on a cheque, a receipt or a compensation notice
/// ("จำนวนเงินตัวอักษร"): 1,234.50 → หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์. It reads like Excel's BAHTTEXT:
/// a units 1 after any higher digit is เอ็ด (11 สิบเอ็ด, 101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด), a tens 2 is ยี่สิบ,
/// a tens 1 is สิบ, and ล้าน repeats for larger amounts (10,000,000,000 หนึ่งหมื่นล้าน).
/// Satang are rounded half away from zero to two places first, so 0.995 reads หนึ่งบาทถ้วน.
/// </summary>
public static class ThaiBahtText
{
    private static readonly string[] Digits = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"];
    private static readonly string[] Places = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];

    public static string Write(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var negative = rounded < 0;
        rounded = Math.Abs(rounded);
        var baht = decimal.Truncate(rounded);
        var satang = (int)((rounded - baht) * 100m);

        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append("ลบ");
        }

        if (baht == 0 && satang == 0)
        {
            return sb.Append("ศูนย์บาทถ้วน").ToString();
        }

        if (baht > 0)
        {
            AppendNumber(sb, baht, hasHigher: false);
            sb.Append("บาท");
        }

        if (satang == 0)
        {
            sb.Append("ถ้วน");
        }
        else
        {
            AppendNumber(sb, satang, hasHigher: false);
            sb.Append("สตางค์");
        }

        return sb.ToString();
    }

    /// <summary>A whole number in Thai words (no unit): 21 → ยี่สิบเอ็ด, 0 → ศูนย์.</summary>
    public static string WriteNumber(decimal whole)
    {
        DomainRuleException.ThrowIf(whole < 0 || whole != decimal.Truncate(whole), "ThaiBahtText.Number",
            "Only whole numbers of zero or more can be written as a number.");
        if (whole == 0)
        {
            return Digits[0];
        }

        var sb = new StringBuilder();
        AppendNumber(sb, whole, hasHigher: false);
        return sb.ToString();
    }

    private static void AppendNumber(StringBuilder sb, decimal n, bool hasHigher)
    {
        const decimal million = 1_000_000m;
        if (n >= million)
        {
            AppendNumber(sb, decimal.Truncate(n / million), hasHigher);
            sb.Append("ล้าน");
            AppendGroup(sb, (int)(n % million), hasHigher: true);
        }
        else
        {
            AppendGroup(sb, (int)n, hasHigher);
        }
    }

    // One group below a million. hasHigher: a higher group (…ล้าน) was already written.
    private static void AppendGroup(StringBuilder sb, int n, bool hasHigher)
    {
        for (var place = 5; place >= 0; place--)
        {
            var digit = n / Pow10(place) % 10;
            if (digit == 0)
            {
                continue;
            }

            var higherInGroup = n >= Pow10(place + 1);
            switch (place)
            {
                case 1 when digit == 1:
                    sb.Append("สิบ");
                    break;
                case 1 when digit == 2:
                    sb.Append("ยี่สิบ");
                    break;
                case 0 when digit == 1 && (hasHigher || higherInGroup):
                    sb.Append("เอ็ด");
                    break;
                default:
                    sb.Append(Digits[digit]).Append(Places[place]);
                    break;
            }
        }
    }

    private static int Pow10(int place) => place switch
    {
        0 => 1,
        1 => 10,
        2 => 100,
        3 => 1_000,
        4 => 10_000,
        5 => 100_000,
        _ => 1_000_000,
    };
}
