using System.Net;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web;

/// <summary>/a/{tag} shows the catalogue item's photo when it has one, and no image at all when it has none.</summary>
public sealed class PublicAssetPhotoTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task TagPage_ItemWithPhoto_ShowsThePhotoNamedByTheItemOnTheUnitAndOnTheItem()
    {
        const string name = "เต็นท์ ขนาด 3×3 ม.";
        var item = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Where(c => c.Name == name).Select(c => new { c.Id, c.Tag }).SingleAsync());
        var unitTag = await app.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.CatalogueItemId == item.Id).Select(a => a.Tag).FirstAsync());
        var officer = await app.CreateClientAsAsync(Demo.Officer);
        var edit = await HtmlForm.LoadAsync(officer, $"/catalogue/{item.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await edit.AttachFile("Photo", "tent.png", Png, "image/png").SubmitAsync(officer)).StatusCode);
        var anonymous = app.CreateAnonymousClient();

        foreach (var tag in new[] { unitTag, item.Tag })
        {
            var page = await HtmlForm.GetDocumentAsync(anonymous, $"/a/{tag}");
            var img = Assert.Single(page.QuerySelectorAll("main img"));
            Assert.Equal(name, img.GetAttribute("alt"));
            Assert.StartsWith($"/catalogue/{item.Id}/photo", img.GetAttribute("src"), StringComparison.Ordinal);
            var photo = await anonymous.GetAsync(img.GetAttribute("src"));
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task TagPage_ItemWithoutPhoto_HasNoImage()
    {
        var tag = await app.WithDbAsync(db => db.CatalogueItems.AsNoTracking().Where(c => c.Name == "โต๊ะพับอเนกประสงค์").Select(c => c.Tag).SingleAsync());

        var page = await HtmlForm.GetDocumentAsync(app.CreateAnonymousClient(), $"/a/{tag}");

        Assert.NotNull(page.QuerySelector("main h1"));
        Assert.Empty(page.QuerySelectorAll("main img"));
    }
}
