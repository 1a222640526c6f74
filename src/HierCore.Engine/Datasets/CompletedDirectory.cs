namespace HierCore.Engine.Datasets;

/// <summary>
/// Writes a folder so that readers only ever see it whole: fill a hidden sibling, write a marker last, rename.
/// A crash mid-way leaves only the hidden temp folder, never a half dataset that looks complete.
/// </summary>
public static class CompletedDirectory
{
    public const string MarkerFile = ".complete";

    public static bool IsComplete(string folder) => File.Exists(Path.Combine(folder, MarkerFile));

    /// <param name="replaceComplete">False: keep a complete copy that another process finished meanwhile.</param>
    public static void Write(string target, Action<string> fill, bool replaceComplete = true)
    {
        target = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            fill(temp);
            // Fixed content: generated datasets are compared byte for byte.
            File.WriteAllText(Path.Combine(temp, MarkerFile), "complete\n");
            if (!replaceComplete && IsComplete(target)) return;
            // Without a marker the old folder is a leftover of an interrupted writer, not a dataset.
            if (Directory.Exists(target))
                Directory.Delete(target, recursive: true);
            Directory.Move(temp, target);
        }
        catch (IOException) when (IsComplete(target))
        {
            // Another process finished the same dataset first; theirs is as good as ours.
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
