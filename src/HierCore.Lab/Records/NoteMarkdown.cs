using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HierCore.Lab.Records;

/// <summary>
/// Notes are Markdown rendered to HTML with raw HTML disabled (a &lt;script&gt; in a note shows as text) and links
/// limited to http(s), mailto and relative addresses (a "javascript:" link would otherwise run on click).
/// </summary>
public static partial class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var doc = Markdown.Parse(markdown, Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        foreach (var link in doc.Descendants<AutolinkInline>()) // <scheme:...> is a different node
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        return doc.ToHtml(Pipeline);
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so they go first.
        var u = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var scheme = Scheme().Match(u);
        return !scheme.Success || scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();
}
