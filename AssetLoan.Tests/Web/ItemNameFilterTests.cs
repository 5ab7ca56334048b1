using AssetLoan.Tests.Support;
using AssetLoan.Tests.Web.Loans;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>
/// Issue 15: the item filter of /loans/all and the register is a typed name, not a drop-down of every catalogue item
/// (3,017 options made each page half a megabyte at province scale). A name typed in full is that item alone; part of a
/// name is every item containing it; a name of no item is said beside the field and kept.
/// </summary>
public sealed class ItemNameFilterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Sound = "ชุดเครื่องเสียงทดสอบกรอง";
    private const string BigSound = "ชุดเครื่องเสียงทดสอบกรอง ขนาดใหญ่";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (int Small, int Big)? _loans;

    private async Task<(int Small, int Big)> LoansAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_loans is { } made)
            {
                return made;
            }

            await LoanSetup.NewPoolAsync(app, Sound, 10);
            await LoanSetup.NewPoolAsync(app, BigSound, 10);
            for (var i = 1; i <= ItemNameFilter.SuggestionCount + 3; i++)
            {
                await LoanSetup.NewPoolAsync(app, $"โต๊ะทดสอบกรอง {i:00}", 5);
            }

            _loans = (await app.ApprovedAsync((Sound, 2)), await app.ApprovedAsync((BigSound, 3)));
            return _loans.Value;
        }
        finally
        {
            Once.Release();
        }
    }

    private static List<string> LoanLinks(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll("#loan-list tbody a").Select(a => a.GetAttribute("href") ?? "").ToList();

    private static List<string> RegisterRows(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll("tr[data-loan]").Select(r => r.GetAttribute("data-loan") ?? "").ToList();

    [Fact]
    public async Task LoanList_FullName_IsThatItemAlone_PartOfAName_IsEveryItemContainingIt()
    {
        var (small, big) = await LoansAsync();
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var exact = await HtmlForm.GetDocumentAsync(client, $"/loans/all?itemname={Uri.EscapeDataString(Sound)}");
        var part = await HtmlForm.GetDocumentAsync(client, $"/loans/all?itemname={Uri.EscapeDataString("เครื่องเสียงทดสอบ")}");

        Assert.Equal([$"/loans/{small}"], LoanLinks(exact));
        Assert.Equal(Sound, exact.QuerySelector("#itemname")?.GetAttribute("value"));
        Assert.Equal(new[] { $"/loans/{small}", $"/loans/{big}" }.Order(), LoanLinks(part).Order());
        Assert.Equal([Sound, BigSound], part.QuerySelectorAll("#itemnameList option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(exact.QuerySelector("details[open]")); // a filter in use keeps the folded filters open
    }

    [Fact]
    public async Task Register_FullName_IsThatItemAlone_WithItsTotals()
    {
        var (small, big) = await LoansAsync();
        var client = await app.CreateClientAsAsync(Demo.Director);

        var exact = await HtmlForm.GetDocumentAsync(client, $"/reports/register?itemname={Uri.EscapeDataString(BigSound)}");
        var part = await HtmlForm.GetDocumentAsync(client, $"/reports/register?itemname={Uri.EscapeDataString("เสียงทดสอบกรอง")}");

        Assert.Equal([$"{big}"], RegisterRows(exact));
        Assert.Equal("1", exact.QuerySelector("[data-total='loans']")?.TextContent.Trim());
        Assert.Equal(new[] { $"{small}", $"{big}" }.Order(), RegisterRows(part).Order());
        Assert.Equal("2", part.QuerySelector("[data-total='loans']")?.TextContent.Trim());
        // The exports carry the typed name in their links.
        var exports = exact.QuerySelectorAll("a[href*='/reports/register.']").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, href => Assert.Contains("itemname=" + Uri.EscapeDataString(BigSound), href, StringComparison.Ordinal));
        var csv = await client.GetStringAsync(new Uri(exports.Single(h => h.Contains(".csv", StringComparison.Ordinal)), UriKind.Relative));
        var refs = await app.WithDbAsync(db => db.Loans.Where(l => l.Id == small || l.Id == big).ToDictionaryAsync(l => l.Id, l => l.Reference));
        Assert.Contains(refs[big], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(refs[small], csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/loans/all")]
    [InlineData("/reports/register")]
    public async Task NameOfNoItem_IsSaidBesideTheField_KeepsTheText_AndListsNothing(string page)
    {
        await LoansAsync();
        var client = await app.CreateClientAsAsync(Demo.Director);
        const string typed = "ช้างเผือกไม่มีในทะเบียน";

        var doc = await HtmlForm.GetDocumentAsync(client, $"{page}?itemname={Uri.EscapeDataString(typed)}");

        var field = doc.QuerySelector("#itemname.is-invalid");
        Assert.NotNull(field);
        Assert.Equal(typed, field.GetAttribute("value"));
        Assert.Equal("itemnameError", field.GetAttribute("aria-describedby"));
        Assert.Contains(typed, doc.QuerySelector("#itemnameError")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("#loan-list tbody a, tr[data-loan]"));
    }

    [Theory]
    [InlineData("/loans/all")]
    [InlineData("/reports/register")]
    public async Task ThePage_HoldsNoListOfEveryItem_SuggestionsAreBounded(string page)
    {
        await LoansAsync();
        var client = await app.CreateClientAsAsync(Demo.Director);

        var plain = await HtmlForm.GetDocumentAsync(client, page);
        var many = await HtmlForm.GetDocumentAsync(client, $"{page}?itemname={Uri.EscapeDataString("โต๊ะทดสอบกรอง")}");

        Assert.Null(plain.QuerySelector("select[name='item']"));
        Assert.Empty(plain.QuerySelectorAll("#itemnameList option"));
        Assert.Equal(ItemNameFilter.SuggestionCount, many.QuerySelectorAll("#itemnameList option").Length);
        Assert.Equal("โต๊ะทดสอบกรอง 01", many.QuerySelector("#itemnameList option")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("เครื่องเสียงทดสอบ")]
    [InlineData("ทดสอบกรอง")]
    [InlineData(Sound)]
    public async Task BothWaysToTheLoans_FromTheLinesOrFromTheLoans_FindTheSameLoans(string name)
    {
        await LoansAsync();
        await app.WithDbAsync(async db =>
        {
            // fewLines 0: the loans are walked and each asked for a line; int.MaxValue: the list starts from the lines.
            var walked = await (await db.Loans.WithItemAsync(db, null, name, default, fewLines: 0)).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
            var fromLines = await (await db.Loans.WithItemAsync(db, null, name, default, fewLines: int.MaxValue)).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
            var exact = await db.CatalogueItems.AnyAsync(c => c.Name == name);
            var expected = await db.Loans.Where(l => l.Lines.Any(x => db.CatalogueItems.Any(c => c.Id == x.CatalogueItemId && (exact ? c.Name == name : c.Name.Contains(name)))))
                .OrderBy(l => l.Id).Select(l => l.Id).ToListAsync();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, walked);
            Assert.Equal(expected, fromLines);
        });
    }

    [Fact]
    public async Task OlderLinkByItemId_StillFilters_AndShowsTheItemsName()
    {
        var (small, _) = await LoansAsync();
        var id = await LoanSetup.ItemIdAsync(app, Sound);
        var client = await app.CreateClientAsAsync(Demo.Officer);

        var doc = await HtmlForm.GetDocumentAsync(client, $"/loans/all?item={id}");

        Assert.Equal([$"/loans/{small}"], LoanLinks(doc));
        Assert.Equal(Sound, doc.QuerySelector("#itemname")?.GetAttribute("value"));
    }
}
