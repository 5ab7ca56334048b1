using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetLoan.Web.Pages.Transparency.Forms;

/// <summary>/transparency/forms/slip: the blank loan slip (ใบยืมพัสดุ, domain.md §8) to print.</summary>
public sealed class SlipModel(AppDbContext db) : PageModel
{
    public Settings Settings { get; private set; } = new();

    /// <summary>The ข้อ ๒๐๙ undertaking as the admin set it (/admin/letters).</summary>
    public string Undertaking { get; private set; } = LetterSettings.DefaultUndertaking;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = await Settings.LoadAsync(db, ct);
        Undertaking = (await LetterSettings.LoadAsync(db, ct)).Undertaking;
    }
}
