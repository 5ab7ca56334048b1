using AssetLoan.Domain.Payments;
using QRCoder;

namespace AssetLoan.Web.Infrastructure.Payments;

/// <summary>Thai QR Payment (PromptPay) for a compensation paid in money: the EMVCo payload as a PNG data URL.</summary>
public static class PaymentQr
{
    /// <summary>Throws <see cref="Domain.DomainRuleException"/> (PromptPay.Target / PromptPay.Amount) for a bad target or amount.</summary>
    public static string DataUrl(string promptPayTarget, decimal amount)
    {
        var payload = PromptPay.Payload(promptPayTarget, amount);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
