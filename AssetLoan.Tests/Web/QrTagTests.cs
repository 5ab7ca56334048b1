using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Borrowers;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>The QR images (/qr/{tag}.png|svg), the public tag page (/a/{tag}), the scan page and the home page's links.</summary>
public sealed class QrTagTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string PublicBase = "https://assets.maekhue.go.th";

    [Fact]
    public async Task QrPng_SeveralAssets_DecodesToTheConfiguredPublicUrlWhichOpensTheAsset()
    {
        await SetPublicBaseAsync(PublicBase);
        var assets = await app.WithDbAsync(db => db.Assets.AsNoTracking().OrderBy(a => a.Id).Take(4).Select(a => new { a.Tag, a.AssetNumber }).ToListAsync());
        var pool = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Where(c => c.Name == "เก้าอี้พลาสติก").Select(c => c.Tag).SingleAsync());
        var client = app.CreateAnonymousClient();

        foreach (var (tag, number) in assets.Select(a => (a.Tag, a.AssetNumber)).Append((pool, "เก้าอี้พลาสติก")))
        {
            var response = await client.GetAsync($"/qr/{tag}.png");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var decoded = QrImages.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal($"{PublicBase}/a/{tag}", decoded);

            var page = await client.GetAsync(new Uri(decoded!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(number, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("svg", "image/svg+xml")]
    public async Task QrImage_Head_AnswersLikeGetWithoutSigningIn(string format, string contentType)
    {
        var tag = await AnyAssetTagAsync();
        var response = await app.CreateAnonymousClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/qr/{tag}.{format}"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task QrPng_NoPublicBaseUrl_UsesTheRequestOrigin()
    {
        await SetPublicBaseAsync("");
        var tag = await AnyAssetTagAsync();
        var response = await app.CreateAnonymousClient().GetAsync($"/qr/{tag}.png");
        Assert.Equal($"http://localhost/a/{tag}", QrImages.Decode(await response.Content.ReadAsByteArrayAsync()));
        await SetPublicBaseAsync(PublicBase);
    }

    [Fact]
    public async Task QrSvg_IsWellFormedSvg()
    {
        var tag = await AnyAssetTagAsync();
        var response = await app.CreateAnonymousClient().GetAsync($"/qr/{tag}.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal("http://www.w3.org/2000/svg", svg.Root.Name.NamespaceName);
        Assert.Contains(svg.Root.Descendants(), e => e.Name.LocalName == "path");
    }

    [Fact]
    public async Task QrPng_IfNoneMatchTheETag_Returns304AndCachesForAYear()
    {
        await SetPublicBaseAsync(PublicBase);
        var tag = await AnyAssetTagAsync();
        var client = app.CreateAnonymousClient();
        var first = await client.GetAsync($"/qr/{tag}.png?size=4");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var cache = first.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains("immutable", first.Headers.GetValues("Cache-Control").Single(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/qr/{tag}.png?size=4");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var otherSize = await client.GetAsync($"/qr/{tag}.png?size=5");
        Assert.NotEqual(etag, otherSize.Headers.ETag);
        await SetPublicBaseAsync("https://other.example");
        var otherBase = await client.GetAsync($"/qr/{tag}.png?size=4");
        Assert.NotEqual(etag, otherBase.Headers.ETag);
        await SetPublicBaseAsync(PublicBase);
    }

    [Fact]
    public async Task QrPng_Size_ScalesPixelsPerModuleAndRejectsOutOfRangeInThai()
    {
        var tag = await AnyAssetTagAsync();
        var client = app.CreateAnonymousClient();
        using var small = SkiaSharp.SKBitmap.Decode(await client.GetByteArrayAsync($"/qr/{tag}.png?size=2"));
        using var large = SkiaSharp.SKBitmap.Decode(await client.GetByteArrayAsync($"/qr/{tag}.png?size=6"));
        Assert.Equal(small.Width * 3, large.Width);

        var tooBig = await client.GetAsync($"/qr/{tag}.png?size=41");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("ขนาด", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/qr/{tag}.svg?size=abc")).StatusCode);
    }

    [Theory]
    [InlineData("/qr/ZZZZZZZZ.png")]
    [InlineData("/qr/ZZZZZZZZ.svg")]
    [InlineData("/qr/not-a-tag.png")]
    [InlineData("/a/ZZZZZZZZ")]
    [InlineData("/a/not-a-tag")]
    public async Task UnknownTag_Is404WithTheThaiPage(string url)
    {
        var response = await app.CreateAnonymousClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้าที่ต้องการ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_AvailablePublicItem_ShowsNumberCategoryStatusAndBorrowLink()
    {
        var asset = await app.WithDbAsync(db => (
            from a in db.Assets
            join c in db.CatalogueItems on a.CatalogueItemId equals c.Id
            where c.Name == "เต็นท์ ขนาด 4×8 ม." && a.Status == AssetStatus.Available && !db.LoanUnits.Any(u => u.AssetId == a.Id)
            orderby a.Id
            select new { a.Tag, a.AssetNumber, c.Id }).FirstAsync());
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{asset.Tag}");
        var text = doc.Body!.TextContent;
        Assert.Contains("เต็นท์ ขนาด 4×8 ม.", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(asset.AssetNumber, text, StringComparison.Ordinal);
        Assert.Contains("ครุภัณฑ์อื่น", text, StringComparison.Ordinal);
        Assert.Equal("ว่าง", doc.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector($"a[href='/apply?item={asset.Id}']"));
    }

    [Fact]
    public async Task PublicPage_InEnglish_ReadsInEnglish()
    {
        var tag = await AnyAssetTagAsync();
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{tag}?culture=en-US&ui-culture=en-US");
        var text = doc.Body!.TextContent;
        Assert.Contains("Asset number", text, StringComparison.Ordinal);
        Assert.Contains("Property of", text, StringComparison.Ordinal);
        Assert.Equal("Available", doc.QuerySelector("[data-state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task PublicPage_StaffOnlyItem_HasNoBorrowLink()
    {
        var tag = await app.WithDbAsync(db => (
            from a in db.Assets
            join c in db.CatalogueItems on a.CatalogueItemId equals c.Id
            where c.Name == "เครื่องคอมพิวเตอร์โน้ตบุ๊ก"
            select a.Tag).FirstAsync());
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{tag}");
        Assert.Null(doc.QuerySelector("main a[href^='/apply']"));
        Assert.Contains("ให้ยืมเฉพาะบุคลากร", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_Pool_ShowsQuantityFreeToday()
    {
        var tag = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == "โต๊ะพับอเนกประสงค์").Select(c => c.Tag).SingleAsync());
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{tag}");
        Assert.Equal("50", doc.QuerySelector("[data-free]")!.GetAttribute("data-free"));
        Assert.Contains("จาก 50 ตัว", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_UnitOnLoan_ShowsDueDateButNoBorrowerDataAnonymously_AndLoanDetailsToTheOfficer()
    {
        var loan = await TestLoans.HandedOverAsync(app, "เครื่องสูบน้ำ", BorrowerKind.Agency, "องค์การบริหารส่วนตำบลทดสอบ", "0899990001", null);
        var anonymous = await (await app.CreateAnonymousClient().GetAsync($"/a/{loan.Tag}")).Content.ReadAsStringAsync();
        Assert.Contains($"ถูกยืม ถึงวันที่ {ThaiDate.Format(loan.DueOn)}", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("องค์การบริหารส่วนตำบลทดสอบ", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("0899990001", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain(loan.Reference, anonymous, StringComparison.Ordinal);

        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var doc = await HtmlForm.GetDocumentAsync(officer, $"/a/{loan.Tag}");
        var text = doc.Body!.TextContent;
        Assert.Contains("องค์การบริหารส่วนตำบลทดสอบ", text, StringComparison.Ordinal);
        Assert.Contains(loan.Reference, text, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($"a[href='/supplies/return/{loan.LoanId}']"));
        Assert.Null(doc.QuerySelector($"a[href='/supplies/handover/{loan.LoanId}']"));
        Assert.NotNull(doc.QuerySelector($"a[href='/assets/{loan.AssetId}/edit']"));
    }

    [Fact]
    public async Task PublicPage_PersonBorrower_NameNorPhoneNorIdTailAppearAnonymously_ButDoForTheOfficer()
    {
        var loan = await TestLoans.HandedOverAsync(app, "ชุดเครื่องเสียงกลางแจ้ง", BorrowerKind.Person, "นางสมใจ ทดสอบยืม", "0812345678", "1101700203451");
        const string maskedId = "x-xxxx-xxxxx-45-1";
        var anonymous = await (await app.CreateAnonymousClient().GetAsync($"/a/{loan.Tag}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("สมใจ", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("0812345678", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("45-1", anonymous, StringComparison.Ordinal);

        var officer = await (await (await app.CreateClientAsAsync(Demo.Officer)).GetAsync($"/a/{loan.Tag}")).Content.ReadAsStringAsync();
        Assert.Contains("นางสมใจ ทดสอบยืม", officer, StringComparison.Ordinal);
        Assert.Contains("0812345678", officer, StringComparison.Ordinal);
        Assert.Contains(maskedId, officer, StringComparison.Ordinal);
        Assert.DoesNotContain("1101700203451", officer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_UnitReservedByApprovedLoan_OffersHandoverToTheOfficerOnly()
    {
        var loan = await TestLoans.ApprovedAsync(app, "เต็นท์ ขนาด 3×3 ม.");
        var officer = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Officer), $"/a/{loan.Tag}");
        Assert.NotNull(officer.QuerySelector($"a[href='/supplies/handover/{loan.LoanId}']"));
        Assert.Null(officer.QuerySelector($"a[href='/supplies/return/{loan.LoanId}']"));

        var director = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Director), $"/a/{loan.Tag}");
        Assert.Contains(loan.Reference, director.Body!.TextContent, StringComparison.Ordinal);
        // The director reads the books (the navbar's overdue list) but is offered no desk action on the tag.
        Assert.Null(director.QuerySelector("a[href^='/supplies/handover'], a[href^='/supplies/return'], a[href^='/supplies/scan']"));

        var anonymous = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{loan.Tag}");
        Assert.StartsWith("มีผู้จองไว้ ถึงวันที่", anonymous.QuerySelector("[data-state]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("tag")]
    [InlineData("url")]
    public async Task Scan_TagUrlOrAssetNumber_RedirectsToTheTagPage(string kind)
    {
        var asset = await app.WithDbAsync(db => db.Assets.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Tag, a.AssetNumber }).FirstAsync());
        var code = kind switch
        {
            "number" => $"  {asset.AssetNumber} ",
            "tag" => asset.Tag.ToLowerInvariant(),
            _ => $"https://anywhere.example/a/{asset.Tag}",
        };
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(officer, "/supplies/scan");
        Assert.Equal("GET", form.Method);
        var response = await officer.GetAsync($"{form.Action}?Code={Uri.EscapeDataString(code)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/a/{asset.Tag}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Scan_UnknownCode_ShowsThaiErrorAndKeepsWhatWasTyped()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var response = await officer.GetAsync("/supplies/scan?code=999-99-9999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("ไม่พบครุภัณฑ์หรือรหัสป้ายนี้ในทะเบียน", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("999-99-9999", doc.QuerySelector("input[name='Code']")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("input[name='Code'][data-scan-target]"));
        Assert.NotNull(doc.QuerySelector("script[src^='/js/scan.js']"));
    }

    [Fact]
    public async Task Scan_IsForSuppliesOfficersOnly()
    {
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var response = await employee.GetAsync("/supplies/scan");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Home_ListsPublicItemsLinkedToTheirTagPages()
    {
        var items = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Select(c => new { c.Name, c.Tag }).ToListAsync());
        var doc = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), "/");
        var tent = items.Single(i => i.Name == "เต็นท์ ขนาด 4×8 ม.");
        Assert.Equal(tent.Name, doc.QuerySelector($"a[href='/a/{tent.Tag}']")?.TextContent);
        var projector = items.Single(i => i.Name.StartsWith("เครื่องฉายภาพ", StringComparison.Ordinal));
        Assert.Null(doc.QuerySelector($"a[href='/a/{projector.Tag}']"));
    }

    // An asset no demo loan holds, so its public status is "available".
    private Task<string> AnyAssetTagAsync() => app.WithDbAsync(db => db.Assets.AsNoTracking()
        .Where(a => !db.LoanUnits.Any(u => u.AssetId == a.Id)).OrderBy(a => a.Id).Select(a => a.Tag).FirstAsync());

    private Task SetPublicBaseAsync(string value) => app.WithDbAsync(async db =>
    {
        await Settings.SetAsync(db, Settings.Keys.PublicBaseUrl, value, CancellationToken.None);
        await db.SaveChangesAsync();
    });
}

/// <summary>Loans made through the domain in the test database, to see what the tag page shows about them.</summary>
public static class TestLoans
{
    private static int _number = 9000;

    public sealed record Made(int LoanId, string Reference, int AssetId, string Tag, DateOnly DueOn);

    private static readonly Actor Officer = new("test-officer", "เจ้าหน้าที่ทดสอบ", new HashSet<Role> { Role.SuppliesOfficer });
    private static readonly Actor Mayor = new("test-mayor", "นายกทดสอบ", new HashSet<Role> { Role.Executive });

    public static Task<Made> ApprovedAsync(AppFactory app, string itemName) =>
        MakeAsync(app, itemName, BorrowerKind.Person, "นายจอง ไว้ก่อน", "0800000000", null, handOver: false);

    public static Task<Made> HandedOverAsync(AppFactory app, string itemName, BorrowerKind kind, string name, string phone, string? nationalId) =>
        MakeAsync(app, itemName, kind, name, phone, nationalId, handOver: true);

    private static Task<Made> MakeAsync(AppFactory app, string itemName, BorrowerKind kind, string name, string phone, string? nationalId, bool handOver) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var today = BangkokTime.Today(now);
            var item = await db.CatalogueItems.SingleAsync(c => c.Name == itemName);
            var asset = await db.Assets.Where(a => a.CatalogueItemId == item.Id && a.Status == AssetStatus.Available).OrderByDescending(a => a.Id).FirstAsync();
            var borrower = new Borrower(kind, name, new BorrowerContact(phone, null, "9", "1", "แม่คือ", "ดอยสะเก็ด", "เชียงใหม่"));
            if (nationalId is not null)
            {
                borrower.SetNationalId("not-a-real-cipher", $"lookup-{nationalId}", nationalId);
            }

            db.Borrowers.Add(borrower);
            await db.SaveChangesAsync();

            var request = new LoanRequest("ใช้ในงานประเพณีของหมู่บ้าน", "ศาลาหมู่บ้าน", true, today, today.AddDays(2), [new RequestedLine(item.Id, 1)],
                AgencyLetterNumber: kind == BorrowerKind.Agency ? "ชม 123/2569" : null);
            var loan = Loan.Submit(request, borrower, new Dictionary<int, CatalogueItem> { [item.Id] = item }, Actor.Applicant(name),
                Interlocked.Increment(ref _number), FiscalYear.Of(today), today, now);
            db.Loans.Add(loan);
            await db.SaveChangesAsync();

            var line = loan.Lines.Single();
            var free = new Dictionary<int, ItemAvailability> { [item.Id] = new(item.Id, 99, new HashSet<int>()) };
            var loanCase = kind == BorrowerKind.Agency ? LoanCase.InterAgency : LoanCase.OffPremises;
            loan.Check(Officer, loanCase, new Dictionary<int, IReadOnlyList<Asset>> { [line.Id] = [asset] }, free, today, now);
            loan.Approve(Mayor, ApprovalPolicy.Default, null, false, free, new Dictionary<int, Asset> { [asset.Id] = asset }, now);
            if (handOver)
            {
                loan.HandOver(Officer, [new LineIssue(line.Id, [asset.Id], 0, null)], new Dictionary<int, Asset> { [asset.Id] = asset },
                    new Dictionary<int, CatalogueItem> { [item.Id] = item }, TestShelf.Free(new Dictionary<int, CatalogueItem> { [item.Id] = item }), name, true, null, today, now);
            }

            await db.SaveChangesAsync();
            return new Made(loan.Id, loan.Reference, asset.Id, asset.Tag, loan.DueOn);
        });
}
