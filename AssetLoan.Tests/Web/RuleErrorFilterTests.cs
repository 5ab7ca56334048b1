using System.Net;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 12: a rule refused by the domain in a POST handler reaches the form through one filter (RuleErrorFilter), not
/// a catch block per page: the Thai message beside the field the page names for that rule, what was typed kept, 200.
/// </summary>
public sealed class RuleErrorFilterTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Demand_DatedTomorrow_TheRuleBesideTheDate_TheNoteAndChannelKept_NothingSaved()
    {
        var id = await app.HandedOverAsync(Demo.Employee, 1, (LoanSetup.Chairs, 2));
        var dueOn = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == id).Select(l => l.DueOn).SingleAsync());
        var calendar = await app.WithDbAsync(db => db.WorkingCalendarAsync(default));
        for (var i = 0; i < 20 && !calendar.IsOverdue(dueOn, Today()); i++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var client = await app.CreateClientAsAsync(Demo.Officer);
        var form = await HtmlForm.LoadAsync(client, $"/supplies/demand/{id}", "#demand-form");
        var tomorrow = AssetLoan.Domain.Calendar.ThaiDate.InputText(Today().AddDays(1));
        form.Set("Input.IssuedOn", tomorrow).Set("Input.Channel", "Phone").Set("Input.Note", "โทรแจ้งแล้ว ผู้ยืมรับปากคืนวันศุกร์");

        var response = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForm.ParseAsync(response);
        Assert.Contains("วันที่ทวงถามต้องอยู่หลังวันครบกำหนดและไม่เกินวันนี้", doc.QuerySelector("[data-valmsg-for='Input.IssuedOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tomorrow, doc.QuerySelector("input[name='Input.IssuedOn']")!.GetAttribute("value"));
        Assert.Equal("โทรแจ้งแล้ว ผู้ยืมรับปากคืนวันศุกร์", doc.QuerySelector("textarea[name='Input.Note']")!.TextContent.Trim());
        Assert.Equal("Phone", doc.QuerySelector("select[name='Input.Channel'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Demands.CountAsync(d => d.LoanId == id)));
    }

    private DateOnly Today() => AssetLoan.Domain.Calendar.BangkokTime.Today(app.Clock.GetUtcNow().UtcDateTime);
}
