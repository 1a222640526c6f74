using System.Text.RegularExpressions;

namespace HierCore.Lab.Data;

/// <summary>
/// Tags of a sweep or run: lower-case words (letters, digits, - _ . : /), stored as "|a|b|" so that one tag is a
/// plain LIKE "%|a|%" in both SQLite and PostgreSQL, without a join table.
/// </summary>
public static partial class TagList
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxStoredLength = MaxTags * (MaxTagLength + 1) + 1;
    public const int MaxNoteLength = 20_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9_.:/-]*$")]
    private static partial Regex Valid();

    /// <summary>Trimmed, lower-cased, de-duplicated tags in the given order, or the problems (each naming the tag).</summary>
    public static (IReadOnlyList<string> Tags, IReadOnlyList<string> Errors) Normalize(IEnumerable<string?> tags)
    {
        var list = new List<string>();
        var errors = new List<string>();
        foreach (var raw in tags)
        {
            var t = (raw ?? "").Trim().ToLowerInvariant();
            if (t.Length == 0) continue;
            if (t.Length > MaxTagLength) errors.Add($"tag '{Short(t)}' is longer than {MaxTagLength} characters.");
            else if (!Valid().IsMatch(t)) errors.Add($"tag '{Short(t)}' may hold only letters, digits and - _ . : / (and start with a letter or digit).");
            else if (!list.Contains(t)) list.Add(t);
        }
        if (list.Count > MaxTags) errors.Add($"at most {MaxTags} tags ({list.Count} given).");
        return (list, errors);
    }

    public static string Encode(IEnumerable<string> tags)
    {
        var list = tags.ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }

    public static IReadOnlyList<string> Decode(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The LIKE-free marker of one tag inside the stored form (used with Contains, which EF turns into LIKE/strpos).</summary>
    public static string Marker(string tag) => "|" + tag.Trim().ToLowerInvariant() + "|";

    private static string Short(string t) => t.Length > 50 ? t[..50] + "…" : t;
}
