using AssetLoan.Domain.Audit;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Audit;

/// <summary>
/// Verifies the whole audit chain (domain.md §9) with <see cref="AuditChain.Verify"/>, streaming the events in sequence
/// order, and names the first event that does not verify.
/// </summary>
public sealed class VerifyModel(AppDbContext db, AuditChainKey key, TimeProvider time, ILogger<VerifyModel> log) : PageModel
{
    /// <summary>An anchor kept outside the system (from the auditors' mail or a printout of /transparency) to check too.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Sequence { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Hash { get; set; }

    public int Anchors { get; private set; }

    public long Checked { get; private set; }

    public AuditBreak? Break { get; private set; }

    public AuditRow? BrokenEvent { get; private set; }

    public DateTime CheckedAtUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CheckedAtUtc = time.GetUtcNow().UtcDateTime;
        var anchors = await db.AuditAnchors.AsNoTracking().ToListAsync(ct);
        if (Sequence is > 0 && !string.IsNullOrWhiteSpace(Hash))
        {
            anchors.Add(new AuditAnchor(default, CheckedAtUtc, Sequence.Value, Hash.Trim().ToLowerInvariant()));
        }

        Anchors = anchors.Count;
        var counted = Counting(db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable());
        Break = AuditChain.Verify(counted, key.Bytes, anchors);
        if (Break is not null)
        {
            log.LogWarning("Audit chain broken at event {Sequence}: {Reason}", Break.Sequence, Break.Reason);
            BrokenEvent = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == Break.Sequence).ProjectToRow().FirstOrDefaultAsync(ct);
        }
    }

    public static string ReasonThai(AuditBreakReason reason) => reason switch
    {
        AuditBreakReason.ContentChanged => "เนื้อหาของบันทึกถูกแก้ไขหลังจากบันทึกแล้ว (ค่าแฮชไม่ตรงกับเนื้อหา)",
        AuditBreakReason.BrokenLink => "บันทึกไม่ต่อเนื่องกับบันทึกก่อนหน้า (ค่าแฮชของบันทึกก่อนหน้าไม่ตรงกัน)",
        AuditBreakReason.Truncated => "บันทึกถูกตัดทิ้ง: หมุดยึดที่เผยแพร่แล้วอ้างถึงรายการนี้ แต่รายการนี้ไม่มีอยู่แล้ว (บันทึกล่าสุดถูกลบ)",
        AuditBreakReason.AnchorMismatch => "บันทึกถูกเขียนใหม่: ค่าแฮชของรายการนี้ไม่ตรงกับหมุดยึดที่เผยแพร่ไว้",
        _ => "ลำดับบันทึกขาดหายไป (มีบันทึกถูกลบ)",
    };

    private IEnumerable<AuditEvent> Counting(IEnumerable<AuditEvent> events)
    {
        foreach (var e in events)
        {
            Checked++;
            yield return e;
        }
    }
}
