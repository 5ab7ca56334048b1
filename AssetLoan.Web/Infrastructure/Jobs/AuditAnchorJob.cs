using System.Globalization;
using AssetLoan.Domain.Audit;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure.Jobs;

/// <summary>
/// Once a day (and at start-up) the head of the audit chain is anchored: its sequence and hash are stored as that day's
/// anchor, shown on /transparency for anyone to copy, and mailed to every internal auditor through the outbox. Copies
/// kept outside the system let /audit/verify prove that nothing up to each anchor was deleted or rewritten.
/// Off when <c>BackgroundJobs:Enabled</c> is false; tests call <see cref="AnchorAsync"/>.
/// </summary>
public sealed class AuditAnchorJob(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time, ILogger<AuditAnchorJob> log) : BackgroundService
{
    public const string TemplateKey = "audit-anchor";

    /// <summary>Anchors today's head unless today already has an anchor; returns the anchor of today (null: empty chain).</summary>
    public async Task<AuditAnchor?> AnchorAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = BangkokTime.Today(nowUtc);
        var existing = await db.AuditAnchors.AsNoTracking().SingleOrDefaultAsync(a => a.AnchoredOn == today, ct);
        if (existing is not null)
        {
            return existing;
        }

        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var anchor = new AuditAnchor(today, nowUtc, head.Sequence, head.Hash);
        db.AuditAnchors.Add(anchor);
        var auditors = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              join u in db.Users on ur.UserId equals u.Id
                              where r.Name == Roles.Auditor && !u.Disabled && u.Email != null
                              select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        var subject = $"หมุดยึดบันทึกการตรวจสอบ ประจำวันที่ {Display.Date(today)}";
        var body = string.Create(CultureInfo.InvariantCulture,
            $"บันทึกการตรวจสอบของระบบยืมพัสดุ ณ วันที่ {Display.Date(today)}\n\nลำดับล่าสุด: {head.Sequence}\nค่าแฮช: {head.Hash}\n\nโปรดเก็บอีเมลนี้ไว้ หากภายหลังหน้า \"ตรวจความถูกต้อง\" แสดงค่าที่ต่างจากนี้ แปลว่าบันทึกถูกลบหรือแก้ไข");
        db.Notifications.AddRange(auditors.Select(a => new NotificationMessage
        {
            CreatedAtUtc = nowUtc,
            Channel = NotificationChannel.Email,
            TemplateKey = TemplateKey,
            ToAddress = a.Email,
            UserId = a.Id,
            Subject = subject,
            Body = body,
            NextAttemptAtUtc = nowUtc,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance anchored today first.
            await using var again = scopes.CreateAsyncScope();
            return await again.ServiceProvider.GetRequiredService<AppDbContext>().AuditAnchors.AsNoTracking().SingleAsync(a => a.AnchoredOn == today, ct);
        }

        log.LogInformation("Audit chain anchored for {Day} at event {Sequence}", today, head.Sequence);
        return anchor;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("BackgroundJobs:Enabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnchorAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Anchoring the audit chain failed");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var next = BangkokTime.StartOfDayUtc(BangkokTime.Today(now).AddDays(1)).AddMinutes(5);
            await Task.Delay(next - now, time, stoppingToken);
        }
    }
}
