namespace HierCore.Engine.Datasets;

/// <summary>
/// Containment checks that follow symbolic links: a path names what it finally resolves to, so "inside the folder"
/// is decided on both real paths (every link on the way resolved, also of a folder in the middle), never on text.
/// </summary>
public static class ContainedPath
{
    const int MaxLinks = 40; // as Linux's own limit on links followed in one path

    /// <summary>The path with every symbolic link in it resolved (like realpath; the parts that do not exist are kept).</summary>
    public static string RealPath(string path)
    {
        int links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>True when <paramref name="path"/> resolves to <paramref name="folder"/> or somewhere beneath it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var real = RealPath(path);
        var root = Path.TrimEndingDirectorySeparator(RealPath(folder));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return real.Equals(root, comparison) || real.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }

    static string Resolve(string full, ref int links)
    {
        var current = Path.GetPathRoot(full)!;
        var parts = full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks) throw new IOException($"Too many levels of symbolic links in '{full}'.");
                // A relative target is relative to the link's folder; the target may itself hold links.
                next = Resolve(Path.GetFullPath(target, current), ref links);
            }
            current = next;
        }
        return current;
    }
}
