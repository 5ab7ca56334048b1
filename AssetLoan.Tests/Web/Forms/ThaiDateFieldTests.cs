using System.Net;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Forms;

/// <summary>
/// The date field everywhere a person types a date: "25/12/2569" is 25 December 2026 (never the year 3112); a
/// Christian-Era year, an impossible day or a date past the booking horizon is refused beside the field, with what
/// was typed still in it. Today is 25 Nov 2569 (AppFactory).
/// </summary>
public sealed class ThaiDateFieldTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Apply_BuddhistEraText_IsStoredAsThatDay()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.StartOn", "25/12/2569").Set("Input.DueOn", "26/12/2569");

        var (_, token) = await PublicApplication.SubmitAsync(client, form);

        var loan = await app.WithDbAsync(db => db.Loans.AsNoTracking().SingleAsync(l => l.TrackingToken == token));
        Assert.Equal(new DateOnly(2026, 12, 25), loan.StartOn);
        Assert.Equal(new DateOnly(2026, 12, 26), loan.DueOn);
    }

    [Fact]
    public async Task LoansNew_BuddhistEraText_IsStoredAsThatDay()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var projector = await LoanSetup.ItemIdAsync(app, LoanSetup.Projector);
        var form = (await HtmlForm.LoadAsync(client, "/loans/new")).Set($"Input.Quantities[{projector}]", "1")
            .Set("Input.Purpose", "อบรมเจ้าหน้าที่").Set("Input.Place", "ห้องประชุมเทศบาล")
            .Set("Input.StartOn", "25/12/2569").Set("Input.DueOn", "25/12/2569");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var loan = await app.WithDbAsync(db => db.Loans.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(new DateOnly(2026, 12, 25), loan.StartOn);
    }

    [Fact]
    public async Task Apply_FormShowsDatesAsBuddhistEraText()
    {
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var page = await HtmlForm.GetDocumentAsync(client, "/loans/new");
        var start = page.QuerySelector("#Input_StartOn")!;
        Assert.Equal("text", start.GetAttribute("type"));
        Assert.Equal("26/11/2569", start.GetAttribute("value"));
        Assert.Equal("numeric", start.GetAttribute("inputmode"));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "25/12/2026", "กรุณากรอกปีเป็น พ.ศ." },
        { "2569-12-25", "กรุณากรอกวันที่เป็น วว/ดด/ปปปป" },
        { "2026-12-25", "กรุณากรอกวันที่เป็น วว/ดด/ปปปป" },
        { "29/02/2569", "ไม่มีวันที่นี้ในปฏิทิน" },
        { "25/12/2570", "วันที่ไกลเกินกว่าที่รับได้" },
        { "25 ธ.ค. 69", "กรุณากรอกวันที่เป็น วว/ดด/ปปปป" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Apply_ImplausibleDate_IsRefusedBesideTheFieldAndKept(string typed, string message)
    {
        var client = app.CreateAnonymousClient();
        var before = await app.WithDbAsync(db => db.Loans.CountAsync());
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.StartOn", typed);

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("span[data-valmsg-for='Input.StartOn']")!.TextContent, StringComparison.Ordinal);
        var field = page.QuerySelector("#Input_StartOn")!;
        Assert.Equal(typed, field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Loans.CountAsync()));
    }

    [Fact]
    public async Task Apply_CheckAvailabilityWithABadDate_KeepsTheTextAndSaysWhy()
    {
        var client = app.CreateAnonymousClient();
        var form = (await PublicApplication.FilledAsync(client)).Set("Input.StartOn", "25/12/2026");

        var page = await HtmlForm.ParseAsync(await form.SubmitAsync(client, "/apply?handler=Check"));

        Assert.Equal("25/12/2026", page.QuerySelector("#Input_StartOn")!.GetAttribute("value"));
        Assert.Contains("กรุณากรอกปีเป็น พ.ศ.", page.QuerySelector("span[data-valmsg-for='Input.StartOn']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Horizon_IsASetting()
    {
        await app.WithDbAsync(async db =>
        {
            await AssetLoan.Web.Data.Settings.SetAsync(db, AssetLoan.Web.Data.Settings.Keys.BookingHorizonDays, "30", default);
            await db.SaveChangesAsync();
        });
        try
        {
            var client = app.CreateAnonymousClient();
            var form = (await PublicApplication.FilledAsync(client)).Set("Input.StartOn", "26/12/2569").Set("Input.DueOn", "27/12/2569");
            var page = await HtmlForm.ParseAsync(await form.SubmitAsync(client));
            Assert.Contains("วันที่ไกลเกินกว่าที่รับได้", page.QuerySelector("span[data-valmsg-for='Input.StartOn']")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await AssetLoan.Web.Data.Settings.SetAsync(db, AssetLoan.Web.Data.Settings.Keys.BookingHorizonDays, "365", default);
                await db.SaveChangesAsync();
            });
        }
    }
}
