using HierCore.Engine.Contracts;

namespace HierCore.Lab.Jobs;

/// <summary>The one progress bar of a run and its ETA, from the engine's phases and their weights.</summary>
public static class OverallProgress
{
    /// <summary>0 before the first report, then <see cref="RunPhases.Overall(RunProgress)"/>.</summary>
    public static double Compute(RunProgress? progress) => progress is null ? 0 : RunPhases.Overall(progress);

    /// <summary>Remaining time from elapsed time and overall progress; null until there is enough to extrapolate.</summary>
    public static TimeSpan? Eta(DateTime? startedAt, double progress, DateTime now)
    {
        if (startedAt is null || progress < 0.02 || progress >= 1) return null;
        var elapsed = now - startedAt.Value;
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - progress) / progress);
    }
}
