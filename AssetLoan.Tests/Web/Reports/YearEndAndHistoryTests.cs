using System.Net;
using AngleSharp.Html.Parser;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AssetLoan.Tests.Web.Reports;

/// <summary>The year-end list is computed as of 30 September from the records; an asset's history lists its loans and changes.</summary>
public sealed class YearEndAndHistoryTests(BooksScenario app) : IClassFixture<BooksScenario>
{
    [Fact]
    public async Task YearEnd_ListsWhatWasOutOnThirtySeptember_EvenIfReturnedSince()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/reports/year-end?fy=2569"));

        var crossing = doc.QuerySelectorAll($"tr[data-loan='{app.Crossing}']").ToList();
        var tents = await app.WithDbAsync(db => db.LoanUnits.Where(u => db.LoanLines.Any(x => x.Id == u.LoanLineId && x.LoanId == app.Crossing)).Select(u => u.AssetNumber).ToListAsync());
        Assert.Equal(2, tents.Count);
        foreach (var number in tents)
        {
            var row = Assert.Single(crossing, r => r.GetAttribute("data-asset") == number);
            Assert.Contains("3 ต.ค. 2569", row.TextContent, StringComparison.Ordinal); // back since, in fiscal 2570
        }

        // 20 chairs went out on 28 Sep and 5 came back on 29 Sep: 15 were out at the end of 30 Sep, although all are back today.
        var chairs = Assert.Single(crossing, r => string.IsNullOrEmpty(r.GetAttribute("data-asset")));
        Assert.Equal("15 ตัว", chairs.QuerySelector("[data-quantity]")!.TextContent.Trim());
        Assert.Empty(doc.QuerySelectorAll($"tr[data-loan='{app.Early}']")); // out and back before the end of the year
        Assert.Empty(doc.QuerySelectorAll($"tr[data-loan='{app.Later}']")); // handed over in the next year
    }

    [Fact]
    public async Task YearEnd_NextYear_DoesNotListTheReturnedLoan()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/reports/year-end?fy=2570"));

        Assert.Empty(doc.QuerySelectorAll($"tr[data-loan='{app.Crossing}']"));
    }

    [Fact]
    public async Task YearEndXlsx_HoldsTheSameRowsInThai()
    {
        await app.ReadyAsync();
        var client = await app.CreateClientAsAsync(Demo.Director);

        var response = await client.GetAsync("/reports/year-end.xlsx?fy=2569");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        var reference = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == app.Crossing).Select(l => l.Reference).SingleAsync());
        var mine = rows.Where(r => (string?)r["เลขที่คำขอ"] == reference).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Contains(mine, r => (string?)r["รายการ"] == LoanSetup.Chairs && Convert.ToInt32(r["จำนวน"], System.Globalization.CultureInfo.InvariantCulture) == 15);
        Assert.All(mine, r => Assert.Equal("28 ก.ย. 2569", r["วันที่ส่งมอบ"]));
    }

    [Fact]
    public async Task AssetHistory_ShowsItsLoanHandoverReturnDamageWithPeopleAndBuddhistDates()
    {
        await app.ReadyAsync();
        var damaged = await app.WithDbAsync(db => db.CompensationCases.Where(c => c.LoanId == app.Crossing && c.AssetId != null).Select(c => c.AssetId!.Value).SingleAsync());
        var client = await app.CreateClientAsAsync(Demo.Auditor);

        var response = await client.GetAsync($"/assets/{damaged}/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var rows = doc.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("คำขอยืม", StringComparison.Ordinal) && r.Contains("จัดงานประชุมผู้ปกครองนักเรียน", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("ส่งมอบ", StringComparison.Ordinal) && r.Contains("28 ก.ย. 2569", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("รับคืน", StringComparison.Ordinal) && r.Contains("ชำรุด", StringComparison.Ordinal) && r.Contains("3 ต.ค. 2569", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("กรณีชำรุดเสียหาย", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("สถานะ", StringComparison.Ordinal)); // the status changes from the audit trail
    }

    [Fact]
    public async Task AssetHistory_UnknownAsset_IsNotFound_AndEmployeeIsDenied()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/assets/999999/history")).StatusCode);
        var employee = await app.CreateClientAsAsync(Demo.Employee);
        var denied = await employee.GetAsync("/assets/1/history");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("accessdenied", denied.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
