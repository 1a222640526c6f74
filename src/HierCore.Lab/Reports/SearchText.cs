namespace HierCore.Lab.Reports;

/// <summary>The search box's syntax: "tag:name" words are tag filters, the remaining words are free text.</summary>
public static class SearchText
{
    public const string TagPrefix = "tag:";

    public static (string? Text, IReadOnlyList<string> Tags) Parse(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return (null, []);
        var words = search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tags = words.Where(IsTag).Select(w => w[TagPrefix.Length..].ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        var text = string.Join(' ', words.Where(w => !IsTag(w)));
        return (text.Length == 0 ? null : text, tags);
    }

    private static bool IsTag(string word) => word.StartsWith(TagPrefix, StringComparison.OrdinalIgnoreCase);
}
