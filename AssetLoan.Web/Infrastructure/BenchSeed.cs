using System.Data.Common;
using System.Globalization;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// Province-sized data for <c>bench/run</c> (not for production): numbered assets, pools, outside borrowers and loans
/// spread over the three years before today, with Thai names and the statuses a real history has (mostly closed, some
/// rejected, cancelled or expired, a few still out or overdue, the recent ones in progress). Rows go in through prepared
/// statements in one transaction, so a million loans take well under a minute on SQLite. Seeded loans have no audit
/// events: the bench measures reading, and the audit chain stays verifiable.
/// </summary>
public static class BenchSeed
{
    public sealed record Size(int Assets = 100_000, int Pools = 2_000, int Borrowers = 50_000, int Loans = 1_000_000);

    private static readonly string[] NumberedKinds =
    [
        "เต็นท์ ขนาด 4×8 ม.", "เต็นท์ ขนาด 3×3 ม.", "ชุดเครื่องเสียงกลางแจ้ง", "เครื่องฉายภาพ (โปรเจกเตอร์)", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก",
        "เครื่องสูบน้ำ", "จอรับภาพแบบขาตั้ง", "เครื่องปั่นไฟ", "พัดลมไอน้ำ", "เครื่องตัดหญ้า", "บันไดอะลูมิเนียม", "รถเข็นอเนกประสงค์",
        "ไมโครโฟนไร้สาย", "กล้องถ่ายภาพดิจิทัล", "เครื่องพ่นหมอกควัน", "ถังน้ำแบบมีล้อ", "เต็นท์โดม", "เวทีสำเร็จรูป", "ไฟสปอตไลต์", "เครื่องขยายเสียงพกพา",
    ];

    private static readonly string[] PoolKinds =
    [
        "เก้าอี้พลาสติก", "โต๊ะพับอเนกประสงค์", "กระสอบทราย", "ผ้าปูโต๊ะ", "เก้าอี้เหล็กพับ", "กรวยจราจร", "แผงกั้นจราจร", "ถังขยะพลาสติก",
        "จานกระเบื้อง", "แก้วน้ำ", "หม้อแขก", "ถาดหลุม", "ผ้าใบกันแดด", "ไฟประดับ", "ธงชาติ", "ธงตราสัญลักษณ์", "เสื่อ", "หมอนอิง", "พัดลมตั้งพื้น", "ชุดโต๊ะจีน",
    ];

    private static readonly string[] Places =
    [
        "แม่คือ", "ป่าป้อง", "สง่าบ้าน", "ลวงเหนือ", "เชิงดอย", "ตลาดขวัญ", "สันปูเลย", "ป่าเมี่ยง", "เทพเสด็จ", "ลวงใต้", "ตลาดใหญ่", "ป่าลาน",
        "หนองหาร", "สันทรายหลวง", "หนองจ๊อม", "แม่แฝก", "หนองแหย่ง", "ป่าไผ่", "เมืองเล็น", "สันพระเนตร", "ช่างเคิ่ง", "ท่าผา", "บ้านทับ", "แม่ศึก",
        "ยางเนิ้ง", "สารภี", "ชมภู", "ไชยสถาน", "ขัวมุง", "หนองแฝก", "ดอนแก้ว", "ท่ากว้าง", "สันกลาง", "หางดง", "หนองควาย", "บ้านแหวน",
        "น้ำแพร่", "ขุนคง", "บ้านปง", "หนองตอง", "สบแม่ข่า", "สันผักหวาน", "หารแก้ว", "ดอนเปา", "บ้านกาด", "ทุ่งปี้", "ทุ่งรวงทอง", "แม่วิน",
        "ทุ่งสะโตก", "ทุ่งต้อม",
    ];

    private static readonly string[] FirstNames =
    [
        "สมชาย", "สมศรี", "บุญมา", "บุญเรือง", "ประเสริฐ", "มาลี", "วันเพ็ญ", "สุดารัตน์", "อรุณ", "กาญจนา", "ธนากร", "ณัฐพล", "พิมพ์ชนก",
        "ศิริพร", "จันทร์เพ็ญ", "ทองสุข", "แสงเดือน", "คำปัน", "ศรีนวล", "อินทร", "บัวผัน", "สุริยา", "วิไลวรรณ", "ปัญญา", "เกษม", "ดวงใจ",
        "ชัยวัฒน์", "นงลักษณ์", "อำนวย", "พรทิพย์",
    ];

