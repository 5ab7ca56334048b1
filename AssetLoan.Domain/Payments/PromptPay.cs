using System.Globalization;
using System.Text;

namespace AssetLoan.Domain.Payments;

/// <summary>
/// Thai QR Payment (PromptPay) payload in the EMVCo merchant-presented format, with the CRC-16/CCITT-FALSE checksum.
/// The target is a 13-digit tax ID (the municipality's) or a 10-digit mobile number.
/// </summary>
public static class PromptPay
{
    private const string PromptPayAid = "A000000677010111";

    public static string Payload(string target, decimal? amount)
    {
        var digits = new string((target ?? "").Where(char.IsAsciiDigit).ToArray());
        DomainRuleException.ThrowIf(digits.Length is not (10 or 13 or 15), "PromptPay.Target",
            "A PromptPay target is a 10-digit phone, a 13-digit tax ID or a 15-digit e-wallet ID.");
        DomainRuleException.ThrowIf(amount is <= 0, "PromptPay.Amount", "The amount must be positive.");

        var (tag, value) = digits.Length switch
        {
            10 => ("01", "0066" + digits[1..]),
            13 => ("02", digits),
            _ => ("03", digits),
        };

        var sb = new StringBuilder();
        Field(sb, "00", "01");
        Field(sb, "01", amount is null ? "11" : "12");
        Field(sb, "29", Tlv("00", PromptPayAid) + Tlv(tag, value));
        Field(sb, "53", "764");
        if (amount is not null)
        {
            Field(sb, "54", amount.Value.ToString("0.00", CultureInfo.InvariantCulture));
        }

        Field(sb, "58", "TH");
        sb.Append("6304");
        sb.Append(Crc16(sb.ToString()).ToString("X4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over the ASCII payload including "6304".</summary>
    public static ushort Crc16(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(data))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }

    private static string Tlv(string id, string value) =>
        id + value.Length.ToString("00", CultureInfo.InvariantCulture) + value;

    private static void Field(StringBuilder sb, string id, string value) => sb.Append(Tlv(id, value));
}
