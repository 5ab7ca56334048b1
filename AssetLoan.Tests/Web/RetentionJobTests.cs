using AssetLoan.Domain.Borrowers;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssetLoan.Tests.Web;

public sealed class RetentionJobTests(AppFactory app) : IClassFixture<AppFactory>
{
    private RetentionJob Job => app.Services.GetServices<IHostedService>().OfType<RetentionJob>().Single();

    [Fact]
    public async Task RunOnce_AfterTheRetentionPeriod_AnonymisesFinishedOutsideBorrowersOnly()
    {
        var client = app.CreateAnonymousClient();
        var (_, cancelledToken) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, name: "นายลบ ข้อมูล"));
        await PublicApplication.CancelAsync(app, client, cancelledToken);
        var (_, openToken) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, name: "นายยัง ยืมอยู่"));
        var finishedId = await BorrowerOfAsync(cancelledToken);
        var openId = await BorrowerOfAsync(openToken);
        var days = await app.WithDbAsync(async db => (await Settings.LoadAsync(db, default)).RetentionDays);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        await Job.RunOnceAsync(now.AddDays(days - 1));
        Assert.Null((await BorrowerAsync(finishedId)).AnonymisedAtUtc);

        await Job.RunOnceAsync(now.AddDays(days + 1));
        var finished = await BorrowerAsync(finishedId);
        Assert.NotNull(finished.AnonymisedAtUtc);
        Assert.Equal("(ลบข้อมูลส่วนบุคคลแล้ว)", finished.Name);
        Assert.Equal((null, null, null, null, null, null), (finished.Phone, finished.NationalIdCipher, finished.NationalIdLookup, finished.NationalIdTail, finished.HouseNumber, finished.Moo));
        Assert.Equal(BorrowerKind.Person, finished.Kind);

        var open = await BorrowerAsync(openId);
        Assert.Null(open.AnonymisedAtUtc);
        Assert.Equal("นายยัง ยืมอยู่", open.Name);
    }

    [Fact]
    public async Task RunOnce_ShorterRetentionSetting_IsHonoured()
    {
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client));
        var loanId = await PublicApplication.LoanIdAsync(app, token);
        await PublicApplication.CheckAsync(app, loanId);
        await PublicApplication.RejectAsync(app, loanId, "พัสดุไม่ว่าง");
        await app.WithDbAsync(async db =>
        {
            await Settings.SetAsync(db, Settings.Keys.RetentionDays, "30", default);
            await db.SaveChangesAsync();
        });
        try
        {
            await Job.RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime.AddDays(31));
            Assert.NotNull((await BorrowerAsync(await BorrowerOfAsync(token))).AnonymisedAtUtc);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await Settings.SetAsync(db, Settings.Keys.RetentionDays, (365 * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), default);
                await db.SaveChangesAsync();
            });
        }
    }

    private Task<int> BorrowerOfAsync(string token) =>
        app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).Select(l => l.BorrowerId).SingleAsync());

    private Task<Borrower> BorrowerAsync(int id) => app.WithDbAsync(db => db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == id));
}
