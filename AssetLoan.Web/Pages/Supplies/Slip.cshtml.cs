using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>ใบยืมพัสดุ (domain.md §8) as a print-friendly page: Sarabun 16 pt, Thai digits when the setting says so.</summary>
[ReadableBy(Roles.FinanceDirector, Roles.Executive, Roles.Auditor)]
public sealed class SlipModel(AppDbContext db, FileStorage files) : PageModel
{
    public LoanDeskHeader Loan { get; private set; } = null!;

    public Settings Settings { get; private set; } = new();

    /// <summary>The ข้อ ๒๐๙ undertaking as the admin set it (/admin/letters).</summary>
    public string Undertaking { get; private set; } = LetterSettings.DefaultUndertaking;

    public IReadOnlyList<SlipLine> Lines { get; private set; } = [];

    public string? EndorsedByName { get; private set; }

    public string? CheckedByName { get; private set; }

    /// <summary>An agency's request letter and, for consumables, the urgency reason (ข้อ ๒๑๐), printed on the slip.</summary>
    public AgencyRequest Agency { get; private set; } = new(null, null, null);

    /// <summary>The boxes of the slip, one per case of the regulation (ข้อ ๒๐๘, ๒๑๐); the loan's case is ticked.</summary>
    public static readonly IReadOnlyList<(LoanCase Case, string Words)> Cases =
    [
        (LoanCase.OnPremises, "ยืมใช้ภายในสถานที่"),
        (LoanCase.OffPremises, "ยืมไปใช้นอกสถานที่"),
        (LoanCase.InterAgency, "ยืมระหว่างหน่วยงานของรัฐ"),
        (LoanCase.ConsumableInterAgency, "ยืมพัสดุประเภทใช้สิ้นเปลืองระหว่างหน่วยงานของรัฐ"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, id, ct);
        if (summary is null)
        {
            return NotFound();
        }

        Loan = summary;
        Settings = await Settings.LoadAsync(db, ct);
        Undertaking = (await LetterSettings.LoadAsync(db, ct)).Undertaking;
        var issued = LoanTransitions.IsOut(summary.Status) || summary.HandedOverOn is not null;
        Lines = await db.LoanLines.AsNoTracking().Where(l => l.LoanId == id).OrderBy(l => l.Id)
            .Select(l => new SlipLine(l.ItemName, l.UnitNoun, issued ? l.IssuedQuantity : l.Quantity,
                l.Units.OrderBy(u => u.AssetNumber).Select(u => u.AssetNumber).ToList(), l.HandoverNote, l.ReturnedGood, l.ReturnedDamaged, l.ReturnedLost, l.ReturnNote))
            .ToListAsync(ct);
        Agency = await db.Loans.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new AgencyRequest(l.AgencyLetterNumber, l.AgencyLetterOn, l.UrgencyReason)).SingleAsync(ct);
        var history = await db.Loans.AsNoTracking().Where(l => l.Id == id).SelectMany(l => l.History)
            .Where(h => h.Action == LoanAction.Endorse || h.Action == LoanAction.Check)
            .Select(h => new { h.Action, h.ActorName, h.Id }).ToListAsync(ct);
        EndorsedByName = history.Where(h => h.Action == LoanAction.Endorse).MaxBy(h => h.Id)?.ActorName;
        CheckedByName = history.Where(h => h.Action == LoanAction.Check).MaxBy(h => h.Id)?.ActorName;
        ViewData["Back"] = summary.Status == LoanStatus.Approved ? $"/supplies/handover/{id}" : $"/supplies/return/{id}";
        return Page();
    }

    /// <summary>The receiver's drawn signature, for the slip.</summary>
    public async Task<IActionResult> OnGetSignatureAsync(int id, CancellationToken ct)
    {
        var path = await db.Loans.AsNoTracking().Where(l => l.Id == id).Select(l => l.ReceiverSignaturePath).SingleOrDefaultAsync(ct);
        var full = path is null ? null : files.PathOf(path);
        return full is null ? NotFound() : PhysicalFile(full, "image/png");
    }

    /// <summary>Text as printed: Thai digits on documents unless the municipality turned them off.</summary>
    public string T(string text) => Settings.ThaiDigitsOnDocuments ? ThaiDate.ThaiDigits(text) : text;

    public string T(int number) => T(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string LongDate(DateOnly? date) => date is { } d ? T(ThaiDate.FormatLong(d)) : "..................................";

    public sealed record AgencyRequest(string? LetterNumber, DateOnly? LetterOn, string? UrgencyReason);

    public sealed record SlipLine(string ItemName, string UnitNoun, int Quantity, IReadOnlyList<string> AssetNumbers, string? HandoverNote, int Good, int Damaged, int Lost, string? ReturnNote);
}
