using Markdig;
using Portal.Content.Sanitizing;

namespace Portal.Content.Markdown;

/// <summary>Markdown to safe HTML: raw HTML is not passed through, and the output still goes through the sanitiser.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseListExtras()
        .Build();

    public static string ToHtml(string markdown) => HtmlSanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
}
