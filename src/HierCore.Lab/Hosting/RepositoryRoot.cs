namespace HierCore.Lab.Hosting;

/// <summary>
/// The repository root (the folder holding HierCore.Lab.sln) is the content and web root, so that
/// `dotnet run --project src/HierCore.Lab` uses the top-level appsettings.json, wwwroot/ and data/.
/// </summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "HierCore.Lab.sln";
    public const string ConfigKey = "Lab:RepositoryRoot";

    /// <summary>Configured root (env Lab__RepositoryRoot or --Lab:RepositoryRoot) wins; else walk up to the .sln.</summary>
    public static string Find(string[] args)
    {
        var early = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var configured = early[ConfigKey];
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{ConfigKey} points to '{configured}', which does not exist.");
        return WalkUp(AppContext.BaseDirectory) ?? WalkUp(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
    }

    public static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        return null;
    }
}
