using HierCore.Engine.Contracts;
using HierCore.Engine.Models;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Records;

/// <summary>A run's fitted model file: moved from the engine's pending folder into the run's attempt folder.</summary>
public static class FittedModels
{
    public const string FileName = "model" + ModelFile.Extension;

    /// <summary>Moves the model the engine wrote (if any) into the attempt folder; its full path, or null.</summary>
    public static string? TakeOver(RunResult result, string attemptDirectory)
    {
        if (result.ModelFile is not { } pending || !File.Exists(pending)) return null;
        var target = Path.Combine(attemptDirectory, FileName);
        File.Move(pending, target, overwrite: true);
        return target;
    }

    /// <summary>
    /// Model files the engine wrote for runs that never stored them (cancelled, failed while saving, crashed): left
    /// in data/models/pending. Removed at start-up when older than an hour (a run in another process may be writing one now).
    /// </summary>
    public static int RemoveStalePending(LabPaths paths, TimeSpan age)
    {
        var folder = Path.Combine(paths.DataDirectory, "models", "pending");
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - age))
            try { file.Delete(); removed++; } catch (IOException) { }
        return removed;
    }
}
