using AssetLoan.Domain;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Payments;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>A damage or loss case as the officer's and the FinanceDirector's pages show it.</summary>
public sealed record CaseView(
    int Id,
    CompensationKind Kind,
    string ItemName,
    string? AssetNumber,
    int Quantity,
    string? Description,
    decimal? ProposedAmount,
    CompensationStatus Status,
    CompensationMethod? Method,
    decimal? FinalAmount,
    string? Basis,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    string? ConfirmedByName,
    DateTime? ConfirmedAtUtc,
    DateOnly? SettledOn,
    string? ReceiptNumber,
    string? SettlementNote,
    bool IsPooled,
    string? ProposedBasis = null)
{
    /// <summary>The settle form asks for the new unit's asset number (a numbered unit replaced in kind).</summary>
    public bool AsksReplacementNumber => SettlementStock.NeedsReplacementNumber(Method, Kind, IsPooled);

    /// <summary>The settle form asks whether the repaired unit is back in service.</summary>
    public bool AsksIfBackInService => SettlementStock.AsksIfBackInService(Method, Kind);

    /// <summary>A payment in money waiting to be paid: the page shows the Thai QR with the exact amount.</summary>
    public bool AwaitsPayment => Method == CompensationMethod.Pay && FinalAmount > 0 && Status is CompensationStatus.Decided or CompensationStatus.Confirmed;
}

public static class CompensationCases
{
    public static async Task<IReadOnlyList<CaseView>> ForLoanAsync(AppDbContext db, int loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await (
                from c in db.CompensationCases.AsNoTracking()
                join l in db.LoanLines.AsNoTracking() on c.LoanLineId equals l.Id
                where c.LoanId == loanId
                orderby c.Id
                select new CaseView(c.Id, c.Kind, l.ItemName, c.AssetNumber, c.Quantity, c.Description, c.ProposedAmount, c.Status, c.Method, c.FinalAmount,
                    c.Basis, c.DecidedByName, c.DecidedAtUtc, c.ConfirmedByName, c.ConfirmedAtUtc, c.SettledOn, c.ReceiptNumber, c.SettlementNote, l.IsPooled,
                    c.AssetId == null ? l.UnitValueBasis : null))
            .ToListAsync(ct);
    }

    /// <summary>The Thai words for why the register does not give a value (beside the amount the officer types).</summary>
    public static string ReasonThai(ValueUnknownReason reason) => reason switch
    {
        ValueUnknownReason.PriceUnknown => "ไม่มีราคาทุนในทะเบียน",
        ValueUnknownReason.AcquisitionDateUnknown => "ไม่มีวันที่ได้มาในทะเบียน",
        ValueUnknownReason.UsefulLifeUnknown => "ไม่ได้กำหนดอายุการใช้งาน",
        ValueUnknownReason.AcquiredAfterHandover => "วันที่ได้มาในทะเบียนอยู่หลังวันที่คำนวณ",
        _ => "ไม่ทราบมูลค่า",
    };

    /// <summary>The PromptPay QR for the case's amount, or the Thai reason it cannot be shown.</summary>
    public static (string? DataUrl, string? Problem) PaymentQrFor(CaseView c, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.PromptPayTarget))
        {
            return (null, "ยังไม่ได้ตั้งค่าเลขพร้อมเพย์ของเทศบาล (ผู้ดูแลระบบตั้งค่าได้) จึงแสดงคิวอาร์โค้ดชำระเงินไม่ได้");
        }

        try
        {
            return (PaymentQr.DataUrl(settings.PromptPayTarget, c.FinalAmount ?? 0), null);
        }
        catch (DomainRuleException)
        {
            return (null, "เลขพร้อมเพย์ที่ตั้งค่าไว้ไม่ถูกต้อง จึงแสดงคิวอาร์โค้ดชำระเงินไม่ได้");
        }
    }
}
