using Ganss.Xss;
using Markdig;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// Markdown written by the Admin (the published regulation) to HTML that is safe to show the public: Markdig renders
/// it with raw HTML disabled, and HtmlSanitizer removes anything that slipped through (scripts, event handlers,
/// javascript: links).
/// </summary>
public static class SafeMarkdown
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
        return new HtmlSanitizer().Sanitize(html);
    }
}
