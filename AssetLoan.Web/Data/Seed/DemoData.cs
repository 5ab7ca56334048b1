using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Organisation;
using AssetLoan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace AssetLoan.Web.Data.Seed;

/// <summary>
/// Demo data for Development (and whenever the database is empty and Seed:Demo is true): the municipality's
/// divisions, a DLA-style category list, numbered assets and pools, and one account per role.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users)
{
    public const string Password = "Demo#2569";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("officer@maekhue.go.th", "นางสาวพัชรี ใจดี", "เจ้าหน้าที่พัสดุ", "FIN", [Roles.SuppliesOfficer, Roles.Employee]),
        new("director@maekhue.go.th", "นายสมศักดิ์ รักษ์ทรัพย์", "ผู้อำนวยการกองคลัง", "FIN", [Roles.FinanceDirector, Roles.Employee]),
        new("mayor@maekhue.go.th", "นายบุญมา ศรีแม่คือ", "นายกเทศมนตรีตำบลแม่คือ", "OFF", [Roles.Executive]),
        new("deputy@maekhue.go.th", "นางวันเพ็ญ คำดี", "ปลัดเทศบาล (ผู้รับมอบอำนาจ)", "OFF", [Roles.Executive, Roles.Employee], "คำสั่งเทศบาลตำบลแม่คือ ที่ 123/2569"),
        new("head@maekhue.go.th", "นายประเสริฐ ทองคำ", "ผู้อำนวยการกองการศึกษา", "EDU", [Roles.DivisionHead, Roles.Employee]),
        new("employee@maekhue.go.th", "นางสาวมาลี สุขใจ", "นักวิชาการศึกษา", "EDU", [Roles.Employee]),
        new("auditor@maekhue.go.th", "นายวิชัย ตรวจดี", "ผู้ตรวจสอบภายใน", "OFF", [Roles.Auditor]),
        new("admin@maekhue.go.th", "ผู้ดูแลระบบ", "นักวิชาการคอมพิวเตอร์", "OFF", [Roles.Admin]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var divisions = new[]
        {
            new Division("OFF", "สำนักปลัดเทศบาล"),
            new Division("FIN", "กองคลัง"),
            new Division("ENG", "กองช่าง"),
            new Division("EDU", "กองการศึกษา"),
            new Division("HEA", "กองสาธารณสุขและสิ่งแวดล้อม"),
        };
        db.Divisions.AddRange(divisions);
        var categories = new Dictionary<string, Category>
        {
            ["416"] = new("416", "ครุภัณฑ์สำนักงาน"),
            ["420"] = new("420", "ครุภัณฑ์โฆษณาและเผยแพร่"),
            ["478"] = new("478", "ครุภัณฑ์คอมพิวเตอร์"),
            ["430"] = new("430", "ครุภัณฑ์การเกษตร"),
            ["490"] = new("490", "ครุภัณฑ์อื่น"),
            ["700"] = new("700", "วัสดุงานบ้านงานครัว"),
        };
        db.Categories.AddRange(categories.Values);
        await db.SaveChangesAsync(ct);
        var division = divisions.ToDictionary(d => d.Code, d => d.Id);

        var everyone = BorrowerAudience.Everyone;
        var staff = BorrowerAudience.Staff;
        var staffAndAgencies = BorrowerAudience.Staff | BorrowerAudience.Agencies;

        Numbered(categories["490"], "เต็นท์ ขนาด 4×8 ม.", "หลัง", everyone, 7, 5, 1m, "เต็นท์ผ้าใบโครงเหล็ก สำหรับงานศพ งานบวช งานประเพณีของหมู่บ้าน",
            ["เสาเต็นท์ 8 ต้น", "ผ้าใบหลังคา 1 ผืน", "สมอบก 16 ตัว", "ถุงเก็บ 1 ใบ"], 10, "490-64-", new DateOnly(2021, 3, 15), 18_500m, division["FIN"], "โรงเก็บพัสดุ กองคลัง");
        Numbered(categories["490"], "เต็นท์ ขนาด 3×3 ม.", "หลัง", everyone, 7, 5, 1m, "เต็นท์พับได้ สำหรับซุ้มกิจกรรม",
            ["โครงเต็นท์พับ 1 ชุด", "ผ้าใบหลังคา 1 ผืน", "ถุงเก็บ 1 ใบ"], 6, "490-66-", new DateOnly(2023, 1, 10), 4_900m, division["FIN"], "โรงเก็บพัสดุ กองคลัง");
        Numbered(categories["420"], "ชุดเครื่องเสียงกลางแจ้ง", "ชุด", everyone, 3, 5, 1m, "ลำโพง 2 ตู้ มิกเซอร์ ไมโครโฟนสาย 2 ตัว",
            ["ลำโพง 2 ตู้", "มิกเซอร์ 1 เครื่อง", "ไมโครโฟน 2 ตัว", "สายสัญญาณ 4 เส้น"], 3, "420-63-", new DateOnly(2020, 6, 1), 45_000m, division["OFF"], "ห้องเก็บของ สำนักปลัด");
        Numbered(categories["420"], "เครื่องฉายภาพ (โปรเจกเตอร์)", "เครื่อง", staff, 5, 5, 1m, "ความสว่าง 4,000 ANSI lumens พร้อมสาย HDMI",
            ["เครื่องฉาย 1 เครื่อง", "รีโมท 1 อัน", "สาย HDMI 1 เส้น", "กระเป๋า 1 ใบ"], 6, "420-65-", new DateOnly(2022, 2, 20), 24_900m, division["EDU"], "ห้องประชุม กองการศึกษา");
        Numbered(categories["478"], "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "เครื่อง", staff, 14, 5, 1m, "โน้ตบุ๊กสำหรับงานประมวลผล พร้อมเมาส์",
            ["โน้ตบุ๊ก 1 เครื่อง", "อะแดปเตอร์ 1 ชุด", "เมาส์ 1 ตัว"], 12, "478-66-", new DateOnly(2023, 5, 2), 22_000m, division["OFF"], "ห้องคอมพิวเตอร์ สำนักปลัด");
        Numbered(categories["430"], "เครื่องสูบน้ำ", "เครื่อง", staffAndAgencies, 7, 5, 1m, "เครื่องสูบน้ำเครื่องยนต์เบนซิน ท่อ 3 นิ้ว สำหรับสูบน้ำท่วมขัง",
            ["เครื่องสูบน้ำ 1 เครื่อง", "ท่อดูด 1 เส้น", "ท่อส่ง 1 เส้น"], 3, "พย7110-006-024-", new DateOnly(2019, 8, 1), 15_500m, division["ENG"], "โรงเก็บพัสดุ กองช่าง");
        Numbered(categories["420"], "จอรับภาพแบบขาตั้ง", "จอ", staff, 5, 5, 1m, "จอขนาด 100 นิ้ว",
            [], 4, "420-62-", new DateOnly(2019, 11, 5), 3_500m, division["EDU"], "ห้องประชุม กองการศึกษา");

        Pool(categories["416"], "เก้าอี้พลาสติก", "ตัว", everyone, 7, 300, 150m, new DateOnly(2022, 10, 1), "เก้าอี้พลาสติกมีพนักพิง สีน้ำเงิน", Domain.Assets.LendingNature.Durable);
        Pool(categories["416"], "โต๊ะพับอเนกประสงค์", "ตัว", everyone, 7, 50, 1_200m, new DateOnly(2022, 10, 1), "โต๊ะพับขาเหล็ก หน้าโต๊ะ 60×180 ซม.", Domain.Assets.LendingNature.Durable);
        Pool(categories["700"], "กระสอบทราย", "ใบ", BorrowerAudience.Agencies, 30, 500, 12m, new DateOnly(2024, 7, 1), "กระสอบทรายสำหรับป้องกันน้ำท่วม (ใช้สิ้นเปลือง คืนเป็นของชนิดเดียวกัน)", Domain.Assets.LendingNature.Consumable);
        await db.SaveChangesAsync(ct);

        foreach (var a in Accounts)
        {
            var user = new AppUser
            {
                UserName = a.Email,
                Email = a.Email,
                EmailConfirmed = true,
                FullName = a.FullName,
                Position = a.Position,
                DivisionId = division[a.DivisionCode],
                DelegationOrder = a.DelegationOrder,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRolesAsync(user, a.Roles);
        }
    }

    private void Numbered(Category category, string name, string unit, BorrowerAudience audience, int maxDays, int lifeYears, decimal salvage, string description,
        IReadOnlyList<string> checklist, int count, string numberPrefix, DateOnly acquiredOn, decimal price, int divisionId, string location)
    {
        var item = new CatalogueItem(
            new CatalogueItemDetails(name, category.Id, unit, description, Domain.Assets.LendingNature.Durable, BudgetClass.Equipment, audience, maxDays, lifeYears, salvage, checklist),
            TrackingMode.Numbered,
            Tags.NewTag());
        db.CatalogueItems.Add(item);
        db.SaveChanges();
        for (var i = 1; i <= count; i++)
        {
            var number = numberPrefix.StartsWith("พย", StringComparison.Ordinal)
                ? $"{numberPrefix}{334 + i}"
                : $"{numberPrefix}{i:0000}";
            db.Assets.Add(new Asset(item.Id, number, Tags.NewTag(),
                new AssetDetails(acquiredOn, price, divisionId, location, "ดี", null)));
        }
    }

    private void Pool(Category category, string name, string unit, BorrowerAudience audience, int maxDays, int quantity, decimal unitPrice, DateOnly acquiredOn, string description, Domain.Assets.LendingNature nature)
    {
        var item = new CatalogueItem(
            new CatalogueItemDetails(name, category.Id, unit, description, nature,
                nature == Domain.Assets.LendingNature.Consumable ? BudgetClass.Material : BudgetClass.BelowThreshold, audience, maxDays, 3, 0m),
            TrackingMode.Pooled,
            Tags.NewTag());
        item.SetPool(quantity, unitPrice, acquiredOn);
        db.CatalogueItems.Add(item);
    }
}

public sealed record DemoAccount(string Email, string FullName, string Position, string DivisionCode, IReadOnlyList<string> Roles, string? DelegationOrder = null);
