using System.ComponentModel.DataAnnotations;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Supplies;

/// <summary>
/// ส่งมอบพัสดุ (rule 6): numbered units one by one by scanning or typing their number (only units reserved for this
/// loan), pool quantities as counts, a note per line, the receiver's name, acknowledgement and optional drawn signature.
/// </summary>
public sealed class HandoverModel(AppDbContext db, TimeProvider time, CurrentActor current, FileStorage files, IStringLocalizer<SharedResource> s, ILogger<HandoverModel> log) : PageModel
{
    public AuditTimeline Timeline { get; private set; } = AuditTimeline.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LoanDeskHeader Loan { get; private set; } = null!;

    public IReadOnlyList<HandoverLine> Lines { get; private set; } = [];

    public bool CanHandOver { get; private set; }

    /// <summary>Setting <c>Security.SeparateDuties</c> (issue 14 §9).</summary>
    public bool SeparateDuties { get; private set; } = true;

    /// <summary>Why the signed-in officer may not hand this loan over although it is approved (their own loan, or they keyed it in), or null.</summary>
    public string? DutyRefusal { get; private set; }

    public DateOnly Today => BangkokTime.Today(time.GetUtcNow().UtcDateTime);

    public WorkingCalendar Calendar { get; private set; } = WorkingCalendar.WeekendsOnly;

    /// <summary>The loan's handover window (the domain's own question); the form is disabled outside it.</summary>
    public HandoverWindow Window { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var loan = await LoadAsync(id, ct);
        if (loan is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Version = loan.Version,
            ReceiverName = Loan.Addressee,
            Lines = Lines.Select(l => new LineInput { LineId = l.LineId, PoolQuantity = l.IsPooled ? l.Quantity : 0 }).ToList(),
        };
        return Page();
    }

