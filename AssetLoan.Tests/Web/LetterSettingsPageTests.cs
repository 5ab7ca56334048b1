using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using SkiaSharp;

namespace AssetLoan.Tests.Web;

/// <summary>
/// /admin/letters (issue 13 §6, §9): the admin sets the letter code, the signers and the undertaking, and uploads the
/// emblem, which is accepted only as a real PNG or JPEG and stored re-encoded; the letters, the slip and the blank
/// forms print what was set.
/// </summary>
public sealed class LetterSettingsPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Admin_SetsCodeSignerAndEmblem_TheLetterPrintsThem_AndTheStoredEmblemIsReencoded()
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/letters", "#letters-form");
        var upload = Png(120, 140).Concat("<?php echo 1; ?>"u8.ToArray()).ToArray();
        form.Set("Input.LetterCode", "ชม ๕๒๓๐๑").Set("Input.DemandSignerName", "นายทดสอบ ลงนาม")
            .Set("Input.DemandSignerPosition", "ปลัดเทศบาลตำบลแม่คือ").Set("Input.DemandSignerActing", "ปฏิบัติราชการแทนนายกเทศมนตรีตำบลแม่คือ")
            .AttachFile("Input.Emblem", "garuda.png", upload, "image/png");

        var saved = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var letters = await app.WithDbAsync(db => LetterSettings.LoadAsync(db, default));
        Assert.Equal(("ชม ๕๒๓๐๑", "นายทดสอบ ลงนาม", "ปฏิบัติราชการแทนนายกเทศมนตรีตำบลแม่คือ"), (letters.LetterCode, letters.DemandSigner.Name, letters.DemandSigner.Acting));
        var stored = await File.ReadAllBytesAsync(Path.Combine(app.UploadsPath, letters.EmblemPath));
        Assert.NotEqual(upload, stored);
        Assert.DoesNotContain("<?php", System.Text.Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        using (var codec = SKCodec.Create(new SKMemoryStream(stored)))
        {
            Assert.Equal((SKEncodedImageFormat.Png, 120, 140), (codec.EncodedFormat, codec.Info.Width, codec.Info.Height));
        }

        var id = await LetterSetup.OverdueOutsiderLoanAsync(app);
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var letter = (await HtmlForm.GetDocumentAsync(officer, $"/supplies/demandletter/{id}")).QuerySelector("[data-letter]")!;
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(stored), letter.QuerySelector("img.emblem")!.GetAttribute("src"));
        Assert.Contains("(นายทดสอบ ลงนาม)", letter.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("gif")]
    public async Task Admin_UploadsSomethingThatIsNotAPngOrJpeg_IsRefused(string kind)
    {
        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var before = await app.WithDbAsync(db => LetterSettings.LoadAsync(db, default));
        var form = await HtmlForm.LoadAsync(admin, "/admin/letters", "#letters-form");
        var bytes = kind == "gif" ? "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000"u8.ToArray() : "not an image at all"u8.ToArray();
        form.Set("Input.LetterCode", "ชม 99999").AttachFile("Input.Emblem", "garuda.png", bytes, "image/png");

        var refused = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ตราครุฑต้องเป็นไฟล์ภาพ PNG หรือ JPEG ขนาดไม่เกิน 2 MB", (await HtmlForm.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => LetterSettings.LoadAsync(db, default));
        Assert.Equal((before.LetterCode, before.EmblemPath), (after.LetterCode, after.EmblemPath));
    }

    [Fact]
    public async Task Undertaking_DefaultCitesTheLocalGovernmentCriteria_AndTheAdminsTextIsPrintedOnTheSlipAndTheForms()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var loan = await app.HandedOverAsync(Demo.Employee, 3, (LoanSetup.Chairs, 2));
        var slip = (await HtmlForm.GetDocumentAsync(officer, $"/supplies/slip/{loan}")).QuerySelector(".undertaking")!.TextContent;
        Assert.Contains("ตามหลักเกณฑ์ที่กระทรวงมหาดไทยกำหนด", slip, StringComparison.Ordinal);
        Assert.Contains("ข้อ ๒๐๙ (๒)", slip, StringComparison.Ordinal);

        var admin = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(admin, "/admin/letters", "#letters-form");
        Assert.Equal(LetterSettings.DefaultUndertaking, form.Value("Input.Undertaking"));
        const string text = "ข้าพเจ้าจะดูแลรักษาพัสดุที่ยืมและส่งคืนตามกำหนด หากชำรุดเสียหายหรือสูญหายจะชดใช้ตามข้อ 209 (2)";
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Undertaking", text).SubmitAsync(admin)).StatusCode);

        var printed = (await HtmlForm.GetDocumentAsync(officer, $"/supplies/slip/{loan}")).QuerySelector(".undertaking")!.TextContent;
        Assert.Equal(AssetLoan.Domain.Calendar.ThaiDate.ThaiDigits(text), printed.Trim());
        var blank = await HtmlForm.GetDocumentAsync(app.CreateClient(), "/transparency/forms/request");
        Assert.Contains(text, blank.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_CannotOpenTheLetterSettings()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);

        var response = await officer.GetAsync("/admin/letters");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 30, 30));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
