using Microsoft.Playwright;

namespace AssetLoan.Tests.Support;

/// <summary>
/// The app on a real Kestrel port and the system Chromium driven by Playwright (no browser download: ExecutablePath).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App.StartOnKestrel();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var chromium = Prerequisites.Chromium();
        if (string.IsNullOrEmpty(chromium))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Prerequisites.Chromium();
        var context = await NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "th-TH" });
        return await context.NewPageAsync();
    }

    /// <summary>Every browser context the tests open goes through here, so each gets the same patience.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => NewPatientContextAsync(Browser, options);

    /// <summary>
    /// Many browser classes share two cores in CI; a cold app's first page, or a sign-in while eight classes
    /// walk pages, can take longer than Playwright's 30 s (CI of 2be3ab0 failed a sign-in that way).
    /// </summary>
    public static async Task<IBrowserContext> NewPatientContextAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        // Assertions retry for up to 20 s (Playwright's 5 s default fails under that load, not because of the app).
        Assertions.SetDefaultExpectTimeout(20_000);
        return context;
    }

    public async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"{BaseUrl}/account/login");
        await page.GetByLabel("อีเมล").FillAsync(email);
        await page.GetByLabel("รหัสผ่าน", new() { Exact = true }).FillAsync(global::AssetLoan.Web.Data.Seed.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>
    /// Saves a whole-page screenshot under screenshots/ beside the test assembly, for a person to look at. Nobody looks
    /// at them in CI, where a full-page PNG of every page of every role costs minutes: <c>.ci/run</c> sets
    /// <c>ASSETLOAN_SCREENSHOTS=none</c> and this does nothing.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!Screenshots)
        {
            return;
        }

        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    private static readonly bool Screenshots =
        !string.Equals(Environment.GetEnvironmentVariable("ASSETLOAN_SCREENSHOTS"), "none", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        await App.DisposeAsync();
    }
}
