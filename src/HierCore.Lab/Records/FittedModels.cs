using HierCore.Engine.Contracts;
using HierCore.Engine.Models;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Records;

/// <summary>The engine writes a run's fitted model to data/models/pending; the artifact store keeps it as model.hcm.</summary>
public static class FittedModels
{
    /// <summary>Why a run offers no model (download, scoring uploads).</summary>
    public static string Missing(Data.Run run) => run.Status == Data.RunStatus.Succeeded
        ? $"Run {run.Id} kept no fitted model (it ran before models were kept, or without the engine); retry it to fit one."
        : $"Run {run.Id} has no fitted model: it is {run.Status}, and only a succeeded run has one.";

    /// <summary>Deletes the engine's pending model file once the artifact store has taken its bytes.</summary>
    public static void RemovePending(RunResult result)
    {
        if (result.ModelFile is { } pending)
            try { File.Delete(pending); } catch (IOException) { } // a leftover is removed at the next start
    }

    /// <summary>
    /// Model files the engine wrote for runs that never stored them (cancelled, failed while saving, crashed): left
    /// in data/models/pending. Removed at start-up when older than an hour (a run in another process may be writing one now).
    /// </summary>
    public static int RemoveStalePending(LabPaths paths, TimeSpan age)
    {
        var folder = paths.Layout.PendingModels;
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - age))
            try { file.Delete(); removed++; } catch (IOException) { }
        return removed;
    }
}