    private static readonly string[] LastNames =
    [
        "ใจดี", "ศรีแม่คือ", "ทองคำ", "คำดี", "สุขใจ", "รักษ์ทรัพย์", "ตรวจดี", "ใจงาม", "อินทร์แก้ว", "กันทะวงศ์", "ปัญญาวงศ์", "ศรีวิชัย",
        "คำมูล", "จันทร์แก้ว", "ไชยวงศ์", "ธรรมสอน", "บุญเรือง", "สิทธิมา", "อุปนันท์", "ยาวิเลิง", "ปิงเมือง", "แสนคำ", "ดวงแก้ว", "วงศ์ใหญ่",
    ];

    private static readonly string[] Purposes =
    [
        "งานบุญประเพณียี่เป็ง", "งานศพ", "งานบวช", "งานแต่งงาน", "ประชุมประจำเดือนหมู่บ้าน", "งานกีฬาสีโรงเรียน", "งานวันเด็กแห่งชาติ",
        "ทำบุญขึ้นบ้านใหม่", "งานปอยหลวง", "อบรมอาสาสมัครสาธารณสุข", "งานสงกรานต์", "ซ้อมแผนป้องกันอัคคีภัย", "กิจกรรมจิตอาสาพัฒนาวัด",
    ];

    public static async Task RunAsync(AppDbContext db, Size size, DateTime nowUtc, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(log);
        var pg = db.Database.IsNpgsql();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        if (!pg)
        {
            // Bench data only: a large page cache keeps the index pages in memory while a million rows go in.
            await using var pragma = conn.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -400000; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var random = new Random(2569);
        var started = DateTime.UtcNow;
        await using var tx = await conn.BeginTransactionAsync(ct);

        var categories = await Ints(conn, tx, "SELECT \"Id\" FROM \"Categories\" ORDER BY \"Id\"", ct);
        var division = (await Ints(conn, tx, "SELECT \"Id\" FROM \"Divisions\" ORDER BY \"Id\"", ct)).FirstOrDefault();
        var firstTag = (await Ints(conn, tx, "SELECT COUNT(*) FROM \"CatalogueItems\"", ct))[0];

        // Catalogue: 20 numbered kinds per municipality, 100 units each by default; pools of 20 kinds per municipality.
        var itemInsert = Command(conn, tx, """
            INSERT INTO "CatalogueItems" ("Name", "CategoryId", "UnitNoun", "Description", "PhotoPath", "LendingNature", "BudgetClass", "TrackingMode",
              "Audience", "MaxLoanDays", "UsefulLifeYears", "SalvageValue", "PoolQuantity", "PoolUnitPrice", "PoolAcquiredOn", "Tag", "ChecklistText", "Retired", "Version", "PoolUnderRepair")
            VALUES (@name, @cat, @unit, NULL, NULL, 'Durable', @budget, @mode, 'Everyone', 7, 5, 100, @qty, @price, NULL, @tag, '', @f, @v, 0)
            """ + " RETURNING \"Id\"", "name", "cat", "unit", "budget", "mode", "qty", "price", "tag", "f", "v");
        var numberedItems = new List<(int Id, string Name)>();
        var numberedCount = Math.Max(1, size.Assets / 100);
        for (var i = 0; i < numberedCount; i++)
        {
            var name = $"{NumberedKinds[i % NumberedKinds.Length]} ({Municipality(i / NumberedKinds.Length)})";
            numberedItems.Add((await InsertItemAsync(itemInsert, name, categories[i % categories.Count], "หลัง", "Equipment", "Numbered", 0, 0, Tag("ZY", firstTag + i), pg, ct), name));
        }

        var pools = new List<(int Id, string Name, int Quantity)>();
        for (var i = 0; i < size.Pools; i++)
        {
            var name = $"{PoolKinds[i % PoolKinds.Length]} ({Municipality(i / PoolKinds.Length)})";
            var quantity = 200 + random.Next(800);
            pools.Add((await InsertItemAsync(itemInsert, name, categories[i % categories.Count], "ตัว", "BelowThreshold", "Pooled", quantity, 15000, Tag("ZX", firstTag + i), pg, ct), name, quantity));
        }

        await log.WriteLineAsync($"catalogue: {numberedItems.Count:N0} numbered items, {pools.Count:N0} pools");

        var assetInsert = Command(conn, tx, """
            INSERT INTO "Assets" ("CatalogueItemId", "AssetNumber", "Tag", "SerialNumber", "AcquiredOn", "Price", "DivisionId", "Location", "Condition", "Status", "Notes", "RetiredAtUtc", "RetiredReason", "Version")
            VALUES (@item, @number, @tag, NULL, @acquired, @price, @division, @location, 'ดี', @status, NULL, NULL, NULL, @v)
            """ + " RETURNING \"Id\"", "item", "number", "tag", "acquired", "price", "division", "location", "status", "v");
        var assetsByItem = new Dictionary<int, List<(int Id, string Number)>>();
        for (var i = 0; i < size.Assets; i++)
        {
            var (itemId, _) = numberedItems[i % numberedItems.Count];
            var number = string.Create(CultureInfo.InvariantCulture, $"P{i % 90 + 10:00}-{60 + (i % 10)}-{i:000000}");
            var status = random.Next(100) switch { < 2 => "UnderRepair", < 3 => "Lost", _ => "Available" };
            Set(assetInsert, "item", itemId);
            Set(assetInsert, "number", number);
            Set(assetInsert, "tag", Tag("ZZ", i));
            Set(assetInsert, "acquired", new DateOnly(2020 + (i % 6), 1 + (i % 12), 1 + (i % 28)));
            Set(assetInsert, "price", 500_000L + (i % 50 * 100_000L));
            Set(assetInsert, "division", division == 0 ? DBNull.Value : division);
            Set(assetInsert, "location", "คลังพัสดุ " + Municipality(i % 100));
            Set(assetInsert, "status", status);
            Set(assetInsert, "v", Version(pg));
            var id = Convert.ToInt32(await assetInsert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (status == "Available")
            {
                (assetsByItem.TryGetValue(itemId, out var list) ? list : assetsByItem[itemId] = []).Add((id, number));
            }
        }

        await log.WriteLineAsync($"assets: {size.Assets:N0}");

        var borrowerInsert = Command(conn, tx, """
            INSERT INTO "Borrowers" ("Kind", "Name", "ContactPerson", "UserId", "DivisionId", "Position", "NationalIdCipher", "NationalIdLookup", "NationalIdTail",
              "Phone", "Email", "HouseNumber", "Moo", "Subdistrict", "District", "Province", "AnonymisedAtUtc")
            VALUES (@kind, @name, @contact, NULL, NULL, NULL, NULL, NULL, NULL, @phone, NULL, @house, @moo, @sub, 'ดอยสะเก็ด', 'เชียงใหม่', NULL)
            """ + " RETURNING \"Id\"", "kind", "name", "contact", "phone", "house", "moo", "sub");
        var borrowers = new List<(int Id, string Kind)>();
        for (var i = 0; i < size.Borrowers; i++)
        {
            var kind = random.Next(100) switch { < 70 => "Person", < 80 => "CommunityGroup", < 87 => "Temple", < 94 => "School", _ => "Agency" };
            var person = $"{(i % 2 == 0 ? "นาย" : "นาง")}{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var place = Places[random.Next(Places.Length)];
            var name = kind switch
            {
                "Person" => person,
                "CommunityGroup" => $"กลุ่มแม่บ้านบ้าน{place} หมู่ {1 + (i % 12)}",
                "Temple" => $"วัด{place}",
                "School" => $"โรงเรียนบ้าน{place}",
                _ => $"องค์การบริหารส่วนตำบล{place}",
            };
            Set(borrowerInsert, "kind", kind);
            Set(borrowerInsert, "name", name);
            Set(borrowerInsert, "contact", kind == "Person" ? DBNull.Value : person);
            Set(borrowerInsert, "phone", string.Create(CultureInfo.InvariantCulture, $"08{i:00000000}"));
            Set(borrowerInsert, "house", (1 + (i % 300)).ToString(CultureInfo.InvariantCulture));
            Set(borrowerInsert, "moo", (1 + (i % 12)).ToString(CultureInfo.InvariantCulture));
            Set(borrowerInsert, "sub", place);
            borrowers.Add((Convert.ToInt32(await borrowerInsert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), kind));
        }

        await log.WriteLineAsync($"borrowers: {size.Borrowers:N0}");

        var sequences = new Dictionary<int, int>();
        foreach (var (year, last) in await Pairs(conn, tx, "SELECT \"FiscalYear\", \"LastNumber\" FROM \"FiscalSequences\"", ct))
        {
            sequences[year] = last;
        }

        var today = BangkokTime.Today(nowUtc);
        var firstDay = today.AddYears(-3);
        var span = (nowUtc - BangkokTime.StartOfDayUtc(firstDay)).TotalMinutes - (24 * 60);
        if (!pg)
        {
            await InsertLoansInSqlAsync(conn, tx, size, BangkokTime.StartOfDayUtc(firstDay), (long)(span * 60), today, nowUtc, borrowers[0].Id, pools[0].Id, sequences, ct);
            await log.WriteLineAsync($"loans: {size.Loans:N0} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
        }

        var loanInsert = Command(conn, tx, """
            INSERT INTO "Loans" ("Number", "FiscalYear", "Reference", "BorrowerId", "BorrowerKind", "BorrowerUserId", "BorrowerDivisionId", "RequestedByUserId", "KeyedInByOfficer",
              "Purpose", "Place", "OffPremises", "StartOn", "DueOn", "Case", "UrgencyReason", "AgencyLetterNumber", "AgencyLetterOn", "Status", "TrackingToken", "SubmittedAtUtc",
              "DecidedAtUtc", "ApprovedByName", "ApprovedByUserId", "ApprovedRole", "DelegationOrder", "PaperApprovalPath", "DecisionReason", "HandedOverOn", "HandedOverByName",
              "ReceiverName", "ReceiverSignaturePath", "ReturnedOn", "ReceivedBackByName", "ClosedAtUtc", "CancelledAtUtc", "Version")
            VALUES (@number, @year, @reference, @borrower, @kind, NULL, NULL, NULL, @f, @purpose, @place, @t, @start, @due, @case, NULL, @letter, @letterOn, @status, @token, @submitted,
              @decided, @approver, NULL, @role, NULL, NULL, @reason, @handed, @handedBy, @receiver, NULL, @returned, @backBy, @closed, @cancelled, @v)
            """ + " RETURNING \"Id\"",
            "number", "year", "reference", "borrower", "kind", "f", "purpose", "place", "t", "start", "due", "case", "letter", "letterOn", "status", "token", "submitted",
            "decided", "approver", "role", "reason", "handed", "handedBy", "receiver", "returned", "backBy", "closed", "cancelled", "v");
        var lineInsert = Command(conn, tx, """
            INSERT INTO "LoanLines" ("LoanId", "CatalogueItemId", "ItemName", "UnitNoun", "IsPooled", "Quantity", "IssuedQuantity", "ReturnedGood", "ReturnedDamaged", "ReturnedLost", "UnitValue", "HandoverNote", "ReturnNote", "ReturnsInKind")
            VALUES (@loan, @item, @name, @unit, @pooled, @qty, @issued, @good, 0, 0, @value, NULL, NULL,
                    (SELECT k."LendingNature" = 'Consumable' FROM "CatalogueItems" k WHERE k."Id" = @item))
            """ + " RETURNING \"Id\"", "loan", "item", "name", "unit", "pooled", "qty", "issued", "good", "value");
        var unitInsert = Command(conn, tx, """
            INSERT INTO "LoanUnits" ("LoanLineId", "AssetId", "AssetNumber", "ValueAtBorrowing", "IssuedAtUtc", "ReturnedAtUtc", "ReturnCondition", "ReturnNote")
            VALUES (@line, @asset, @number, 500000, @issued, @back, @condition, NULL)
            """, "line", "asset", "number", "issued", "back", "condition");

        for (var i = 0; pg && i < size.Loans; i++)
        {
            // Office hours in Bangkok (08:00–17:00), in order of time so that ids grow with it.
            var submitted = BangkokTime.StartOfDayUtc(firstDay).AddMinutes(span * i / size.Loans);
            var hour = submitted.AddHours(7).Hour;
            if (hour is < 8 or >= 17)
            {
                submitted = submitted.AddHours(hour < 8 ? 8 - hour : -(hour - 16));
            }

            var submittedOn = BangkokTime.Today(submitted);
            var fiscalYear = FiscalYear.Of(submittedOn).BuddhistYear;
            var number = sequences[fiscalYear] = sequences.GetValueOrDefault(fiscalYear) + 1;
            var (borrowerId, kind) = borrowers[random.Next(borrowers.Count)];
            var start = submittedOn.AddDays(1 + random.Next(14));
            var due = start.AddDays(random.Next(5));
            var decided = submitted.AddHours(4 + random.Next(96));
            var roll = random.Next(1000);
            string status;
            DateTime? decidedAt = null, closedAt = null, cancelledAt = null;
            DateOnly? handed = null, returned = null;
            if (due < today.AddDays(-7))
            {
                status = roll switch { < 70 => "Rejected", < 130 => "Cancelled", < 160 => "Expired", < 163 => "HandedOver", _ => "Closed" };
            }
            else if (start > today)
            {
                status = roll switch { < 300 => "Submitted", < 500 => "Checked", < 850 => "Approved", < 920 => "Rejected", _ => "Cancelled" };
            }
            else
            {
                status = roll switch { < 700 => "HandedOver", < 900 => "Closed", < 950 => "Rejected", _ => "Cancelled" };
            }

            if (status is "Approved" or "Rejected" or "Expired" or "HandedOver" or "Closed")
            {
                decidedAt = decided < nowUtc ? decided : nowUtc.AddMinutes(-1);
            }

            if (status is "HandedOver" or "Closed")
            {
                handed = start;
            }

            if (status == "Closed")
            {
                returned = random.Next(10) == 0 ? due.AddDays(1 + random.Next(5)) : due;
                if (returned > today)
                {
                    returned = today;
                }

                closedAt = BangkokTime.StartOfDayUtc(returned.Value).AddHours(3);
            }

            if (status == "Cancelled")
            {
                cancelledAt = submitted.AddHours(2);
            }

            var outsideKind = kind;
            Set(loanInsert, "number", number);
            Set(loanInsert, "year", fiscalYear);
            Set(loanInsert, "reference", Loan.FormatReference(number, fiscalYear));
            Set(loanInsert, "borrower", borrowerId);
            Set(loanInsert, "kind", outsideKind);
            Set(loanInsert, "f", pg ? false : 0);
            Set(loanInsert, "purpose", Purposes[random.Next(Purposes.Length)]);
            Set(loanInsert, "place", "บ้าน" + Places[random.Next(Places.Length)]);
            Set(loanInsert, "t", pg ? true : 1);
            Set(loanInsert, "start", start);
            Set(loanInsert, "due", due);
            Set(loanInsert, "case", outsideKind == "Agency" ? "InterAgency" : "OffPremises");
            Set(loanInsert, "letter", outsideKind == "Agency" ? $"ชม 7{i % 1000:000}/{i % 9999}" : DBNull.Value);
            Set(loanInsert, "letterOn", outsideKind == "Agency" ? submittedOn : DBNull.Value);
            Set(loanInsert, "status", status);
            Set(loanInsert, "token", string.Create(CultureInfo.InvariantCulture, $"bench{i:x10}{random.NextInt64():x16}z"));
            Set(loanInsert, "submitted", submitted);
            Set(loanInsert, "decided", decidedAt is { } d ? d : DBNull.Value);
            Set(loanInsert, "approver", decidedAt is not null && status != "Rejected" ? "นายบุญมา ศรีแม่คือ" : DBNull.Value);
            Set(loanInsert, "role", decidedAt is not null && status != "Rejected" ? "Executive" : DBNull.Value);
            Set(loanInsert, "reason", status == "Rejected" ? "พัสดุไม่เพียงพอในช่วงวันที่ขอ" : DBNull.Value);
            Set(loanInsert, "handed", handed is { } h ? h : DBNull.Value);
            Set(loanInsert, "handedBy", handed is not null ? "นางสาวพัชรี ใจดี" : DBNull.Value);
            Set(loanInsert, "receiver", handed is not null ? "ผู้รับแทน" : DBNull.Value);
            Set(loanInsert, "returned", returned is { } r ? r : DBNull.Value);
            Set(loanInsert, "backBy", returned is not null ? "นางสาวพัชรี ใจดี" : DBNull.Value);
            Set(loanInsert, "closed", closedAt is { } c ? c : DBNull.Value);
            Set(loanInsert, "cancelled", cancelledAt is { } x ? x : DBNull.Value);
            Set(loanInsert, "v", Version(pg));
            var loanId = Convert.ToInt32(await loanInsert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

            // Units of numbered items only on finished loans, so that the registry's statuses stay true; loans that
            // hold or are out today borrow from pools.
            var issued = handed is not null;
            if (status == "Closed" && random.Next(4) == 0)
            {
                var (itemId, itemName) = numberedItems[random.Next(numberedItems.Count)];
                Set(lineInsert, "loan", loanId);
                Set(lineInsert, "item", itemId);
                Set(lineInsert, "name", itemName);
                Set(lineInsert, "unit", "หลัง");
                Set(lineInsert, "pooled", pg ? false : 0);
                Set(lineInsert, "qty", 1);
                Set(lineInsert, "issued", 1);
                Set(lineInsert, "good", 1);
                Set(lineInsert, "value", 500_000L);
                var lineId = Convert.ToInt32(await lineInsert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                if (assetsByItem.TryGetValue(itemId, out var units))
                {
                    var unit = units[random.Next(units.Count)];
                    Set(unitInsert, "line", lineId);
                    Set(unitInsert, "asset", unit.Id);
                    Set(unitInsert, "number", unit.Number);
                    Set(unitInsert, "issued", BangkokTime.StartOfDayUtc(handed!.Value).AddHours(2));
                    Set(unitInsert, "back", closedAt!.Value);
                    Set(unitInsert, "condition", "Good");
                    await unitInsert.ExecuteNonQueryAsync(ct);
                }
            }
            else
            {
                var pool = pools[random.Next(pools.Count)];
                var quantity = 1 + random.Next(20);
                Set(lineInsert, "loan", loanId);
                Set(lineInsert, "item", pool.Id);
                Set(lineInsert, "name", pool.Name);
                Set(lineInsert, "unit", "ตัว");
                Set(lineInsert, "pooled", pg ? true : 1);
                Set(lineInsert, "qty", quantity);
                Set(lineInsert, "issued", issued ? quantity : 0);
                Set(lineInsert, "good", returned is not null ? quantity : 0);
                Set(lineInsert, "value", 15000L);
                await lineInsert.ExecuteNonQueryAsync(ct);
            }

            if (i > 0 && i % 200_000 == 0)
            {
                await log.WriteLineAsync($"loans: {i:N0} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
            }
        }

        // The lines of holding loans are marked as the domain marks them (LoanLine.Holds): the rows above are written
        // without the domain.
        await using (var holds = conn.CreateCommand())
        {
            holds.Transaction = tx;
            holds.CommandTimeout = 3600;
            var statuses = string.Join(", ", LoanTransitions.HoldingStatuses.Select(s => $"'{s}'"));
            holds.CommandText = $"UPDATE \"LoanLines\" SET \"Holds\" = TRUE WHERE \"LoanId\" IN (SELECT \"Id\" FROM \"Loans\" WHERE \"Status\" IN ({statuses}))";
            await holds.ExecuteNonQueryAsync(ct);
        }

        var sequenceUpsert = Command(conn, tx, pg
            ? "INSERT INTO \"FiscalSequences\" (\"FiscalYear\", \"LastNumber\") VALUES (@y, @n) ON CONFLICT (\"FiscalYear\") DO UPDATE SET \"LastNumber\" = excluded.\"LastNumber\""
            : "INSERT INTO \"FiscalSequences\" (\"FiscalYear\", \"LastNumber\") VALUES (@y, @n) ON CONFLICT (\"FiscalYear\") DO UPDATE SET \"LastNumber\" = excluded.\"LastNumber\"", "y", "n");
        foreach (var (year, last) in sequences)
        {
            Set(sequenceUpsert, "y", year);
            Set(sequenceUpsert, "n", last);
            await sequenceUpsert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        await using (var analyze = conn.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync(ct);
        }

        await log.WriteLineAsync($"loans: {size.Loans:N0}; done in {(DateTime.UtcNow - started).TotalSeconds:0} s");
    }

    /// <summary>
    /// SQLite: the loans and their lines are generated inside the database by one INSERT … SELECT per fiscal year (a
    /// recursive counter, statuses and dates derived from a hash of the row number), which is an order of magnitude
    /// faster than a million round trips. Same distribution as the row-by-row path; every line borrows from a pool.
    /// </summary>
    private static async Task InsertLoansInSqlAsync(DbConnection conn, DbTransaction tx, Size size, DateTime startUtc, long spanSeconds, DateOnly today, DateTime nowUtc,
        int firstBorrower, int firstPool, Dictionary<int, int> sequences, CancellationToken ct)
    {
        var lastLoan = (await Ints(conn, tx, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Loans\"", ct))[0];
        var ranges = new List<(int Year, int From, int To)>();
        for (var i = 0; i < size.Loans; i++)
        {
            var year = FiscalYear.Of(BangkokTime.Today(startUtc.AddSeconds(i * spanSeconds / size.Loans))).BuddhistYear;
            if (ranges.Count == 0 || ranges[^1].Year != year)
            {
                ranges.Add((year, i, i + 1));
            }
            else
            {
                ranges[^1] = (year, ranges[^1].From, i + 1);
            }
        }

        foreach (var (year, from, to) in ranges)
        {
            await using var insert = Command(conn, tx, LoansSql, "i0", "i1", "start", "span", "loans", "cutoff", "today", "now", "borrower", "borrowers", "base", "fy");
            insert.CommandTimeout = 3600;
            Set(insert, "i0", from);
            Set(insert, "i1", to);
            Set(insert, "start", startUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Set(insert, "span", spanSeconds);
            Set(insert, "loans", size.Loans);
            Set(insert, "cutoff", today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(insert, "today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(insert, "now", nowUtc.AddMinutes(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Set(insert, "borrower", firstBorrower);
            Set(insert, "borrowers", size.Borrowers);
            Set(insert, "base", sequences.GetValueOrDefault(year));
            Set(insert, "fy", year);
            await insert.ExecuteNonQueryAsync(ct);
            sequences[year] = sequences.GetValueOrDefault(year) + (to - from);
        }

        await using var lines = Command(conn, tx, """
            INSERT INTO "LoanLines" ("LoanId", "CatalogueItemId", "ItemName", "UnitNoun", "IsPooled", "Quantity", "IssuedQuantity", "ReturnedGood", "ReturnedDamaged", "ReturnedLost", "UnitValue", "HandoverNote", "ReturnNote", "ReturnsInKind")
            SELECT l."Id", c."Id", c."Name", c."UnitNoun", 1, 1 + l."Id" % 20, CASE WHEN l."HandedOverOn" IS NOT NULL THEN 1 + l."Id" % 20 ELSE 0 END,
                   CASE WHEN l."ReturnedOn" IS NOT NULL THEN 1 + l."Id" % 20 ELSE 0 END, 0, 0, 15000, NULL, NULL, c."LendingNature" = 'Consumable'
            FROM "Loans" l JOIN "CatalogueItems" c ON c."Id" = @pool + (l."Id" * 7919 % @pools)
            WHERE l."Id" > @last
            """, "pool", "pools", "last");
        lines.CommandTimeout = 3600;
        Set(lines, "pool", firstPool);
        Set(lines, "pools", size.Pools);
        Set(lines, "last", lastLoan);
        await lines.ExecuteNonQueryAsync(ct);
    }

    private const string LoansSql = """
        WITH RECURSIVE n(i) AS (SELECT @i0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @i1),
        b1 AS (SELECT i, datetime(@start, '+' || (i * @span / @loans) || ' seconds') AS submitted, (i * 2654435761) % 4294967291 AS h FROM n),
        b2 AS (SELECT i, submitted, h, h % 1000 AS roll, date(submitted, '+7 hours', '+' || (1 + h / 3 % 14) || ' days') AS startOn FROM b1),
        b3 AS (SELECT *, date(startOn, '+' || (h / 7 % 5) || ' days') AS dueOn FROM b2),
        b4 AS (SELECT *, CASE
                 WHEN dueOn < @cutoff THEN CASE WHEN roll < 70 THEN 'Rejected' WHEN roll < 130 THEN 'Cancelled' WHEN roll < 160 THEN 'Expired' WHEN roll < 163 THEN 'HandedOver' ELSE 'Closed' END
                 WHEN startOn > @today THEN CASE WHEN roll < 300 THEN 'Submitted' WHEN roll < 500 THEN 'Checked' WHEN roll < 850 THEN 'Approved' WHEN roll < 920 THEN 'Rejected' ELSE 'Cancelled' END
                 ELSE CASE WHEN roll < 700 THEN 'HandedOver' WHEN roll < 900 THEN 'Closed' WHEN roll < 950 THEN 'Rejected' ELSE 'Cancelled' END END AS status
               FROM b3),
        b5 AS (SELECT *,
                 CASE WHEN status = 'Closed' THEN min(CASE WHEN h / 13 % 10 = 0 THEN date(dueOn, '+' || (1 + h / 17 % 5) || ' days') ELSE dueOn END, @today) END AS returnedOn,
                 CASE WHEN status IN ('Approved', 'Rejected', 'Expired', 'HandedOver', 'Closed') THEN min(datetime(submitted, '+' || (4 + h / 19 % 96) || ' hours'), @now) END AS decided,
                 hex(randomblob(16)) AS x
               FROM b4)
        INSERT INTO "Loans" ("Number", "FiscalYear", "Reference", "BorrowerId", "BorrowerKind", "BorrowerUserId", "BorrowerDivisionId", "RequestedByUserId", "KeyedInByOfficer",
          "Purpose", "Place", "OffPremises", "StartOn", "DueOn", "Case", "UrgencyReason", "AgencyLetterNumber", "AgencyLetterOn", "Status", "TrackingToken", "SubmittedAtUtc",
          "DecidedAtUtc", "ApprovedByName", "ApprovedByUserId", "ApprovedRole", "DelegationOrder", "PaperApprovalPath", "DecisionReason", "HandedOverOn", "HandedOverByName",
          "ReceiverName", "ReceiverSignaturePath", "ReturnedOn", "ReceivedBackByName", "ClosedAtUtc", "CancelledAtUtc", "Version")
        SELECT @base + (i - @i0) + 1, @fy, printf('%04d/%d', @base + (i - @i0) + 1, @fy), bo."Id", bo."Kind", NULL, NULL, NULL, 0,
          CASE h / 29 % 6 WHEN 0 THEN 'งานบุญประเพณียี่เป็ง' WHEN 1 THEN 'งานศพ' WHEN 2 THEN 'งานบวช' WHEN 3 THEN 'ประชุมประจำเดือนหมู่บ้าน' WHEN 4 THEN 'งานกีฬาสีโรงเรียน' ELSE 'งานปอยหลวง' END,
          'บ้าน' || bo."Subdistrict", 1, startOn, dueOn, CASE bo."Kind" WHEN 'Agency' THEN 'InterAgency' ELSE 'OffPremises' END, NULL,
          CASE WHEN bo."Kind" = 'Agency' THEN 'ชม 7' || (i % 1000) || '/' || (i % 9999) END, CASE WHEN bo."Kind" = 'Agency' THEN date(submitted, '+7 hours') END,
          status, printf('bench%010x%08x', i, h), submitted, decided,
          CASE WHEN decided IS NOT NULL AND status <> 'Rejected' THEN 'นายบุญมา ศรีแม่คือ' END, NULL, CASE WHEN decided IS NOT NULL AND status <> 'Rejected' THEN 'Executive' END, NULL, NULL,
          CASE WHEN status = 'Rejected' THEN 'พัสดุไม่เพียงพอในช่วงวันที่ขอ' END,
          CASE WHEN status IN ('HandedOver', 'Closed') THEN startOn END, CASE WHEN status IN ('HandedOver', 'Closed') THEN 'นางสาวพัชรี ใจดี' END,
          CASE WHEN status IN ('HandedOver', 'Closed') THEN 'ผู้รับแทน' END, NULL,
          returnedOn, CASE WHEN returnedOn IS NOT NULL THEN 'นางสาวพัชรี ใจดี' END, CASE WHEN returnedOn IS NOT NULL THEN datetime(returnedOn, '+3 hours') END,
          CASE WHEN status = 'Cancelled' THEN datetime(submitted, '+2 hours') END,
          substr(x, 1, 8) || '-' || substr(x, 9, 4) || '-' || substr(x, 13, 4) || '-' || substr(x, 17, 4) || '-' || substr(x, 21, 12)
        FROM b5 JOIN "Borrowers" bo ON bo."Id" = @borrower + (h / 23 % @borrowers)
        """;

    /// <summary>A municipality's short name: ทต. (town) or อบต. (subdistrict) + a place name.</summary>
    private static string Municipality(int i) => (i % 2 == 0 ? "ทต." : "อบต.") + Places[i / 2 % Places.Length] + (i >= Places.Length * 2 ? " " + ((i / (Places.Length * 2)) + 1).ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>A unique tag in the tag alphabet: a two-letter prefix and the number in base 31.</summary>
    private static string Tag(string prefix, int n)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var chars = new char[6];
        for (var k = 5; k >= 0; k--)
        {
            chars[k] = alphabet[n % alphabet.Length];
            n /= alphabet.Length;
        }

        return prefix + new string(chars);
    }

    private static object Version(bool pg) => pg ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();

    private static async Task<int> InsertItemAsync(DbCommand insert, string name, int category, string unit, string budget, string mode, int quantity, long price, string tag, bool pg, CancellationToken ct)
    {
        Set(insert, "name", name);
        Set(insert, "cat", category);
        Set(insert, "unit", unit);
        Set(insert, "budget", budget);
        Set(insert, "mode", mode);
        Set(insert, "qty", quantity);
        Set(insert, "price", price);
        Set(insert, "tag", tag);
        Set(insert, "f", pg ? false : 0);
        Set(insert, "v", Version(pg));
        return Convert.ToInt32(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection conn, DbTransaction tx, string sql, params string[] names)
    {
        var command = conn.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static void Set(DbCommand command, string name, object value) => command.Parameters["@" + name].Value = value;

    private static async Task<List<int>> Ints(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = Command(conn, tx, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<int>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return list;
    }

    private static async Task<List<(int, int)>> Pairs(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = Command(conn, tx, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<(int, int)>();
        while (await reader.ReadAsync(ct))
        {
            list.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return list;
    }
}
