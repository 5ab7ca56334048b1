using System.Globalization;
using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AssetLoan.Tests.Web;

/// <summary>Issue 10 point 9: the director's approvals, buttons from the domain's rule, the favicon, log timestamps.</summary>
public sealed class SmallFixesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Approvals_CompensationAwaitingConfirmation_IsInTheDirectorsListOnly()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Tent, 1));
        await app.ReturnAllAsync(id, firstUnitDamaged: true);
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
            var c = loan.Compensations.Single();
            loan.DecideCompensation(c.Id, await LoanSetup.ActorAsync(db, Demo.Officer), CompensationMethod.Pay, c.ProposedAmount!.Value, null, app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        var director = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Director), "/approvals");
        var mayor = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Mayor), "/approvals");

        Assert.NotNull(director.QuerySelector($"a[href='/approvals/compensation/{id}']"));
        Assert.Contains("ค่าเสียหายที่รอยืนยัน", director.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(mayor.QuerySelector($"a[href='/approvals/compensation/{id}']"));
    }

    [Fact]
    public async Task OwnRequest_DirectorSeesNoApproveButtonAndTheServerStillRefuses()
    {
        var id = await CheckedRequestOfAsync(Demo.Director);
        var director = await app.CreateClientAsAsync(Demo.Director);

        var details = await HtmlForm.GetDocumentAsync(director, $"/loans/{id}");
        var review = await HtmlForm.GetDocumentAsync(director, $"/approvals/review/{id}");

        Assert.Null(details.QuerySelector($"a[href='/approvals/review/{id}']"));
        Assert.Null(review.QuerySelector("form[action*='handler=Approve']"));
        Assert.Equal("ผู้ขอยืมไม่สามารถอนุมัติคำขอของตนเองได้", review.QuerySelector("#decision-refusal")!.TextContent.Trim());
        var mayor = await app.CreateClientAsAsync(Demo.Mayor);
        Assert.NotNull((await HtmlForm.GetDocumentAsync(mayor, $"/loans/{id}")).QuerySelector($"a[href='/approvals/review/{id}']"));
        Assert.NotNull((await HtmlForm.GetDocumentAsync(mayor, $"/approvals/review/{id}")).QuerySelector("form[action*='handler=Approve']"));
    }

    [Fact]
    public async Task Favicon_IsServedToEveryone()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public void Logging_ConsoleUsesTheIsoFormatter()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(IsoConsoleFormatter.FormatterName, options.FormatterName);
    }

    [Fact]
    public void IsoConsoleFormatter_InAThaiCulture_WritesIso8601UtcWithTheCommonEraYear()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH");
        try
        {
            var formatter = new IsoConsoleFormatter(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 4, 5, TimeSpan.Zero)));
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            formatter.Write(new LogEntry<string>(LogLevel.Information, "AssetLoan.Test", new EventId(7), "คำขอ 0012/2570", null, (s, _) => s), null, writer);

            Assert.Equal("2026-11-25T03:04:05.000Z info AssetLoan.Test[7] คำขอ 0012/2570" + Environment.NewLine, writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private async Task<int> CheckedRequestOfAsync(string email)
    {
        var today = LoanSetup.Today(app);
        var pool = await LoanSetup.NewPoolAsync(app, $"ชุดรับแขก (คำขอของตนเอง {Guid.NewGuid():N})", 5);
        var id = await app.WithDbAsync(async db =>
        {
            var actor = await LoanSetup.ActorAsync(db, email);
            var borrower = await db.StaffBorrowerAsync(actor.UserId!, default);
            var request = new LoanRequest("ประชุมกองคลัง", "ห้องประชุมกองคลัง", false, today.AddDays(2), today.AddDays(2), [new RequestedLine(pool, 1)]);
            return (await db.SubmitLoanAsync(borrower, request, actor, ApprovalPolicy.Default, today, app.Clock.GetUtcNow().UtcDateTime, default)).Id;
        });
        if (await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).AnyAsync(Loan.NeedsEndorsementRule)))
        {
            await LoanSetup.EndorseByAnyHeadAsync(app, id);
        }

        await LoanSetup.CheckAsync(app, id);
        return id;
    }
}
