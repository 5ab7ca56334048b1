using System.Text;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// scan.js end to end: Chromium's fake camera plays a video of a label's QR code; the officer presses "สแกน" on the scan
/// page and lands on the asset's page. Proves the qr-scanner files are served, the worker loads under the CSP, and the
/// decoded URL is normalised to the tag and submitted.
/// </summary>
public sealed class ScanCameraTests(ScanCameraTests.CameraFixture camera) : IClassFixture<ScanCameraTests.CameraFixture>
{
    [Fact]
    public async Task ScanPage_CameraReadsALabel_OpensTheAssetPage()
    {
        var page = await camera.NewSignedInPageAsync(Demo.Officer);
        await page.GotoAsync($"{camera.BaseUrl}/supplies/scan");
        await page.GetByRole(AriaRole.Button, new() { Name = "สแกนคิวอาร์โค้ดด้วยกล้อง" }).ClickAsync();
        await page.WaitForURLAsync($"{camera.BaseUrl}/a/{camera.Tag}", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText(camera.AssetNumber, new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "scan-camera-asset-page");
    }

    [Fact]
    public async Task AnyInputWithScanTarget_GetsTheDecodedTagAndAChangeEvent()
    {
        var page = await camera.NewSignedInPageAsync(Demo.Officer);
        await page.GotoAsync($"{camera.BaseUrl}/supplies/scan");
        // A page of another feature: an input without auto-submit, listening for change.
        await page.EvaluateAsync("""
            () => {
                const input = document.querySelector('input[data-scan-target]');
                input.dataset.scanTarget = '';
                input.addEventListener('change', () => document.body.dataset.changed = input.value);
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "สแกนคิวอาร์โค้ดด้วยกล้อง" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.changed", null, new() { Timeout = 20_000 });
        Assert.Equal(camera.Tag, await page.EvaluateAsync<string>("() => document.body.dataset.changed"));
        Assert.EndsWith("/supplies/scan", page.Url, StringComparison.Ordinal);
    }

    public sealed class CameraFixture : IAsyncLifetime
    {
        private IPlaywright? _playwright;
        private IBrowser? _browser;
        private string? _video;

        public AppFactory App { get; } = new();

        public string BaseUrl { get; private set; } = "";

        public string Tag { get; private set; } = "";

        public string AssetNumber { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            App.StartOnKestrel();
            BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
            var chromium = Prerequisites.Chromium();
            if (string.IsNullOrEmpty(chromium))
            {
                return;
            }

            (Tag, AssetNumber) = await App.WithDbAsync(async db =>
            {
                var a = await db.Assets.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Tag, x.AssetNumber }).FirstAsync();
                return (a.Tag, a.AssetNumber);
            });
            _video = Path.Combine(Path.GetTempPath(), $"assetloan-qr-{Guid.NewGuid():N}.y4m");
            await File.WriteAllBytesAsync(_video, Y4m(QrCodes.Matrix(QrCodes.TagUrl(BaseUrl, Tag)), 640, 480, 7));

            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={_video}",
                ],
            });
        }

        public async Task<IPage> NewSignedInPageAsync(string email)
        {
            Prerequisites.Chromium();
            var context = await BrowserFixture.NewPatientContextAsync(_browser!, new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                Locale = "th-TH",
                Permissions = ["camera"],
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{BaseUrl}/account/login");
            await page.GetByLabel("อีเมล").FillAsync(email);
            await page.GetByLabel("รหัสผ่าน", new() { Exact = true }).FillAsync(global::AssetLoan.Web.Data.Seed.DemoData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
            await App.DisposeAsync();
            if (_video is not null)
            {
                File.Delete(_video);
            }
        }

        /// <summary>A one-frame YUV4MPEG2 video (Chromium loops it): the code's modules, black on white, centred.</summary>
        private static byte[] Y4m(bool[,] modules, int width, int height, int pixelsPerModule)
        {
            var n = modules.GetLength(0);
            var left = (width - (n * pixelsPerModule)) / 2;
            var top = (height - (n * pixelsPerModule)) / 2;
            using var video = new MemoryStream();
            var header = Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\nFRAME\n");
            video.Write(header);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var mx = (x - left) / pixelsPerModule;
                    var my = (y - top) / pixelsPerModule;
                    var dark = x >= left && y >= top && mx < n && my < n && modules[my, mx];
                    video.WriteByte(dark ? (byte)16 : (byte)235);
                }
            }

            var chroma = new byte[width / 2 * (height / 2) * 2];
            Array.Fill(chroma, (byte)128);
            video.Write(chroma);
            return video.ToArray();
        }
    }
}
