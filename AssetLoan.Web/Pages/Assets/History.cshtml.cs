using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Pages.Loans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>
/// /assets/{id}/history: one asset's life in one list, for the auditor and the stock check: every loan it went out on
/// (reserved, handed over, returned and in what condition, with the people), every damage or loss case, and every
/// recorded change of its status or details (repairs, write-offs, substitutions at handover), with พ.ศ. dates.
/// </summary>
public sealed class HistoryModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    public string AssetNumber { get; private set; } = "";

    public string ItemName { get; private set; } = "";

    public int AssetId { get; private set; }

    public IReadOnlyList<HistoryEvent> Events { get; private set; } = [];

    /// <summary>The admin's Thai-digit setting: print.js then puts the printed sheet's figures in Thai digits.</summary>
    public bool ThaiDigitsInPrint { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        ThaiDigitsInPrint = (await Settings.LoadAsync(db, ct)).ThaiDigitsOnDocuments;
        var asset = await (from a in db.Assets.AsNoTracking()
                           where a.Id == id
                           join c in db.CatalogueItems.AsNoTracking() on a.CatalogueItemId equals c.Id
                           select new { a.Id, a.AssetNumber, c.Name }).SingleOrDefaultAsync(ct);
        if (asset is null)
        {
            return NotFound();
        }

        (AssetId, AssetNumber, ItemName) = (asset.Id, asset.AssetNumber, asset.Name);
        var loans = await (
                from u in db.LoanUnits.AsNoTracking()
                where u.AssetId == id
                join x in db.LoanLines.AsNoTracking() on u.LoanLineId equals x.Id
                join l in db.Loans.AsNoTracking() on x.LoanId equals l.Id
                join b in db.Borrowers.AsNoTracking() on l.BorrowerId equals b.Id
                select new
                {
                    l.Id,
                    l.Reference,
                    l.Status,
                    l.SubmittedAtUtc,
                    l.StartOn,
                    l.DueOn,
                    Borrower = b.Name,
                    b.Kind,
                    l.Purpose,
                    l.HandedOverByName,
                    l.ReceiverName,
                    l.ReceivedBackByName,
                    u.IssuedAtUtc,
                    u.ReturnedAtUtc,
                    u.ReturnCondition,
                    u.ReturnNote,
                })
            .ToListAsync(ct);
        var cases = await db.CompensationCases.AsNoTracking()
            .Where(c => c.AssetId == id)
            .Join(db.Loans.AsNoTracking(), c => c.LoanId, l => l.Id, (c, l) => new
            {
                l.Id,
                l.Reference,
                c.Kind,
                c.Status,
                c.Method,
                c.ProposedAmount,
                c.FinalAmount,
                c.DecidedByName,
                c.DecidedAtUtc,
                c.ConfirmedByName,
                c.ConfirmedAtUtc,
                c.SettledOn,
                c.ReceiptNumber,
            })
            .ToListAsync(ct);
        var changes = await AuditTimeline.ForEntityAsync(db, s, "Asset", id.ToString(CultureInfo.InvariantCulture), ct);

        var events = new List<HistoryEvent>();
        foreach (var l in loans)
        {
            var who = $"{l.Borrower} ({s[LoanText.Kind(l.Kind)]})";
            var period = $"{Infrastructure.Display.Date(l.StartOn)} – {Infrastructure.Display.Date(l.DueOn)}";
            events.Add(new HistoryEvent(l.SubmittedAtUtc, "คำขอยืม", $"{who} · {l.Purpose} · {period} · {s[LoanText.Status(l.Status)]}", null, l.Id, l.Reference));
            if (l.IssuedAtUtc is { } issued)
            {
                events.Add(new HistoryEvent(issued, "ส่งมอบ", s["ผู้รับ {0}", l.ReceiverName ?? l.Borrower], l.HandedOverByName, l.Id, l.Reference));
            }

            if (l.ReturnedAtUtc is { } back)
            {
                var condition = l.ReturnCondition switch
                {
                    ReturnCondition.Good => "สภาพปกติ",
                    ReturnCondition.Damaged => "ชำรุด",
                    ReturnCondition.Lost => "สูญหาย",
                    _ => "",
                };
                events.Add(new HistoryEvent(back, l.ReturnCondition == ReturnCondition.Lost ? "แจ้งสูญหาย" : "รับคืน",
                    string.Join(" · ", new[] { condition.Length == 0 ? condition : s[condition].Value, l.ReturnNote }.Where(p => !string.IsNullOrWhiteSpace(p))), l.ReceivedBackByName, l.Id, l.Reference));
            }
        }

        foreach (var c in cases)
        {
            var amount = (c.FinalAmount ?? c.ProposedAmount) is { } known ? known.ToString("#,##0.00", CultureInfo.InvariantCulture) : "ไม่ทราบ";
            var kind = c.Kind == CompensationKind.Lost ? "กรณีสูญหาย" : "กรณีชำรุดเสียหาย";
            var method = c.Method switch
            {
                CompensationMethod.Repair => "ซ่อมแซมให้คงสภาพเดิม",
                CompensationMethod.Replace => "ชดใช้เป็นพัสดุประเภทเดียวกัน",
                CompensationMethod.Pay => "ชดใช้เป็นเงิน",
                _ => "รอกำหนดวิธีชดใช้",
            };
            events.Add(new HistoryEvent(c.DecidedAtUtc ?? loans.Where(l => l.Id == c.Id).Max(l => l.ReturnedAtUtc) ?? DateTime.MinValue, kind,
                s["{0} {1} บาท", s[method].Value, amount] + (c.SettledOn is { } settled ? " · " + s["ยุติเมื่อ {0}", Infrastructure.Display.Date(settled)] + (c.ReceiptNumber is null ? "" : " " + s["ใบเสร็จ {0}", c.ReceiptNumber]) : ""),
                c.ConfirmedByName ?? c.DecidedByName, c.Id, c.Reference));
        }

        foreach (var e in changes.Entries)
        {
            var detail = string.Join(" · ", e.Changes.Select(c => c.Before is null ? $"{c.Label}: {c.After}" : $"{c.Label}: {c.Before} → {c.After ?? "–"}"));
            events.Add(new HistoryEvent(e.AtUtc, s[e.Action].Value, detail, e.ActorName, null, null));
        }

        Events = [.. events.OrderBy(e => e.AtUtc)];
        return Page();
    }

    public sealed record HistoryEvent(DateTime AtUtc, string What, string Detail, string? By, int? LoanId, string? LoanReference);
}
