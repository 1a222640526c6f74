namespace HierCore.Cli.Commands;

/// <summary>Where runtime state lives: --data-dir, else $HIERCORE_DATA, else data/ beside HierCore.Lab.sln, else ./data.</summary>
public static class DataDirectories
{
    public static string Resolve(string? explicitDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
        if (Environment.GetEnvironmentVariable("HIERCORE_DATA") is { Length: > 0 } env) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "HierCore.Lab.sln"))) return Path.Combine(dir.FullName, "data");
        return Path.GetFullPath("data");
    }
}
