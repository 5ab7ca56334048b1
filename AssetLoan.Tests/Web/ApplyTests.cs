using System.Net;
using System.Text;
using System.Text.Json;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class ApplyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Submit_ValidPersonApplication_ShowsReferenceAndPrivateTrackingLink()
    {
        var client = app.CreateAnonymousClient();
        var form = await PublicApplication.FilledAsync(client, phone: "081-777-1234", name: "นางสาวทดลอง ยื่นคำขอ");
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/apply/done", response.Headers.Location!.ToString());
        var done = await HtmlForm.GetDocumentAsync(client, "/apply/done");
        var reference = done.QuerySelector("#reference")!.TextContent.Trim();
        Assert.Matches(@"^\d{4}/2570$", reference);
        var link = done.QuerySelector("#tracking-link")!.GetAttribute("href")!;
        Assert.Matches(@"^http://localhost/track/[A-Za-z0-9_-]{22,}$", link);
        var token = link[(link.LastIndexOf('/') + 1)..];

        var saved = await app.WithDbAsync(db => db.Loans.AsNoTracking().Whole().SingleAsync(l => l.TrackingToken == token));
        Assert.Equal(reference, saved.Reference);
        Assert.Equal(LoanStatus.Submitted, saved.Status);
        Assert.Equal(BorrowerKind.Person, saved.BorrowerKind);
        Assert.Equal(LoanCase.OffPremises, saved.Case);
        Assert.Equal(new DateOnly(2026, 12, 5), saved.StartOn);
        Assert.Equal([(PublicApplication.Tent, 2), (PublicApplication.Chairs, 50)], saved.Lines.OrderBy(l => l.ItemName).Reverse().Select(l => (l.ItemName, l.Quantity)).ToList());
        Assert.DoesNotContain(saved.History, h => h.ActorName.Contains("ทดลอง", StringComparison.Ordinal));
        var borrower = await app.WithDbAsync(db => db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == saved.BorrowerId));
        Assert.Equal("นางสาวทดลอง ยื่นคำขอ", borrower.Name);
        Assert.Equal("0817771234", borrower.Phone);
        Assert.Equal("บ้านเลขที่ 12 หมู่ 3 ต.แม่คือ อ.ดอยสะเก็ด จ.เชียงใหม่", borrower.AddressLine);

        // The confirmation is shown once: the link is not kept in a cookie for whoever uses the browser next.
        var again = await HtmlForm.GetDocumentAsync(client, "/apply/done");
        Assert.Null(again.QuerySelector("#tracking-link"));
    }

    [Fact]
    public async Task Submit_TypedBuddhistEraDates_AreAccepted()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.StartOn", "8/12/2569").Set("Input.DueOn", "09/12/2569");
        var (_, token) = await PublicApplication.SubmitAsync(client, form);
        var loan = await app.WithDbAsync(db => db.Loans.AsNoTracking().SingleAsync(l => l.TrackingToken == token));
        Assert.Equal((new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9)), (loan.StartOn, loan.DueOn));
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Input.NationalId", "12345", "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก" },
        { "Input.NationalId", ThaiNationalIdWith('0'), "เลขประจำตัวประชาชนหลักแรกต้องเป็นเลข 1–8" },
        { "Input.NationalId", "1103700012345", "เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ" },
        { "Input.NationalId", "", "กรุณากรอกเลขประจำตัวประชาชน 13 หลัก" },
        { "Input.Name", "", "กรุณากรอกชื่อ–นามสกุล" },
        { "Input.Name", new string('ก', 201), "ชื่อ–นามสกุล ยาวได้ไม่เกิน 200 ตัวอักษร" },
        { "Input.Phone", "12345", "กรุณากรอกเบอร์โทรศัพท์ให้ถูกต้อง" },
        { "Input.Email", "not-an-email", "รูปแบบอีเมลไม่ถูกต้อง" },
        { "Input.HouseNumber", "", "กรุณากรอกบ้านเลขที่" },
        { "Input.Province", "", "กรุณากรอกจังหวัด" },
        { "Input.Purpose", "", "กรุณาระบุวัตถุประสงค์การยืม" },
        { "Input.Purpose", new string('ก', 501), "ยาวได้ไม่เกิน 500 ตัวอักษร" },
        { "Input.Place", "", "กรุณาระบุสถานที่นำไปใช้" },
        { "Input.StartOn", "31/02/2569", "ไม่มีวันที่นี้ในปฏิทิน" },
        { "Input.DueOn", "", "กรุณาระบุวันที่ส่งคืน" },
        { "Input.PrivacyAcknowledged", "false", "กรุณาทำเครื่องหมายยืนยันว่าได้อ่านประกาศความเป็นส่วนตัวแล้ว" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Submit_InvalidField_ShowsThaiMessageBesideItAndKeepsWhatWasTyped(string field, string value, string message)
    {
        var client = app.CreateAnonymousClient();
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());
        var form = (await PublicApplication.FilledAsync(client, phone: "089-555-0101", name: "นายพิมพ์ ไม่หาย")).Set(field, value);
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        var beside = doc.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent;
        Assert.Contains(message, beside, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Loans.CountAsync()));

        var kept = HtmlForm.From(doc, "#apply-form", "/apply");
        foreach (var other in new[] { "Input.Name", "Input.Phone", "Input.Purpose", "Input.Place", "Input.Subdistrict", "Input.NationalId", "Input.StartOn" })
        {
            Assert.Equal(form.Value(other), kept.Value(other));
        }

        Assert.Equal("2", kept.Value(PublicApplication.QuantityField(kept, PublicApplication.Tent)));
        Assert.Equal("50", kept.Value(PublicApplication.QuantityField(kept, PublicApplication.Chairs)));
    }

    [Fact]
    public async Task Submit_StartInThePast_ShowsTheDomainMessageBesideTheDate()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.StartOn", "20/11/2569");
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Contains("วันที่เริ่มยืมต้องไม่ก่อนวันนี้", doc.QuerySelector("span[data-valmsg-for='Input.StartOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("งานบำเพ็ญกุศลศพ", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submit_LongerThanTheItemAllows_ShowsTheRuleBesideTheDueDate()
    {
        // One rule-code → field map for every request form (issue 12): this form used to put Loan.TooLong beside the
        // item table, while the staff form put it beside the due date, where it is fixed.
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.DueOn", "20/12/2569");
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Contains("ระยะเวลายืมเกินจำนวนวันสูงสุด", doc.QuerySelector("span[data-valmsg-for='Input.DueOn']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ระยะเวลายืมเกิน", doc.QuerySelector("#lines-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoQuantities_AsksForAnItem()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Quantity(PublicApplication.Tent, 0).Quantity(PublicApplication.Chairs, 0);
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Contains("กรุณาระบุจำนวนพัสดุที่ต้องการยืมอย่างน้อย 1 รายการ", doc.QuerySelector("#lines-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_MoreThanIsFree_SaysHowManyAreFreeBesideTheItem()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Quantity(PublicApplication.Tent, 11);
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        var field = PublicApplication.QuantityField(form, PublicApplication.Tent);
        Assert.Contains("ช่วงวันที่นี้ว่างเพียง 10 หลัง", doc.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ConsumableToAPerson_IsRefusedWithTheThaiRule()
    {
        await app.WithDbAsync(async db =>
        {
            if (!await db.CatalogueItems.AnyAsync(c => c.Name == "ทรายอะเบท (ทดสอบ)"))
            {
                var category = await db.Categories.FirstAsync();
                var item = new CatalogueItem(new CatalogueItemDetails("ทรายอะเบท (ทดสอบ)", category.Id, "ถุง", null, LendingNature.Consumable, BudgetClass.Material,
                    BorrowerAudience.Public | BorrowerAudience.Agencies, 30, 0, 0m), TrackingMode.Pooled, Tags.NewTag());
                item.SetPool(100, 5m, null);
                db.CatalogueItems.Add(item);
                await db.SaveChangesAsync();
            }
        });
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Quantity("ทรายอะเบท (ทดสอบ)", 5).Set("Input.UrgencyReason", "ไข้เลือดออกระบาด");
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Contains("พัสดุประเภทใช้สิ้นเปลืองให้ยืมได้เฉพาะหน่วยงานของรัฐเท่านั้น", doc.QuerySelector("#lines-message")!.TextContent, StringComparison.Ordinal);

        // The seeded sandbags are for agencies only: a person is told the item is not lent to them.
        var sandbags = (await PublicApplication.FilledAsync(client)).Quantity(PublicApplication.Sandbags, 10).Set("Input.UrgencyReason", "น้ำท่วม");
        var refused = await HtmlForm.ParseAsync(await sandbags.SubmitAsync(client));
        Assert.Contains("รายการนี้ไม่เปิดให้ผู้ยืมประเภทนี้ยืม", refused.QuerySelector("#lines-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AgencyWithoutLetter_AsksForItThenAcceptsConsumablesWithUrgency()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client, name: "นายปลัด อบต."))
            .Set("Input.Kind", "Agency").Set("Input.NationalId", "").Set("Input.OrganisationName", "องค์การบริหารส่วนตำบลทดสอบ")
            .Quantity(PublicApplication.Tent, 0).Quantity(PublicApplication.Chairs, 0).Quantity(PublicApplication.Sandbags, 200)
            .Set("Input.UrgencyReason", "น้ำป่าไหลหลาก ต้องทำคันกั้นน้ำด่วน");
        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
        Assert.Contains("กรุณากรอกเลขที่หนังสือขอยืม", doc.QuerySelector("span[data-valmsg-for='Input.AgencyLetterNumber']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("กรุณากรอกวันที่ของหนังสือ", doc.QuerySelector("span[data-valmsg-for='Input.AgencyLetterOn']")!.TextContent, StringComparison.Ordinal);

        form.Set("Input.AgencyLetterNumber", "ชม 12345/678").Set("Input.AgencyLetterOn", "20/11/2569");
        var (_, token) = await PublicApplication.SubmitAsync(client, form);
        var (loan, borrower) = await app.WithDbAsync(async db =>
        {
            var l = await db.Loans.AsNoTracking().SingleAsync(x => x.TrackingToken == token);
            return (l, await db.Borrowers.AsNoTracking().SingleAsync(b => b.Id == l.BorrowerId));
        });
        Assert.Equal(LoanCase.ConsumableInterAgency, loan.Case);
        Assert.Equal(("ชม 12345/678", new DateOnly(2026, 11, 20)), (loan.AgencyLetterNumber, loan.AgencyLetterOn!.Value));
        Assert.Equal(("องค์การบริหารส่วนตำบลทดสอบ", "นายปลัด อบต.", null), (borrower.Name, borrower.ContactPerson, borrower.NationalIdCipher));
    }

    [Fact]
    public async Task Submit_HoneypotFilled_PretendsSuccessAndSavesNothing()
    {
        var client = app.CreateAnonymousClient();
        var (loans, borrowers) = await app.WithDbAsync(async db => (await db.Loans.CountAsync(), await db.Borrowers.CountAsync()));
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.Website", "http://spam.example");
        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = await HtmlForm.GetDocumentAsync(client, response.Headers.Location!.ToString());
        Assert.Matches(@"^\d{4}/2570$", done.QuerySelector("#reference")!.TextContent.Trim());
        Assert.Equal((loans, borrowers), await app.WithDbAsync(async db => (await db.Loans.CountAsync(), await db.Borrowers.CountAsync())));
    }

    [Fact]
    public async Task Honeypot_IsHiddenFromPeople()
    {
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/apply");
        var input = doc.QuerySelector("input[name='Input.Website']")!;
        var wrapper = input.ParentElement!;
        Assert.Equal("-1", input.GetAttribute("tabindex"));
        Assert.Equal("true", wrapper.GetAttribute("aria-hidden"));
        Assert.Contains("hp-field", wrapper.ClassList);
    }

    [Fact]
    public async Task Submit_OverTheOpenApplicationCap_IsRefusedPerBorrowerNotPerPhone()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var phone = PublicApplication.NewPhone();
        // Three different applications (the same one filed again would be answered with the first).
        for (var i = 0; i < 3; i++)
        {
            await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, nationalId: id, phone: phone)).Quantity(PublicApplication.Chairs, 10 + i));
        }

        var fourth = await (await PublicApplication.FilledAsync(client, nationalId: id)).Quantity(PublicApplication.Chairs, 20).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Contains("ท่านมีคำขอที่อยู่ระหว่างดำเนินการครบ 3 รายการแล้ว", (await HtmlForm.ParseAsync(fourth)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);

        // A spouse who shares the phone is another borrower with a cap of their own.
        await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, phone: "+66 " + phone[1..], name: "นางคู่สมรส ใช้เบอร์เดียวกัน"));
    }

    [Fact]
    public async Task Submit_OrganisationOverTheCap_IsRefusedByNameAndPhone()
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var chairs = 10;
        async Task<HttpResponseMessage> SubmitAsync(string organisation) => await (await PublicApplication.FilledAsync(client, phone: phone))
            .Quantity(PublicApplication.Chairs, chairs++).Set("Input.Kind", "CommunityGroup").Set("Input.OrganisationName", organisation).Set("Input.NationalId", "").SubmitAsync(client);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync("กลุ่มแม่บ้านทดสอบโควตา")).StatusCode);
        }

        Assert.Contains("ครบ 3 รายการแล้ว", await (await SubmitAsync("กลุ่มแม่บ้านทดสอบโควตา")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync("กลุ่มผู้สูงอายุทดสอบโควตา")).StatusCode);
    }

    [Fact]
    public async Task Submit_CapCountsOnlyApplicationsInProgress()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add((await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, nationalId: id)).Quantity(PublicApplication.Chairs, 10 + i))).Token);
        }

        Assert.Equal(3, tokens.Distinct().Count());
        Assert.Equal(HttpStatusCode.Redirect, (await PublicApplication.CancelAsync(app, client, tokens[0])).StatusCode);
        await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client, nationalId: id)).Quantity(PublicApplication.Chairs, 20));
    }

    [Fact]
    public async Task CheckButton_WithDates_ShowsAvailabilityForThemAndKeepsTheForm()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.Name", "").Set("Input.StartOn", "20/12/2569").Set("Input.DueOn", "21/12/2569");
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());
        var response = await form.SubmitAsync(client, "/apply?handler=Check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("จำนวนที่ว่างสำหรับวันที่ 20 ธ.ค. 2569 – 21 ธ.ค. 2569", doc.QuerySelector("#availability-period")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll(".field-validation-error"));
        Assert.Equal("งานบำเพ็ญกุศลศพ", doc.QuerySelector("textarea[name='Input.Purpose']")!.TextContent.Trim());
        Assert.Equal(before, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task AvailabilityJson_CountsWhatOtherLoansHold()
    {
        var client = app.CreateAnonymousClient();
        var (_, token) = await PublicApplication.SubmitAsync(client, (await PublicApplication.FilledAsync(client))
            .Set("Input.StartOn", "10/01/2570").Set("Input.DueOn", "12/01/2570"));
        await PublicApplication.CheckAsync(app, await PublicApplication.LoanIdAsync(app, token));
        var (tentId, chairsId) = await app.WithDbAsync(async db => (
            await db.CatalogueItems.Where(c => c.Name == PublicApplication.Tent).Select(c => c.Id).SingleAsync(),
            await db.CatalogueItems.Where(c => c.Name == PublicApplication.Chairs).Select(c => c.Id).SingleAsync()));

        var json = JsonDocument.Parse(await client.GetStringAsync("/apply?handler=Availability&start=2027-01-11&due=11/01/2570")).RootElement;
        Assert.True(json.GetProperty("ok").GetBoolean());
        int Free(int id) => json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id).GetProperty("free").GetInt32();
        Assert.Equal((8, 250), (Free(tentId), Free(chairsId)));

        var bad = JsonDocument.Parse(await client.GetStringAsync("/apply?handler=Availability&start=2027-01-12&due=2027-01-10")).RootElement;
        Assert.False(bad.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Get_WithItemFromThePublicAssetPage_PreselectsIt()
    {
        var tentId = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == PublicApplication.Tent).Select(c => c.Id).SingleAsync());
        var form = await HtmlForm.LoadAsync(app.CreateAnonymousClient(), $"/apply?item={tentId}", "#apply-form");
        Assert.Equal("1", form.Value(PublicApplication.QuantityField(form, PublicApplication.Tent)));
        Assert.Equal("0", form.Value(PublicApplication.QuantityField(form, PublicApplication.Chairs)));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var form = await PublicApplication.FilledAsync(app.CreateAnonymousClient());
        form.Remove("__RequestVerificationToken");
        var response = await form.SubmitAsync(app.CreateAnonymousClient());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("แบบฟอร์มอาจหมดอายุ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NationalId_IsNotStoredInPlainText()
    {
        var client = app.CreateAnonymousClient();
        var id = PublicApplication.NewNationalId();
        var (_, token) = await PublicApplication.SubmitAsync(client, await PublicApplication.FilledAsync(client, nationalId: id));
        var borrowerId = await app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).Select(l => l.BorrowerId).SingleAsync());

        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT NationalIdCipher, NationalIdLookup, NationalIdTail FROM Borrowers WHERE Id = $id";
            command.Parameters.AddWithValue("$id", borrowerId);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var (cipher, lookup, tail) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            Assert.DoesNotContain(id, cipher, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{64}$", lookup);
            Assert.Equal(id[^3..], tail);
        }

        // Nowhere in the database files: not in another column, the audit trail, or the write-ahead log.
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            var text = Encoding.Latin1.GetString(buffer.ToArray());
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AssetLoan.Domain.Borrowers.ThaiNationalId.Format(id), text, StringComparison.Ordinal);
        }
    }

    private static string ThaiNationalIdWith(char first) => AssetLoan.Tests.Domain.ThaiNationalIdTests.WithCheckDigit(first + "10370001234");
}
