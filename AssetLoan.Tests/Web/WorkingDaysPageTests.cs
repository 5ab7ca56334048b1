using System.Net;
using AssetLoan.Domain.Loans;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Weekend events (issue 10, point 3): from a Wednesday of an ordinary week (the clock starts on Wednesday 25 Nov 2026),
/// a funeral on Saturday is picked up on Friday and returned on Monday without an overdue flag anywhere overdue is derived.
/// </summary>
public sealed class WorkingDaysPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SaturdayFuneral_HandedOverFriday_ReturnedMonday_NeverOverdue()
    {
        var wednesdayDate = await app.MoveToOrdinaryWeekAsync();
        var id = await app.ApprovedFromAsync(Demo.Employee, 3, 1, (LoanSetup.Tent, 2));
        var client = await app.CreateClientAsAsync(Demo.Officer);

        // Wednesday: the form is shown disabled, with the reason and the first allowed day.
        var wednesday = await HtmlForm.GetDocumentAsync(client, $"/supplies/handover/{id}");
        Assert.Equal("not-yet", wednesday.QuerySelector("[data-handover-window]")!.GetAttribute("data-handover-window"));
        Assert.Contains(AssetLoan.Domain.Calendar.ThaiDays.WithDate(wednesdayDate.AddDays(2)), wednesday.QuerySelector("#window-reason")!.TextContent, StringComparison.Ordinal);
        Assert.True(wednesday.QuerySelector("#handover-form fieldset")!.HasAttribute("disabled"));

        // A session lasts at most 12 hours: the officer signs in again each day.
        app.Clock.Advance(TimeSpan.FromDays(2));
        client = await app.CreateClientAsAsync(Demo.Officer);
        var friday = await HtmlForm.LoadAsync(client, $"/supplies/handover/{id}", "#handover-form");
        foreach (var unit in await ReservedIdsAsync(id))
        {
            friday.Add("Input.Lines[0].AssetIds", unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var handed = await friday.Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Acknowledged", "true").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Equal(LoanStatus.HandedOver, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromDays(3)); // Monday
        client = await app.CreateClientAsAsync(Demo.Officer);
        var desk = await HtmlForm.GetDocumentAsync(client, "/supplies");
        Assert.Null(desk.QuerySelector($"#overdue a[href='/loans/{id}']"));
        Assert.NotNull(desk.QuerySelector($"#out-now a[href='/loans/{id}']"));
        var overdue = await HtmlForm.GetDocumentAsync(client, "/supplies/overdue");
        Assert.Null(overdue.QuerySelector($"tr[data-loan='{id}']"));
        var ret = await HtmlForm.GetDocumentAsync(client, $"/supplies/return/{id}");
        Assert.Equal("on-time", ret.QuerySelector("[data-return-timing]")!.GetAttribute("data-return-timing"));
        var standing = await app.WithDbAsync(async db => await db.StandingAsync(await db.Borrowers.SingleAsync(b => db.Loans.Any(l => l.Id == id && l.BorrowerId == b.Id)), wednesdayDate.AddDays(5), default));
        Assert.False(standing.Overdue);

        app.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday: now it is late
        client = await app.CreateClientAsAsync(Demo.Officer);
        var tuesday = await HtmlForm.GetDocumentAsync(client, "/supplies/overdue");
        Assert.NotNull(tuesday.QuerySelector($"tr[data-loan='{id}']"));
    }

    [Fact]
    public async Task Track_ApprovedWeekendLoan_StatesTheFridayPickupDay()
    {
        var wednesday = await app.MoveToOrdinaryWeekAsync();
        var friday = AssetLoan.Domain.Calendar.ThaiDays.WithDate(wednesday.AddDays(2));
        var id = await app.ApprovedFromAsync(Demo.Employee, 3, 1, (LoanSetup.Chairs, 10));
        var facts = await app.WithDbAsync(async db =>
        {
            var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == id);
            var calendar = await db.WorkingCalendarAsync(default);
            return AssetLoan.Web.Infrastructure.PickupDays.When(loan.HandoverWindow(calendar), calendar);
        });

        Assert.Equal(friday, facts);
        var client = await app.CreateClientAsAsync(Demo.Officer);
        var page = await HtmlForm.GetDocumentAsync(client, $"/loans/{id}");
        Assert.Contains(friday, page.QuerySelector("[data-pickup-days]")!.TextContent, StringComparison.Ordinal);
        var message = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.LoanId == id && n.TemplateKey == "Approved").Select(n => n.Body).FirstAsync());
        Assert.Contains(friday, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCalendar_AddHolidayTypedInBuddhistEra_ThenRemoveIt()
    {
        var client = await app.CreateClientAsAsync(Demo.Admin);
        var form = await HtmlForm.LoadAsync(client, "/admin/calendar", "form[action*='handler=Add']");

        var added = await form.Set("Input.Date", "22/02/2570").Set("Input.Name", "วันมาฆบูชา").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var holiday = await app.WithDbAsync(db => db.Holidays().AsNoTracking().SingleAsync(h => h.Name == "วันมาฆบูชา"));
        Assert.Equal((2027, 2, 22), (holiday.Year!.Value, holiday.Month, holiday.Day));
        var page = await HtmlForm.GetDocumentAsync(client, "/admin/calendar");
        Assert.Contains("22 ก.พ. 2570", page.QuerySelector("#dated-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("13 เม.ย.", page.QuerySelector("#yearly-list")!.TextContent, StringComparison.Ordinal);

        var bad = await HtmlForm.ParseAsync(await form.Set("Input.Date", "31/02/2570").SubmitAsync(client));
        Assert.Contains("ไม่มีวันที่นี้", bad.QuerySelector("[data-valmsg-for='Input.Date']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31/02/2570", bad.QuerySelector("input[name='Input.Date']")!.GetAttribute("value"));

        var remove = HtmlForm.From(page, $"form[action*='handler=Remove'][action*='id={holiday.Id}']", "/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, (await remove.SubmitAsync(client)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Holidays().AnyAsync(h => h.Id == holiday.Id)));
    }

    private Task<List<int>> ReservedIdsAsync(int loanId) =>
        app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(l => l.Id == u.LoanLineId && l.LoanId == loanId)).Select(u => u.AssetId).ToListAsync());
}
