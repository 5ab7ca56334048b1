using System.ComponentModel.DataAnnotations;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Labels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Labels;

/// <summary>
/// ปรับตำแหน่งการพิมพ์: print a test sheet of outlines, lay it on a real label sheet against the light, and record how far
/// the printer shifts (mm) per template. Every label sheet is then moved by that much.
/// </summary>
public sealed class CalibrateModel(AppDbContext db, IStringLocalizer<SharedResource> s) : PageModel
{
    [BindProperty]
    public OffsetInput Input { get; set; } = new();

    public IReadOnlyList<(LabelTemplate Template, LabelOffset Offset)> Current { get; private set; } = [];

    public async Task OnGetAsync(string? template, CancellationToken ct)
    {
        var chosen = LabelTemplates.Find(template) ?? LabelTemplates.A4x24;
        var offset = await LabelOffsets.LoadAsync(db, chosen, ct);
        Input = new OffsetInput { Template = chosen.Key, X = offset.XMm, Y = offset.YMm };
        await LoadCurrentAsync(ct);
    }

    /// <summary>The test sheet for a template with the offset now stored (opens in the browser's PDF viewer).</summary>
    public async Task<IActionResult> OnGetSheetAsync(string? template, CancellationToken ct)
    {
        var chosen = LabelTemplates.Find(template);
        if (chosen is null)
        {
            return NotFound();
        }

        var pdf = LabelSheetRenderer.RenderCalibration(chosen, await LabelOffsets.LoadAsync(db, chosen, ct));
        return File(pdf, "application/pdf");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var template = LabelTemplates.Find(Input.Template);
        if (template is null)
        {
            ModelState.AddModelError("Input.Template", s["กรุณาเลือกแบบป้าย"]);
        }

        if (!ModelState.IsValid || template is null)
        {
            await LoadCurrentAsync(ct);
            return Page();
        }

        await LabelOffsets.SetAsync(db, template, new LabelOffset(Input.X, Input.Y), ct);
        await db.SaveChangesAsync(ct);
        this.Flash(s["บันทึกตำแหน่งการพิมพ์ของแบบป้าย {0} แล้ว", s[template.Name]].Value);
        return RedirectToPage("/Labels/Calibrate", new { template = template.Key });
    }

    private async Task LoadCurrentAsync(CancellationToken ct)
    {
        var current = new List<(LabelTemplate, LabelOffset)>();
        foreach (var template in LabelTemplates.All)
        {
            current.Add((template, await LabelOffsets.LoadAsync(db, template, ct)));
        }

        Current = current;
    }

    public sealed class OffsetInput
    {
        [Required(ErrorMessage = "กรุณาเลือกแบบป้าย")]
        public string Template { get; set; } = LabelTemplates.A4x24.Key;

        [Range(-LabelOffset.Limit, LabelOffset.Limit, ErrorMessage = "ระยะเลื่อนต้องอยู่ระหว่าง -20 ถึง 20 มม.")]
        public double X { get; set; }

        [Range(-LabelOffset.Limit, LabelOffset.Limit, ErrorMessage = "ระยะเลื่อนต้องอยู่ระหว่าง -20 ถึง 20 มม.")]
        public double Y { get; set; }
    }
}
