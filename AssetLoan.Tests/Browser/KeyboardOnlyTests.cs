using System.Globalization;
using AssetLoan.Tests.Support;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Browser;

/// <summary>
/// A villager who cannot use a mouse or a touch screen applies on /apply with the keyboard alone: Tab to move, typing,
/// Space to tick and choose, Enter to submit; every field is reached by Tab in reading order. Then the larger-text
/// switch, also by keyboard, is remembered across the public pages.
/// </summary>
public sealed class KeyboardOnlyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Villager_AppliesWithTheKeyboardAlone_GetsAReferenceNumber()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync($"{browser.BaseUrl}/apply");
        // A one-day funeral on 12 Dec: day and month are equal, so typing into a native date field does not depend on the
        // order Chromium gives its segments.
        var start = new DateOnly(2026, 12, 12);

        await TypeIntoAsync(page, "#Input_Name", "นายคีย์บอร์ด ใจเย็น");
        await TypeIntoAsync(page, "#Input_NationalId", "1101700203450");
        await TypeIntoAsync(page, "#Input_Phone", "0812223333");
        await TypeIntoAsync(page, "#Input_HouseNumber", "7");
        await TypeIntoAsync(page, "#Input_Moo", "2");
        await TypeIntoAsync(page, "#Input_Subdistrict", "แม่คือ");
        await TypeIntoAsync(page, "#Input_District", "ดอยสะเก็ด");
        await TypeIntoAsync(page, "#Input_Province", "เชียงใหม่");
        await TypeIntoAsync(page, "#Input_Purpose", "งานบวช");
        await TypeIntoAsync(page, "#Input_Place", "บ้านเลขที่ 7 หมู่ 2");
        await TabToAsync(page, "#off-premises");
        await page.Keyboard.PressAsync("Space");
        await TypeDateAsync(page, "#Input_StartOn", start);
        await TypeDateAsync(page, "#Input_DueOn", start);
        var chairs = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('.catalogue-pick label')].find(l => l.textContent.trim() === 'เก้าอี้พลาสติก').htmlFor
            """);
        await TypeIntoAsync(page, "#" + chairs, "30");
        await TabToAsync(page, "#Input_PrivacyAcknowledged");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "form#apply-form > button[type=submit]:not([formaction*='handler='])");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(u => u.Contains("/apply/done", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}/25\d\d$", (await page.Locator("#reference, [data-reference]").First.InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(page, "keyboard-apply-done");
    }

    [Fact]
    public async Task LargerTextSwitch_ByKeyboard_IsKeptAcrossPublicPages()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync($"{browser.BaseUrl}/");
        var html = page.Locator("html");
        await Assertions.Expect(html).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-large"));

        await TabToAsync(page, ".text-size-switch button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(html).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-large"));
        Assert.Equal("true", await page.Locator(".text-size-switch button").GetAttributeAsync("aria-pressed"));

        foreach (var path in new[] { "/apply", "/track", "/transparency" })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await Assertions.Expect(html).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-large"));
            Assert.Empty(await PageChecks.LayoutAsync(page));
        }

        await BrowserFixture.ScreenshotAsync(page, "large-transparency-keyboard");
        await page.Locator(".text-size-switch button").ClickAsync();
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(html).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-large"));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (fails after 200 presses).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>A พ.ศ. date typed as วว/ดด/ปปปป into a text date field, or digit by digit into a native date field.</summary>
    private static async Task TypeDateAsync(IPage page, string selector, DateOnly date)
    {
        await TabToAsync(page, selector);
        var type = await page.EvaluateAsync<string>("s => document.querySelector(s).type", selector);
        if (type == "date")
        {
            // Chromium's date field: two-digit day and month, then the Gregorian year; each segment moves on by itself.
            await page.Keyboard.TypeAsync(date.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("s => document.querySelector(s).value", selector));
        }
        else
        {
            await page.Keyboard.TypeAsync($"{date.Day:00}/{date.Month:00}/{date.Year + 543}");
        }
    }
}
