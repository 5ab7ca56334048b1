using AssetLoan.Tests.Support;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// The desk pages of issue 10 (points 3–5) as the officer and the admin see them on a phone and at a desk: the work
/// queue, the loans list with a search, a handover that is not open yet, the working calendar and the divisions page.
/// The phone walk's layout check and axe-core on each, with the data these pages exist for (a weekend loan not yet open
/// for handover, a loan out); screenshots for a person to look at.
/// </summary>
public sealed class DeskPagesLookTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task DeskPages_FitTheScreen(int width, int height)
    {
        var weekend = await browser.App.ApprovedFromAsync(Demo.Employee, 3, 1, (LoanSetup.Tent, 2));
        await browser.App.HandedOverAsync(Demo.Employee, 2, (LoanSetup.Chairs, 10));
        var reference = await browser.App.WithDbAsync(db => Task.FromResult(db.Loans.Where(l => l.Id == weekend).Select(l => l.Reference).Single()));
        var pages = new (string User, string Url, string Name)[]
        {
            (Demo.Officer, "/supplies", "desk"),
            (Demo.Officer, "/loans/all", "loans-all"),
            (Demo.Officer, "/loans/all?q=" + Uri.EscapeDataString(reference.TrimStart('0')), "loans-all-search"),
            (Demo.Officer, $"/supplies/handover/{weekend}", "handover-not-yet"),
            (Demo.Auditor, "/loans/all?status=Out&sort=due", "loans-all-auditor"),
            (Demo.Admin, "/admin/calendar", "admin-calendar"),
            (Demo.Admin, "/admin/divisions", "admin-divisions"),
        };

        var problems = new List<string>();
        foreach (var group in pages.GroupBy(p => p.User))
        {
            var names = group.ToDictionary(p => p.Url, p => p.Name);
            problems.AddRange(await PageWalk.RunAsync(browser, group.Key, names.Keys, new WalkOptions(width, height, Parallel: 1), async (page, url) =>
            {
                // The phone walk's own checks: no sideways scrolling, every control of main on screen, axe-core clean.
                var found = (await PageChecks.LayoutAsync(page)).Concat(await PageChecks.AxeAsync(page)).ToList();
                await BrowserFixture.ScreenshotAsync(page, $"{names[url]}-{width}");
                return found;
            }));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