    /// <summary>Enter in a scan field (or the "เพิ่ม" button): tick the scanned units and show the form again.</summary>
    public async Task<IActionResult> OnPostScanAsync(int id, CancellationToken ct)
    {
        var loan = await LoadAsync(id, ct);
        if (loan is null)
        {
            return NotFound();
        }

        await ApplyScansAsync(loan, ct);
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var view = await LoadAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        await ApplyScansAsync(view, ct);
        await LoadAsync(id, ct);
        var signature = SignatureImage.Read(Input.Signature, out var signatureError);
        if (signatureError is not null)
        {
            ModelState.AddModelError("Input.Signature", s[signatureError]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var loan = (await db.LoanAsync(id, ct))!;
        db.Entry(loan).Property(l => l.Version).OriginalValue = Input.Version;
        var issues = Input.Lines.Select(l => new LineIssue(l.LineId, l.AssetIds, l.PoolQuantity, l.Note)).ToList();
        var path = signature is null ? null : await files.SaveAsync("signatures", ".png", new MemoryStream(signature), ct);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.HandOverAsync(loan, current.Actor, issues, Input.ReceiverName, Input.Acknowledged, path, BangkokTime.Today(nowUtc), nowUtc, Calendar, ct, SeparateDuties);
        }
        catch (DomainRuleException ex)
        {
            files.Delete(path);
            ModelState.AddDomainError(ex, s);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            files.Delete(path);
            ModelState.AddDomainError(new DomainRuleException("Loan.Concurrency", "Someone changed this loan; review it again."), s);
            return Page();
        }

        log.LogInformation("Loan {LoanId} handed over by {UserId}", id, current.Actor.UserId);
        this.Flash(s["ส่งมอบพัสดุเรียบร้อยแล้ว พิมพ์ใบยืมพัสดุให้ผู้ยืมลงนามได้จากหน้านี้"].Value);
        return RedirectToPage("/Supplies/Slip", new { id });
    }

    private async Task<AssetLoan.Domain.Loans.Loan?> LoadAsync(int id, CancellationToken ct)
    {
        var summary = await LoanDesk.HeaderAsync(db, id, ct);
        var loan = summary is null ? null : await db.LoanAsync(id, ct, tracked: false);
        if (summary is null || loan is null)
        {
            return null;
        }

        Loan = summary;
        Timeline = await AuditTimeline.ForLoanAsync(db, s, id, ct);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
        var checklists = await db.CatalogueItems.AsNoTracking().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ChecklistText, ct);
        var unitIds = loan.Lines.SelectMany(l => l.Units).Select(u => u.AssetId).Concat(Input.Lines.SelectMany(l => l.AssetIds)).Distinct().ToList();
        Shelf = await db.Assets.AsNoTracking().Where(a => unitIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        Lines = loan.Lines.OrderBy(l => l.Id).Select(l => new HandoverLine(
                l.Id, l.ItemName, l.UnitNoun, l.IsPooled, l.Quantity, l.IssuedQuantity,
                checklists.GetValueOrDefault(l.CatalogueItemId, "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
                [
                    .. l.Units.OrderBy(u => u.AssetNumber).Select(u => Unit(u.AssetId, substitute: false)).OfType<ReservedUnit>(),
                    .. (Input.Lines.FirstOrDefault(x => x.LineId == l.Id)?.AssetIds ?? []).Where(a => l.Units.All(u => u.AssetId != a))
                        .Select(a => Unit(a, substitute: true)).OfType<ReservedUnit>(),
                ],
                l.HandoverNote))
            .ToList();
        SeparateDuties = (await Settings.LoadAsync(db, ct)).SeparateDuties;
        // The form is shown only when the loan page would offer "hand over" to this officer (LoanActions).
        var refusal = await LoanDesk.RefusalAsync(db, id, current.Actor, LoanAction.HandOver, Today, ct);
        DutyRefusal = LoanDesk.RefusalMessage(refusal, s);
        CanHandOver = refusal is null;
        Calendar = await db.WorkingCalendarAsync(ct);
        Window = loan.HandoverWindow(Calendar);
        Input.Lines = Lines.Select(l => Input.Lines.FirstOrDefault(x => x.LineId == l.LineId) ?? new LineInput { LineId = l.LineId }).ToList();
        return loan;
    }

    /// <summary>The units shown on the form as the registry has them now (reserved ones, and substitutes scanned).</summary>
    private Dictionary<int, Asset> Shelf { get; set; } = [];

    private ReservedUnit? Unit(int assetId, bool substitute) =>
        Shelf.TryGetValue(assetId, out var a)
            ? new ReservedUnit(a.Id, a.AssetNumber, a.Tag, !a.IsRetired && a.Status == AssetStatus.Available, substitute)
            : null;

    /// <summary>Each scan field: find the unit by tag or number, ask the loan whether it may be issued on that line, tick it.</summary>
    private async Task ApplyScansAsync(AssetLoan.Domain.Loans.Loan loan, CancellationToken ct)
    {
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var line = Input.Lines[i];
            if (string.IsNullOrWhiteSpace(line.Scan))
            {
                continue;
            }

            var key = $"Input.Lines[{i}].Scan";
            var match = await db.FindByScanAsync(line.Scan, ct);
            try
            {
                var asset = ScannedUnit.Require(match?.Asset, poolLabel: match is { Asset: null });
                loan.EnsureIssuable(line.LineId, asset, Shelf);
                if (!line.AssetIds.Contains(asset.Id))
                {
                    line.AssetIds.Add(asset.Id);
                    Shelf[asset.Id] = asset;
                }

                line.Scan = null;
                ModelState.Remove(key);
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddDomainError(ex, s, key);
            }
        }
    }

    public sealed record HandoverLine(int LineId, string ItemName, string UnitNoun, bool IsPooled, int Quantity, int IssuedQuantity, IReadOnlyList<string> Checklist, IReadOnlyList<ReservedUnit> Units, string? HandoverNote);

    /// <summary>A unit on the form: reserved for the line (or scanned as a substitute), and whether it is on the shelf now.</summary>
    public sealed record ReservedUnit(int AssetId, string AssetNumber, string Tag, bool OnShelf, bool Substitute);

    public sealed class InputModel
    {
        public Guid Version { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        [Required(ErrorMessage = "กรุณาระบุชื่อผู้รับพัสดุ")]
        [StringLength(200, ErrorMessage = "ชื่อผู้รับพัสดุยาวเกินไป")]
        [Display(Name = "ชื่อผู้รับพัสดุ")]
        public string ReceiverName { get; set; } = "";

        [Display(Name = "ผู้รับได้ตรวจนับพัสดุตามรายการข้างต้นครบถ้วนและรับไว้แล้ว")]
        public bool Acknowledged { get; set; }

        /// <summary>The drawn signature as a PNG data URL (signature.js); empty when not drawn.</summary>
        public string? Signature { get; set; }
    }

    public sealed class LineInput
    {
        public int LineId { get; set; }

        public List<int> AssetIds { get; set; } = [];

        [StringLength(200)]
        public string? Scan { get; set; }

        [Range(0, 100_000, ErrorMessage = "จำนวนต้องไม่ติดลบ")]
        public int PoolQuantity { get; set; }

        [StringLength(1000, ErrorMessage = "หมายเหตุยาวเกินไป")]
        public string? Note { get; set; }
    }
}
