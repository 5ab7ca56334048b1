using System.Text.Json;
using Microsoft.Playwright;

namespace AssetLoan.Tests.Support;

/// <summary>What the every-page walks look for on a page: overflow on phones, axe-core violations, Thai left in English.</summary>
public static class PageChecks
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(FindAxe()));

    /// <summary>
    /// The document is no wider than the window, every button, link and field inside <c>main</c> lies inside it, and every
    /// field is wide enough to type in. Printed documents (A4 sheets, <c>body.document</c>) are exempt.
    /// </summary>
    public static async Task<IEnumerable<string>> LayoutAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>("""
            () => {
              if (document.body.classList.contains('document')) return [];
              const vw = document.documentElement.clientWidth;
              const out = [];
              const sw = document.documentElement.scrollWidth;
              if (sw > vw) out.push(`the document is ${sw}px wide in a ${vw}px window`);
              const name = el => (el.getAttribute('aria-label') || el.innerText || el.value || el.name || el.id || el.tagName).trim().slice(0, 40);
              const visible = el => {
                const r = el.getBoundingClientRect();
                if (r.width <= 1 || r.height <= 1) return false;
                const s = getComputedStyle(el);
                return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.visually-hidden, [hidden], .d-none, [aria-hidden="true"]');
              };
              for (const el of document.querySelectorAll('main a[href], main button, main input:not([type=hidden]), main select, main textarea')) {
                if (!visible(el)) continue;
                const r = el.getBoundingClientRect();
                if (r.left < -1 || r.right > vw + 1) out.push(`${el.tagName.toLowerCase()} "${name(el)}" lies outside the window (${Math.round(r.left)}–${Math.round(r.right)}px)`);
                const type = (el.getAttribute('type') || '').toLowerCase();
                const textual = el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'number', 'file', 'submit', 'button', 'color', 'range'].includes(type));
                const min = textual ? 120 : (type === 'number' ? 64 : 0);
                if (min && r.width < min) out.push(`${el.tagName.toLowerCase()} "${name(el)}" is only ${Math.round(r.width)}px wide`);
              }
              return out;
            }
            """);
    }

    /// <summary>axe-core (WCAG 2.0/2.1 A and AA, plus the label-in-name rule) on the page: serious and critical violations.</summary>
    public static async Task<IEnumerable<string>> AxeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                rules: { 'label-content-name-mismatch': { enabled: true } },
                resultTypes: ['violations'],
              });
              return JSON.stringify(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1, 2).join('').trim()}`)));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    /// <summary>
    /// Thai characters left in the interface when the page is in English: visible text, and the attributes people hear
    /// or see (placeholder, aria-label, title, alt, button values). Data as entered is ignored: anything inside an element
    /// marked <c>data-user-content</c> or explicitly <c>lang="th"</c> (the switch back to Thai, a Thai document), and the
    /// texts stored in the database (<see cref="SitePages.DataTexts"/>).
    /// </summary>
    public static async Task<IEnumerable<string>> ThaiInEnglishAsync(IPage page, IReadOnlyList<string> dataTexts)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>("""
            data => {
              const thaiChar = /[\u0E00-\u0E7F]/;
              const thai = { test: v => { if (!thaiChar.test(v)) return false; for (const d of data) { if (v.includes(d)) v = v.split(d).join(' '); } return thaiChar.test(v); } };
              const exempt = el => !!el.closest('[data-user-content], [lang^="th"], script, style, noscript, template');
              const out = new Set();
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (thai.test(n.nodeValue) && !exempt(n.parentElement)) out.add(`text "${n.nodeValue.trim().slice(0, 60)}" in <${n.parentElement.tagName.toLowerCase()}>`);
              }
              for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt], input[type=submit][value], input[type=button][value], option')) {
                if (exempt(el)) continue;
                for (const a of ['placeholder', 'aria-label', 'title', 'alt', 'value']) {
                  const v = el.getAttribute(a);
                  if (v && thai.test(v) && !(a === 'value' && el.tagName === 'OPTION')) out.add(`${a} "${v.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
                }
              }
              if (thai.test(document.title)) out.add(`title "${document.title}"`);
              return [...out];
            }
            """, dataTexts);
    }

    private static string FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "AssetLoan.Web", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("axe-core was not found in AssetLoan.Web/node_modules: run npm ci in AssetLoan.Web (the build does it).");
    }
}
