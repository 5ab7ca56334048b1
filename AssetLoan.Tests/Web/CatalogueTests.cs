using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

public sealed class CatalogueTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Create_PooledItemWithPhoto_SavesThePoolAndServesThePhotoToAnyone()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await LoadCreateFormAsync(client, "ไม้กวาดทางมะพร้าว");
        form.Set("TrackingMode", nameof(TrackingMode.Pooled)).Set("Input.UnitNoun", "ด้าม")
            .Set("Input.PoolQuantity", "40").Set("Input.PoolUnitPrice", "35.50").Set("Input.PoolAcquiredOn", "01/10/2568")
            .Set("Input.ForPublic", "true")
            .AttachFile("Photo", "broom.jpg", Png, "image/jpeg");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().SingleAsync(c => c.Name == "ไม้กวาดทางมะพร้าว"));
        Assert.Equal($"/catalogue/{item.Id}", response.Headers.Location?.OriginalString);
        Assert.True(item.IsPooled);
        Assert.Equal(40, item.PoolQuantity);
        Assert.Equal(35.50m, item.PoolUnitPrice);
        Assert.Equal(new DateOnly(2025, 10, 1), item.PoolAcquiredOn);
        Assert.Equal(BorrowerAudience.Staff | BorrowerAudience.Public, item.Audience);
        Assert.EndsWith(".png", item.PhotoPath, StringComparison.Ordinal);

        var detail = await HtmlForm.GetDocumentAsync(client, $"/catalogue/{item.Id}");
        var src = detail.QuerySelector("img.catalogue-photo")!.GetAttribute("src")!;
        var photo = await app.CreateAnonymousClient().GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
        Assert.Contains("40 ด้าม", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.jpg", "text/plain")]
    [InlineData("script.png", "image/png")]
    public async Task Create_FileThatIsNotAnImage_ThaiErrorAndNothingCreated(string fileName, string contentType)
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var name = "รายการรูปไม่ถูก " + fileName;
        var form = await LoadCreateFormAsync(client, name);
        form.AttachFile("Photo", fileName, "<script>alert(1)</script>"u8.ToArray(), contentType);

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("รองรับเฉพาะรูปภาพ JPEG, PNG หรือ WebP", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(name, doc.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.CatalogueItems.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Create_PhotoOver2MB_ThaiError()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await LoadCreateFormAsync(client, "รายการรูปใหญ่");
        var big = new byte[(2 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);
        form.AttachFile("Photo", "big.png", big, "image/png");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));

        Assert.Contains("รูปภาพต้องมีขนาดไม่เกิน 2 MB", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CatalogueItems.AnyAsync(c => c.Name == "รายการรูปใหญ่")));
    }

    [Fact]
    public async Task Create_AnotherFieldWrong_KeepsTheAcceptedPhotoForTheNextTry()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await LoadCreateFormAsync(client, "");
        form.AttachFile("Photo", "p.png", Png, "image/png");

        var first = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var doc = await HtmlForm.ParseAsync(first);
        Assert.Contains("กรุณากรอกชื่อรายการ", doc.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent, StringComparison.Ordinal);
        var retry = HtmlForm.From(doc, "main form", "/catalogue/create");
        Assert.False(string.IsNullOrEmpty(retry.Value("PhotoToken")));
        var second = await retry.Set("Input.Name", "โต๊ะหมู่บูชา").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var photo = await app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == "โต๊ะหมู่บูชา").Select(c => c.PhotoPath).SingleAsync());
        Assert.NotNull(photo);
    }

    [Fact]
    public async Task Create_TakenName_ThaiErrorBesideTheName()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await LoadCreateFormAsync(client, "เก้าอี้พลาสติก");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));

        Assert.Contains("มีรายการชื่อนี้แล้ว", doc.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NobodyMayBorrow_ThaiErrorFromTheDomain()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await LoadCreateFormAsync(client, "รายการไม่มีผู้ยืม");
        form.Set("Input.ForStaff", "false");

        var doc = await HtmlForm.ParseAsync(await form.SubmitAsync(client));

        Assert.Contains("กรุณาเลือกผู้มีสิทธิ์ยืมอย่างน้อยหนึ่งกลุ่ม", doc.QuerySelector("[data-valmsg-for='Input.ForStaff']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ChecklistOnePartPerLine_AndPoolQuantity_AreSaved()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var id = await ItemIdAsync("โต๊ะพับอเนกประสงค์");
        var form = await HtmlForm.LoadAsync(client, $"/catalogue/{id}/edit");
        form.Set("Input.Checklist", "โต๊ะ 1 ตัว\r\n\r\n  ผ้าปูโต๊ะ 1 ผืน  \r\n").Set("Input.PoolQuantity", "48");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(["โต๊ะ 1 ตัว", "ผ้าปูโต๊ะ 1 ผืน"], item.Checklist);
        Assert.Equal(48, item.PoolQuantity);
        var detail = await HtmlForm.GetDocumentAsync(client, $"/catalogue/{id}");
        Assert.Equal(["โต๊ะ 1 ตัว", "ผ้าปูโต๊ะ 1 ผืน"], detail.QuerySelectorAll("#checklistHeading + ul li").Select(li => li.TextContent));
        Assert.Contains("จำนวนที่มี", detail.QuerySelector(".audit-timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_HidesTheItemFromTheCatalogueAndFromNewAssets()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var id = await ItemIdAsync("จอรับภาพแบบขาตั้ง");
        var form = await HtmlForm.LoadAsync(client, $"/catalogue/{id}/edit");
        form.Set("Retired", "true");

        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(client)).StatusCode);

        var catalogue = await HtmlForm.GetDocumentAsync(client, "/catalogue");
        Assert.DoesNotContain("จอรับภาพแบบขาตั้ง", catalogue.QuerySelector(".row.row-cols-1")!.TextContent, StringComparison.Ordinal);
        var withRetired = await HtmlForm.GetDocumentAsync(client, "/catalogue?retired=true");
        Assert.Contains("จอรับภาพแบบขาตั้ง", withRetired.QuerySelector(".row.row-cols-1")!.TextContent, StringComparison.Ordinal);
        var create = await HtmlForm.GetDocumentAsync(client, "/assets/create");
        Assert.Null(create.QuerySelector($"select[name='ItemId'] option[value='{id}']"));
    }

    [Fact]
    public async Task Detail_NumberedItem_ListsItsUnitsAndLinksTheCalendar()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var id = await ItemIdAsync("ชุดเครื่องเสียงกลางแจ้ง");

        var doc = await HtmlForm.GetDocumentAsync(client, $"/catalogue/{id}");

        Assert.Equal(["420-63-0001", "420-63-0002", "420-63-0003"], doc.QuerySelectorAll("#unitsHeading ~ div tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.NotNull(doc.QuerySelector($"a[href='/catalogue/{id}/calendar']"));
        Assert.Null(doc.QuerySelector($"a[href='/catalogue/{id}/edit']"));
        Assert.Contains("ลำโพง 2 ตู้", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownItem_Returns404()
    {
        var client = await app.CreateClientAsAsync(Demo.Officer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalogue/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalogue/99999/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalogue/99999/photo")).StatusCode);
    }

    private static async Task<HtmlForm> LoadCreateFormAsync(HttpClient client, string name)
    {
        var form = await HtmlForm.LoadAsync(client, "/catalogue/create");
        var category = form.Document.QuerySelectorAll("select[name='Input.CategoryId'] option").Skip(1).First().GetAttribute("value")!;
        return form.Set("Input.Name", name).Set("Input.CategoryId", category).Set("Input.UnitNoun", "ชุด");
    }

    private Task<int> ItemIdAsync(string name) =>
        app.WithDbAsync(db => db.CatalogueItems.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
}
