using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Pages.Bench;

/// <summary>
/// The ceiling bench/run compares pages with (TechEmpower's Fortunes shape, shared/research-performance.md §5): every row
/// of a small table through a compiled EF query, one row added at request time, sorted in memory, rendered by Razor with
/// no layout. Answers 404 unless <c>Bench:Ceiling</c> is set.
/// </summary>
[AllowAnonymous]
public sealed class FortunesModel(AppDbContext db, IConfiguration config) : PageModel
{
    private static readonly Func<AppDbContext, IAsyncEnumerable<Fortune>> AllFortunes =
        EF.CompileAsyncQuery((AppDbContext c) => c.Categories.AsNoTracking().Select(x => new Fortune(x.Id, x.Name)));

    public List<Fortune> Fortunes { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!config.GetValue("Bench:Ceiling", false))
        {
            return NotFound();
        }

        await foreach (var f in AllFortunes(db).WithCancellation(ct))
        {
            Fortunes.Add(f);
        }

        Fortunes.Add(new Fortune(0, "Additional fortune added at request time."));
        Fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return Page();
    }
}

public sealed record Fortune(int Id, string Message);
