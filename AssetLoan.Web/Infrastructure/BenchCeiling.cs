using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// bench/run's ceiling: the query shapes the pages use, with no page around them (no layout, no sign-in, JSON out), so
/// that a page's cost can be read as a ratio to what its data costs in the same run. Mapped only when
/// <c>Bench:Ceiling</c> is set; never in production.
/// </summary>
public static class BenchCeiling
{
    public static WebApplication MapBenchCeiling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue("Bench:Ceiling", false))
        {
            return app;
        }

        var bench = app.MapGroup("/bench/q").AllowAnonymous();

        // 50 assets whose number starts with q, and how many match: the registry search's shape.
        bench.MapGet("/prefix", async (string q, AppDbContext db, CancellationToken ct) =>
        {
            var matches = db.Assets.AsNoTracking().Where(a => a.AssetNumber.StartsWith(q));
            var rows = await matches.OrderBy(a => a.AssetNumber).Take(50).Select(a => new { a.Id, a.AssetNumber, a.Tag, a.Status }).ToListAsync(ct);
            return Results.Json(new { total = await matches.CountAsync(ct), rows });
        });

        // One page of the public register (50 loans with their lines), newest first.
        bench.MapGet("/register", async (AppDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var today = BangkokTime.Today(time.GetUtcNow().UtcDateTime);
            var page = await db.AnonymisedRegisterAsync(FiscalYear.Of(today), today, 1, 50, ct);
            return Results.Json(page.Rows.Count);
        });

        // One loan by its id with its lines: the shape of a detail page.
        bench.MapGet("/loan/{id:int}", async (int id, AppDbContext db, CancellationToken ct) =>
            Results.Json(await db.Loans.AsNoTracking().Where(l => l.Id == id)
                .Select(l => new { l.Reference, l.Status, Lines = l.Lines.Select(x => new { x.ItemName, x.Quantity }).ToList() }).SingleOrDefaultAsync(ct)));
        return app;
    }
}
