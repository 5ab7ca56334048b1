using System.Net;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>From the registry list to /labels: the ticked rows, or every result of the list's filter.</summary>
public sealed class RegistryLabelPickerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string Tents = "/assets?q=" + Uri.EscapeDataString("เต็นท์");

    [Fact]
    public async Task TickTwoRows_OpensLabelsWithThoseTwoTickedAndPrintsThem()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var list = await HtmlForm.GetDocumentAsync(officer, Tents);
        var picker = list.QuerySelector("form#labelPicker")!;
        Assert.Equal("get", picker.GetAttribute("method"));
        var ticked = list.QuerySelectorAll("input[type='checkbox'][name='assets'][form='labelPicker']").Skip(1).Take(2).Select(b => int.Parse(b.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, ticked.Count);

        var url = picker.GetAttribute("action") + "?" + string.Join("&", ticked.Select(id => $"assets={id}"));
        var form = await HtmlForm.LoadAsync(officer, url, "main form[method='post']");
        Assert.Equal(
            ticked.Select(id => $"a{id}").Order(),
            form.Document.QuerySelectorAll("input[name='Selected'][checked]").Select(i => i.GetAttribute("value")).Order());

        var response = await form.SubmitAsync(officer, "/labels?handler=Print");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await QrImages.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var numbers = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => ticked.Contains(a.Id)).Select(a => a.AssetNumber).ToListAsync());
        Assert.All(numbers, n => Assert.Contains(n, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllResults_LabelsExactlyTheUnitsTheRegistryFilterLists()
    {
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        // A filter /labels' own search cannot express (a category, available only, newest number first).
        var category = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Where(c => c.Name == "เต็นท์ ขนาด 4×8 ม.").Select(c => c.CategoryId).SingleAsync());
        var list = await HtmlForm.GetDocumentAsync(officer, $"/assets?category={category}&status=available&sort=number&dir=desc");
        var listed = list.QuerySelectorAll("input[name='assets']").Select(b => "a" + b.GetAttribute("value")).ToList();
        Assert.InRange(listed.Count, 2, await app.WithDbAsync(db => db.Assets.CountAsync()) - 1);

        var link = list.QuerySelector("main a[href^='/labels?'][href*='from=registry']")!.GetAttribute("href")!;
        var form = await HtmlForm.LoadAsync(officer, link, "main form[method='post']");
        Assert.Equal(listed, form.Document.QuerySelectorAll("input[name='Selected']").Select(i => i.GetAttribute("value")));
        Assert.Equal("registry", form.Value("from"));
        Assert.Equal("available", form.Value("status"));

        var response = await form.SubmitAsync(officer, "/labels?handler=PrintAll");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await QrImages.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var ids = listed.Select(k => int.Parse(k[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var numbers = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.AssetNumber).ToListAsync());
        Assert.All(numbers, n => Assert.Contains(n, text, StringComparison.Ordinal));
        var others = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => !ids.Contains(a.Id)).Select(a => a.AssetNumber).ToListAsync());
        Assert.All(others, n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Employee_SeesNoLabelPicker()
    {
        var list = await HtmlForm.GetDocumentAsync(await app.CreateClientAsAsync(Demo.Employee), Tents);

        Assert.NotEmpty(list.QuerySelectorAll("table.registry-table tbody tr"));
        Assert.Null(list.QuerySelector("#labelPicker"));
        Assert.Empty(list.QuerySelectorAll("input[name='assets']"));
        Assert.Null(list.QuerySelector("a[href^='/labels']"));
    }
}
