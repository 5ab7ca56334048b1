using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>หนังสือทวงถาม (ข้อ ๒๑๑) in the style of an official letter, to print and sign; the number and date are typed above it.</summary>
[ReadableBy(Roles.FinanceDirector, Roles.Executive, Roles.Auditor)]
public sealed class DemandLetterModel(AppDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The letter's number after "ที่", e.g. "มท 5201.1/123" (the municipality's own series).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    /// <summary>The letter's date (ISO or dd/MM/พ.ศ.); today when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    public LoanSummary Loan { get; private set; } = null!;

    public Settings Settings { get; private set; } = new();

    public DateOnly LetterOn { get; private set; }

    public IReadOnlyList<OutstandingLine> Lines { get; private set; } = [];

    public int PreviousDemands { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.SummaryAsync(db, id, ct);
        if (summary is null)
        {
            return NotFound();
        }

        Loan = summary;
        Settings = await Settings.LoadAsync(db, ct);
        LetterOn = ThaiDate.TryParse(On, out var on) ? on : BangkokTime.Today(time.GetUtcNow().UtcDateTime);
        var lines = await db.LoanLines.AsNoTracking().Where(l => l.LoanId == id).OrderBy(l => l.Id)
            .Select(l => new { l.ItemName, l.UnitNoun, l.IssuedQuantity, Back = l.ReturnedGood + l.ReturnedDamaged + l.ReturnedLost, Units = l.Units.Where(u => u.IssuedAtUtc != null && u.ReturnedAtUtc == null).Select(u => u.AssetNumber).ToList() })
            .ToListAsync(ct);
        Lines = lines.Where(l => l.IssuedQuantity > l.Back)
            .Select(l => new OutstandingLine(l.ItemName, l.UnitNoun, l.IssuedQuantity - l.Back, l.Units.Order().ToList()))
            .ToList();
        PreviousDemands = await db.Demands.CountAsync(d => d.LoanId == id, ct);
        ViewData["Back"] = $"/supplies/demand/{id}";
        return Page();
    }

    public string T(string text) => Settings.ThaiDigitsOnDocuments ? ThaiDate.ThaiDigits(text) : text;

    public string T(int number) => T(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string LongDate(DateOnly date) => T(ThaiDate.FormatLong(date));

    /// <summary>"เทศบาลตำบลแม่คือ" → "นายกเทศมนตรีตำบลแม่คือ", the signer's title.</summary>
    public string SignerTitle => Settings.MunicipalityName.StartsWith("เทศบาล", StringComparison.Ordinal)
        ? "นายกเทศมนตรี" + Settings.MunicipalityName["เทศบาล".Length..]
        : "นายก" + Settings.MunicipalityName;

    public int DaysOverdue => FollowUp.DaysOverdue(Loan.DueOn, LetterOn);

    public sealed record OutstandingLine(string ItemName, string UnitNoun, int Quantity, IReadOnlyList<string> AssetNumbers);
}
