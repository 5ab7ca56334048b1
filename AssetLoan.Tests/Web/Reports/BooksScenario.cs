using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>
/// The app as it stood at the end of fiscal 2569 and just after: the demo data seeded on 28 September 2026
/// (ปีงบประมาณ 2569), then
/// - <see cref="Crossing"/>: 2 tents and 20 chairs handed over on 28 Sep, due 4 Oct; 5 chairs back on 29 Sep; the rest back
///   on 3 Oct (fiscal 2570) with one tent damaged. It was out on 30 Sep and belongs to the register of 2569;
/// - <see cref="Early"/>: a projector out and back on 29 Sep, its purpose starting with "=" (a formula in a spreadsheet);
/// - <see cref="Later"/>: 10 chairs handed over on 3 Oct 2026, filed in 2570.
/// The clock ends on 3 Oct 2026.
/// </summary>
public sealed class BooksScenario : AppFactory
{
    public const string Phone = "081-234-5678";

    public const string FormulaPurpose = "=HYPERLINK(\"http://x\") ประชุม";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public BooksScenario()
        : base(new DateTimeOffset(2026, 9, 28, 3, 0, 0, TimeSpan.Zero))
    {
    }

    public int Crossing { get; private set; }

    public int Early { get; private set; }

    public int Later { get; private set; }

    public async Task ReadyAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }

            Crossing = await this.HandedOverAsync(Demo.Employee, 7, (LoanSetup.Tent, 2), (LoanSetup.Chairs, 20));
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "UPDATE Borrowers SET Phone = {0} WHERE Id = (SELECT BorrowerId FROM Loans WHERE Id = {1})", Phone, Crossing));
            Clock.SetUtcNow(new DateTimeOffset(2026, 9, 29, 3, 0, 0, TimeSpan.Zero));
            await ReturnChairsAsync(Crossing, 5);
            Early = await this.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Projector, 1));
            await this.ReturnAllAsync(Early, firstUnitDamaged: false);
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Loans SET Purpose = {0} WHERE Id = {1}", FormulaPurpose, Early));
            Clock.SetUtcNow(new DateTimeOffset(2026, 10, 3, 3, 0, 0, TimeSpan.Zero));
            await this.ReturnAllAsync(Crossing, firstUnitDamaged: true);
            Later = await this.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 10));
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task ReturnChairsAsync(int loanId, int good) => WithDbAsync(async db =>
    {
        var nowUtc = Clock.GetUtcNow().UtcDateTime;
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        var line = loan.Lines.Single(l => l.IsPooled);
        var items = await db.CatalogueItems.Where(c => c.Id == line.CatalogueItemId).ToDictionaryAsync(c => c.Id);
        loan.Return(await LoanSetup.ActorAsync(db, Demo.Officer), [new LineReturn(line.Id, [], good, 0, 0, [], null)], new Dictionary<int, AssetLoan.Domain.Assets.Asset>(), items,
            BangkokTime.Today(nowUtc), nowUtc);
        await db.SaveChangesAsync();
    });

    public override async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await base.DisposeAsync();
    }
}
