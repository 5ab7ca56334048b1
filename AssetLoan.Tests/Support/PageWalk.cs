using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Support;

/// <summary>How a walk looks at the pages: window size, language and the larger-text switch.</summary>
public sealed record WalkOptions(int Width = 1280, int Height = 900, bool English = false, bool LargeText = false, int Parallel = 3);

/// <summary>
/// Opens many pages as one user in a few browser contexts at once (one sign-in, its cookies shared by every context)
/// and runs a check on each; returns the problems found, each prefixed with the page's URL. Reusable by any test that
/// needs "every page of every role" (<see cref="SitePages"/>).
/// </summary>
public static class PageWalk
{
    public static async Task<IReadOnlyList<string>> RunAsync(
        BrowserFixture browser, string user, IEnumerable<string> urls, WalkOptions options, Func<IPage, string, Task<IEnumerable<string>>> check)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(check);
        Prerequisites.Chromium();

        var storage = await StorageStateAsync(browser, user);
        var queue = new ConcurrentQueue<string>(urls);
        var problems = new ConcurrentBag<string>();
        var workers = Enumerable.Range(0, options.Parallel).Select(async _ =>
        {
            await using var context = await NewContextAsync(browser, storage, options);
            var page = await context.NewPageAsync();
            while (queue.TryDequeue(out var url))
            {
                try
                {
                    var response = await page.GotoAsync(browser.BaseUrl + url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    if (response is null || !response.Ok)
                    {
                        problems.Add($"{url}: HTTP {response?.Status}");
                        continue;
                    }

                    await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                    foreach (var p in await check(page, url))
                    {
                        problems.Add($"{url}: {p}");
                    }
                }
                catch (PlaywrightException ex)
                {
                    problems.Add($"{url}: {ex.Message.Split('\n')[0]}");
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        return problems.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>A context with the user's cookies, the language and the text-size choice.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, string? storageState, WalkOptions options)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(options);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = options.Width, Height = options.Height },
            Locale = "th-TH",
            StorageState = storageState,
            BypassCSP = true, // axe-core is injected as an inline script; the app's CSP rightly forbids those
        });
        var cookies = new List<Cookie>();
        if (options.English)
        {
            cookies.Add(new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Den-US%7Cuic%3Den-US", Url = browser.BaseUrl });
        }

        if (options.LargeText)
        {
            cookies.Add(new Cookie { Name = "AssetLoan.TextSize", Value = "large", Url = browser.BaseUrl });
        }

        if (cookies.Count > 0)
        {
            await context.AddCookiesAsync(cookies);
        }

        return context;
    }

    private static async Task<string?> StorageStateAsync(BrowserFixture browser, string user)
    {
        if (user == SitePages.Anonymous)
        {
            return null;
        }

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "th-TH" });
        var page = await context.NewPageAsync();
        await browser.SignInAsync(page, user);
        return await context.StorageStateAsync();
    }
}
