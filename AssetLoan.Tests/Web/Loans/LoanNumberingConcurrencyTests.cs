using System.Globalization;
using System.Net;
using AssetLoan.Domain.Calendar;
using AssetLoan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>domain.md §8: request numbers are gapless per fiscal year and unique under concurrency.</summary>
public sealed class LoanNumberingConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TwentyParallelSubmissions_GetTwentyDistinctGaplessNumbers()
    {
        var today = LoanSetup.Today(app);
        var chairs = await LoanSetup.ItemIdAsync(app, "เก้าอี้พลาสติก");
        var client = await app.CreateClientAsAsync(Demo.Employee);
        var page = await HtmlForm.GetDocumentAsync(client, "/loans/new");
        var forms = Enumerable.Range(1, 20).Select(i => HtmlForm.From(page, "main form", "/loans/new")
            .Set($"Input.Quantities[{chairs}]", i.ToString(CultureInfo.InvariantCulture))
            .Set("Input.StartOn", ThaiDate.InputText(today.AddDays(10)))
            .Set("Input.DueOn", ThaiDate.InputText(today.AddDays(10)))
            .Set("Input.Purpose", $"ประชุมหมู่บ้าน ครั้งที่ {i}").Set("Input.Place", "ศาลาประชาคม")
            .Set("Input.SubmissionKey", Guid.NewGuid().ToString("N"))).ToList(); // twenty renders of the form, not one posted twenty times
        var gate = new TaskCompletionSource();

        var posts = forms.Select(async f =>
        {
            await gate.Task;
            return await f.SubmitAsync(client);
        }).ToList();
        gate.SetResult();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await app.WithDbAsync(db => db.Loans.Where(l => l.FiscalYear == 2570).OrderBy(l => l.Number).Select(l => l.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers); // gapless from 0001, demo loans included
        var mine = await app.WithDbAsync(db => db.Loans.Where(l => l.Purpose.StartsWith("ประชุมหมู่บ้าน ครั้งที่")).Select(l => l.Reference).ToListAsync());
        Assert.Equal(20, mine.Distinct().Count());
        Assert.Equal(numbers.Count, await app.WithDbAsync(db => db.FiscalSequences.Where(s => s.FiscalYear == 2570).Select(s => s.LastNumber).SingleAsync()));
    }
}
