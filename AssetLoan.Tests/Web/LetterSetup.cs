using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>Loans and settings for the letters' tests (web and print): an outside borrower, her own tent, the letter settings.</summary>
public static class LetterSetup
{
    public const string Honey = "นางสาวน้ำผึ้ง ทองคำ";

    public const string TaxId = "0994000165510";

    private static int _run;

    public static async Task UseLetterSettingsAsync(AppFactory app) =>
        await app.WithDbAsync(async db =>
        {
            foreach (var (key, value) in new[]
                     {
                         (LetterSettings.Keys.LetterCode, "ชม ๕๒๓๐๑"), (LetterSettings.Keys.OfficePhone, "0 5300 1234"),
                         (LetterSettings.Keys.DemandSignerName, "นายสมบูรณ์ ใจงาม"), (LetterSettings.Keys.DemandSignerPosition, "ปลัดเทศบาลตำบลแม่คือ"),
                         (LetterSettings.Keys.DemandSignerActing, "ปฏิบัติราชการแทนนายกเทศมนตรีตำบลแม่คือ"),
                         (LetterSettings.Keys.NoticeSignerName, "นางสาวใจดี รักเทศบาล"), (LetterSettings.Keys.NoticeSignerPosition, "ผู้อำนวยการกองคลัง"),
                         (Settings.Keys.PromptPayTarget, TaxId),
                     })
            {
                await Settings.SetAsync(db, key, value, default);
            }

            await db.SaveChangesAsync();
        });

    /// <summary>An outside borrower (a citizen) with a tent out and overdue.</summary>
    public static async Task<int> OverdueOutsiderLoanAsync(AppFactory app)
    {
        var id = await HandedOverOutsiderAsync(app);
        await AdvanceUntilOverdueAsync(app, id);
        return id;
    }

    /// <summary>A tent of its own for each loan, so the tests do not compete for the demo's tents.</summary>
    public static async Task<string> NewTentAsync(AppFactory app)
    {
        var run = Interlocked.Increment(ref _run);
        var name = $"เต็นท์ผ้าใบ ชุดจดหมาย {run}";
        await LoanSetup.NewNumberedAsync(app, name, 1, $"LT{run:00}-");
        return name;
    }

    public static async Task<int> HandedOverOutsiderAsync(AppFactory app, string borrowerName = Honey)
    {
        var today = LoanSetup.Today(app);
        var tent = await LoanSetup.ItemIdAsync(app, await NewTentAsync(app));
        var id = await app.WithDbAsync(async db =>
        {
            var borrower = new Borrower(BorrowerKind.Person, borrowerName, new BorrowerContact("0812345678", null, "9", "2", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            var request = new LoanRequest("งานบุญประจำปีของหมู่บ้าน", "ศาลาประชาคมหมู่ 2", false, today, today.AddDays(1), [new RequestedLine(tent, 1)]);
            var loan = await db.SubmitLoanAsync(borrower, request, Actor.Applicant(borrower.Name), ApprovalPolicy.Default, today, app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
        await LoanSetup.CheckAsync(app, id);
        await LoanSetup.ApproveAsync(app, id);
        await LoanSetup.HandOverAsync(app, id);
        return id;
    }

    /// <summary>An outsider's tent came back damaged; the officer decided a payment and the FinanceDirector confirmed it.</summary>
    public static async Task<(int LoanId, int CaseId)> ConfirmedPaymentAsync(AppFactory app, decimal amount)
    {
        var id = await HandedOverOutsiderAsync(app);
        await app.ReturnAllAsync(id, firstUnitDamaged: true);
        var caseId = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.LoanId == id).Select(c => c.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            loan.DecideCompensation(caseId, await LoanSetup.ActorAsync(db, Demo.Officer), CompensationMethod.Pay, amount, "ราคาซ่อมผ้าใบตามใบเสนอราคา", now);
            loan.ConfirmCompensation(caseId, await LoanSetup.ActorAsync(db, Demo.Director), now);
            await db.SaveChangesAsync();
        });
        return (id, caseId);
    }

    public static async Task AdvanceUntilOverdueAsync(AppFactory app, int id)
    {
        var dueOn = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.DueOn).SingleAsync());
        var calendar = await app.WithDbAsync(db => db.WorkingCalendarAsync(default));
        for (var i = 0; i < 15 && !calendar.IsOverdue(dueOn, Today(app)); i++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.True(calendar.IsOverdue(dueOn, Today(app)));
    }

    /// <summary>An emblem as the admin page stores it (re-encoded PNG in the uploads folder), 3:3.3 like a ครุฑ.</summary>
    public static async Task UseEmblemAsync(AppFactory app)
    {
        using var bitmap = new SkiaSharp.SKBitmap(300, 330);
        bitmap.Erase(new SkiaSharp.SKColor(150, 20, 20));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var png = AssetLoan.Web.Infrastructure.EmblemImage.Reencode(data.ToArray())!;
        Directory.CreateDirectory(Path.Combine(app.UploadsPath, "emblem"));
        await File.WriteAllBytesAsync(Path.Combine(app.UploadsPath, "emblem", "test-garuda.png"), png);
        await app.WithDbAsync(async db =>
        {
            await Settings.SetAsync(db, LetterSettings.Keys.EmblemPath, "emblem/test-garuda.png", default);
            await db.SaveChangesAsync();
        });
    }

    public static DateOnly Today(AppFactory app) => BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
}
