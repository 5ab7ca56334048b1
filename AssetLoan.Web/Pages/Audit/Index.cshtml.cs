using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace AssetLoan.Web.Pages.Audit;

/// <summary>บันทึกการตรวจสอบ: every audit event, filtered by entity, actor and date (Bangkok days), newest first, in pages.</summary>
public sealed class IndexModel(AppDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> s) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public AuditNameBook Names { get; private set; } = AuditNameBook.Empty;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Filter Query { get; private set; } = new();

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery] Filter filter, CancellationToken ct)
    {
        Query = filter ?? new Filter();
        EntityTypes = await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query.Entity))
        {
            events = events.Where(e => e.EntityType == Query.Entity);
        }

        if (!string.IsNullOrWhiteSpace(Query.Id))
        {
            var id = Query.Id.Trim();
            events = events.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(Query.Actor))
        {
            var actor = Query.Actor.Trim();
            events = events.Where(e => e.ActorName.Contains(actor) || e.ActorUserId == actor);
        }

        if (ThaiDate.TryParse(Query.From, out var from))
        {
            var fromUtc = BangkokTime.StartOfDayUtc(from);
            events = events.Where(e => e.AtUtc >= fromUtc);
        }

        if (ThaiDate.TryParse(Query.To, out var to))
        {
            var toUtc = BangkokTime.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => e.AtUtc < toUtc);
        }

        Total = await events.CountAsync(ct);
        Query.Page = Math.Clamp(Query.Page, 1, Pages);
        Rows = await events.OrderByDescending(e => e.Sequence)
            .Skip((Query.Page - 1) * PageSize).Take(PageSize)
            .ProjectToRow()
            .ToListAsync(ct);
        Names = await AuditNameBook.LoadAsync(db, s, Rows.Select(r => (r.EntityType, r.EntityId, AuditTimeline.Changes(r.Before, r.After))), ct);
    }

    /// <summary>The query string with another page number, keeping the filter.</summary>
    public string PageLink(int page) =>
        "/audit?" + string.Join("&", new[]
            {
                ("entity", Query.Entity), ("id", Query.Id), ("actor", Query.Actor), ("from", Query.From), ("to", Query.To),
                ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public sealed class Filter
    {
        public string? Entity { get; set; }

        public string? Id { get; set; }

        public string? Actor { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public int Page { get; set; } = 1;
    }
}

public sealed record AuditRow(long Sequence, DateTime AtUtc, string ActorName, string? ActorRole, string EntityType, string EntityId, string Action, string? Before, string? After);

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class AuditMappings
{
    public static partial IQueryable<AuditRow> ProjectToRow(this IQueryable<AuditEvent> events);
}
