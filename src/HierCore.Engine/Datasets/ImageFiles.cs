namespace HierCore.Engine.Datasets;

/// <summary>Which files of a folder count as images. Other files (notes.txt, Thumbs.db) are skipped, not errors.</summary>
public static class ImageFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".bmp"];

    public static bool IsImage(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Image files directly inside <paramref name="folder"/>, sorted ordinally by name (stable across OSes).</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => IsImage(f) && !Path.GetFileName(f).StartsWith('.'))
            .Select(Path.GetFullPath)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Visible subfolders, sorted ordinally by name.</summary>
    internal static IReadOnlyList<string> Subfolders(string folder) =>
        Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
}
