using System.Text.RegularExpressions;

namespace HierCore.Engine.Tests.Docs;

/// <summary>A place in a source file that cites a document, e.g. <c>METHOD.md §4.5</c>.</summary>
public sealed record DocReference(string File, int Line, string Document, string? Section)
{
    public override string ToString() => $"{File}:{Line}: {Document}{(Section is null ? "" : " §" + Section)}";
}

/// <summary>
/// Finds document citations in source comments and checks them against docs/: the file must exist and a cited
/// section must be a numbered heading of it (<c>## 4. Methods</c>, <c>### 4.5 The class-wise criterion</c>).
/// </summary>
public static partial class DocReferences
{
    /// <summary>Source files whose comments may cite documents: folders searched recursively, relative to the repository root.</summary>
    public static readonly IReadOnlyList<(string Folder, string Pattern)> Sources =
        [("src", "*.cs"), ("src", "*.razor"), ("tests", "*.cs"), ("build", "*.cs")];

    /// <summary>Build files at the repository root whose comments may cite documents.</summary>
    public static readonly IReadOnlyList<string> RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Dockerfile"];

    [GeneratedRegex(@"(?<doc>[A-Z][A-Za-z_-]+\.md)(?:[ \t]*§[ \t]*(?<section>\d+(?:\.\d+)*))?")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<number>\d+(?:\.\d+)*)\.?[ \t]")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"\]\((?<target>[^)#\s]+\.md)(?:#(?<anchor>[^)]*))?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<title>.+?)[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex NotInAnchor();

    public static IEnumerable<DocReference> Scan(string root)
    {
        foreach (var file in SourceFiles(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in Citation().Matches(lines[i]))
                    yield return new DocReference(Path.GetRelativePath(root, file), i + 1, m.Groups["doc"].Value,
                        m.Groups["section"].Success ? m.Groups["section"].Value : null);
        }
    }

    /// <summary>Lines of the source files (and the README) that contain <paramref name="text"/>, as "file:line".</summary>
    public static List<string> Mentions(string root, string text) =>
        SourceFiles(root).Append(Path.Combine(root, "README.md")).Where(File.Exists)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (line, i))
                .Where(x => x.line.Contains(text, StringComparison.Ordinal))
                .Select(x => $"{Path.GetRelativePath(root, f)}:{x.i + 1}"))
            .ToList();

    private static IEnumerable<string> SourceFiles(string root) =>
        Sources
            .Where(s => Directory.Exists(Path.Combine(root, s.Folder)))
            .SelectMany(s => Directory.EnumerateFiles(Path.Combine(root, s.Folder), s.Pattern, SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Concat(RootFiles.Select(f => Path.Combine(root, f)).Where(File.Exists))
            .Order(StringComparer.Ordinal);

    /// <summary>One message per citation that does not resolve under <c>root/docs</c>.</summary>
    public static List<string> Problems(string root, IEnumerable<DocReference> references)
    {
        var sections = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var r in references)
        {
            if (!sections.TryGetValue(r.Document, out var known))
                sections[r.Document] = known = SectionsOf(Path.Combine(root, "docs", r.Document));
            if (known is null) problems.Add($"{r}: docs/{r.Document} does not exist.");
            else if (r.Section is not null && !known.Contains(r.Section))
                problems.Add($"{r}: docs/{r.Document} has no section {r.Section} (numbered headings: {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
        }
        return problems;
    }

    /// <summary>Relative links between Markdown files (README.md and docs/*.md) whose target file or heading anchor is missing.</summary>
    public static List<string> BrokenLinks(string root)
    {
        var pages = new List<string> { Path.Combine(root, "README.md") };
        if (Directory.Exists(Path.Combine(root, "docs"))) pages.AddRange(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"));
        var problems = new List<string>();
        foreach (var page in pages.Where(File.Exists))
            foreach (Match m in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                var target = m.Groups["target"].Value;
                if (target.Contains("://")) continue;
                var file = Path.Combine(Path.GetDirectoryName(page)!, target);
                if (!File.Exists(file))
                    problems.Add($"{Path.GetRelativePath(root, page)}: link to '{target}', which does not exist.");
                else if (m.Groups["anchor"].Success && !AnchorsOf(file).Contains(m.Groups["anchor"].Value))
                    problems.Add($"{Path.GetRelativePath(root, page)}: link to '{target}#{m.Groups["anchor"].Value}', which is no heading of it.");
            }
        return problems;
    }

    /// <summary>GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static HashSet<string> AnchorsOf(string path) =>
        File.ReadLines(path).Select(l => Heading().Match(l)).Where(m => m.Success)
            .Select(m => NotInAnchor().Replace(m.Groups["title"].Value.ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The numbers of a document's numbered headings; null when the document does not exist.</summary>
    public static HashSet<string>? SectionsOf(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Select(l => NumberedHeading().Match(l)).Where(m => m.Success)
                .Select(m => m.Groups["number"].Value).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>The folder holding HierCore.Lab.sln, above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HierCore.Lab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"HierCore.Lab.sln not found above {AppContext.BaseDirectory}.");
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
