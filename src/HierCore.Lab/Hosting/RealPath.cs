namespace HierCore.Lab.Hosting;

/// <summary>
/// Where a path really leads once every symbolic link on it is followed: containment checks compare these, so a
/// link inside an allowed folder that points elsewhere (data/artifacts/x → /etc/passwd) does not pass as inside.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40; // like the kernel's ELOOP limit: a loop of links ends here instead of recursing for ever

    public static string Resolve(string path) => Resolve(Path.GetFullPath(path), 0);

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it, both after resolving links.</summary>
    public static bool IsInside(string path, string folder)
    {
        var real = Resolve(path);
        var root = Path.TrimEndingDirectorySeparator(Resolve(folder));
        return real == root || real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Resolve(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var target = new FileInfo(next).LinkTarget; // the link itself (lstat), for file and folder links alike
            if (target is not null)
            {
                if (depth >= MaxLinks) throw new IOException($"Too many symbolic links under '{full}'.");
                // A relative target is relative to the link's folder; the target may hold links of its own.
                next = Resolve(Path.GetFullPath(target, current), depth + 1);
            }
            else if (!Path.Exists(next))
                return Path.Combine(parts[(i + 1)..].Prepend(next).ToArray()); // the rest does not exist: nothing more to follow
            current = next;
        }
        return current;
    }
}
