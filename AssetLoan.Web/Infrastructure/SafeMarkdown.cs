using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// Markdown written by the Admin (the published regulation) to HTML that is safe to show the public: Markdig renders
/// it with raw HTML disabled, and HtmlSanitizer removes anything that slipped through (scripts, event handlers,
/// javascript: links). No style attributes either: the CSP (style-src 'self') would refuse them, so the one Markdig
/// writes, a table column's alignment (:--: / --:), becomes Bootstrap's text-center / text-end class.
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string? markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", Pipeline);
        var sanitizer = new HtmlSanitizer();
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && element.GetAttribute("style") is { } style)
            {
                var align = TextAlign().Match(style);
                if (align.Success)
                {
                    element.ClassList.Add(align.Groups[1].Value.ToLowerInvariant() switch
                    {
                        "center" => "text-center",
                        "right" => "text-end",
                        _ => "text-start",
                    });
                }

                element.RemoveAttribute("style");
            }
        };
        return sanitizer.Sanitize(html);
    }

    [GeneratedRegex(@"text-align\s*:\s*(left|center|right)", RegexOptions.IgnoreCase)]
    private static partial Regex TextAlign();
}
