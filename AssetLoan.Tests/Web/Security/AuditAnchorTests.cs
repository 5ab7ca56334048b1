using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AssetLoan.Domain.Audit;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetLoan.Tests.Web.Security;

/// <summary>Issue 14 §2: the keyed chain, its daily anchors, and what /audit/verify says when the chain was cut or rewritten.</summary>
public sealed class AuditAnchorTests
{
    [Fact]
    public async Task Anchor_IsPublishedOnTransparencyAndMailedToTheAuditors()
    {
        await using var app = new AppFactory();
        var anchor = await AnchorAsync(app);

        var page = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/transparency");
        var row = page.QuerySelector("[data-testid='audit-anchors'] tbody tr")!.TextContent;
        Assert.Contains(anchor.Hash, row, StringComparison.Ordinal);
        Assert.Contains(anchor.Sequence.ToString(CultureInfo.InvariantCulture), row, StringComparison.Ordinal);

        var mail = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.TemplateKey == AuditAnchorJob.TemplateKey).ToListAsync());
        var toAuditor = Assert.Single(mail);
        Assert.Equal((NotificationChannel.Email, Demo.Auditor), (toAuditor.Channel, toAuditor.ToAddress));
        Assert.Contains(anchor.Hash, toAuditor.Body, StringComparison.Ordinal);

        // Once a day: a second run the same day publishes nothing new.
        Assert.Equal(anchor.Id, (await AnchorAsync(app)).Id);
    }

    [Fact]
    public async Task Verify_NewestRowsDeleted_NamesTheTruncation()
    {
        await using var app = new AppFactory();
        var anchor = await AnchorAsync(app);
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM AuditEvents WHERE Sequence > {anchor.Sequence - 3}"));

        var broken = await VerifyAsync(auditor);

        Assert.Equal(anchor.Sequence.ToString(CultureInfo.InvariantCulture), broken.GetAttribute("data-sequence"));
        Assert.Contains("บันทึกถูกตัดทิ้ง", broken.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedAndRehashedWithThePublicFormula_IsDetected()
    {
        await using var app = new AppFactory();
        await AnchorAsync(app);
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Asset").Select(e => e.Sequence).FirstAsync());
        await RewriteFromAsync(app, target, "{\"Status\":\"Disposed\"}");

        var broken = await VerifyAsync(auditor);

        Assert.Equal(target.ToString(CultureInfo.InvariantCulture), broken.GetAttribute("data-sequence"));
        Assert.Contains("เนื้อหาของบันทึกถูกแก้ไข", broken.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnAnchorKeptOutside_ThatDisagrees_IsNamed()
    {
        await using var app = new AppFactory();
        var anchor = await AnchorAsync(app);
        var auditor = await app.CreateClientAsAsync(Demo.Auditor);

        var intact = await HtmlForm.GetDocumentAsync(auditor, $"/audit/verify?sequence={anchor.Sequence}&hash={anchor.Hash}");
        Assert.NotNull(intact.QuerySelector("[data-chain='intact']"));
        var other = await HtmlForm.GetDocumentAsync(auditor, $"/audit/verify?sequence={anchor.Sequence}&hash={new string('a', 64)}");
        Assert.Contains("ไม่ตรงกับหมุดยึด", other.QuerySelector("[data-chain='broken']")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<AuditAnchor> AnchorAsync(AppFactory app)
    {
        _ = app.Services; // start the app (migrations and demo data)
        return (await app.Services.GetRequiredService<AuditAnchorJob>().AnchorAsync(app.Clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken))!;
    }

    private static async Task<AngleSharp.Dom.IElement> VerifyAsync(HttpClient auditor)
    {
        var response = await auditor.GetAsync("/audit/verify", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Null(doc.QuerySelector("[data-chain='intact']"));
        return doc.QuerySelector("[data-chain='broken']")!;
    }

    /// <summary>What someone with write access to the database but without the key can do: edit, then re-chain with SHA-256.</summary>
    private static Task RewriteFromAsync(AppFactory app, long sequence, string after) => app.WithDbAsync(async db =>
    {
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence >= sequence - 1).OrderBy(e => e.Sequence).ToListAsync();
        var previous = events[0].Hash;
        foreach (var e in events.Skip(1))
        {
            var newAfter = e.Sequence == sequence ? after : e.After;
            var canonical = string.Join('\u001f',
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                e.ActorUserId ?? "", e.ActorName, e.ActorRole ?? "", e.EntityType, e.EntityId, e.Action, e.Before ?? "", newAfter ?? "", previous);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            await db.Database.ExecuteSqlAsync($"UPDATE AuditEvents SET After = {newAfter}, PreviousHash = {previous}, Hash = {hash} WHERE Sequence = {e.Sequence}");
            previous = hash;
        }
    });
}
