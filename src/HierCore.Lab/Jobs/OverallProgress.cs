namespace HierCore.Lab.Jobs;

/// <summary>Maps the runner's (phase, done/total) onto one 0..1 bar; the phases are those of ARCHITECTURE.md's run.</summary>
public static class OverallProgress
{
    private static readonly string[] Phases = ["load", "features", "fit", "score", "evaluate"];

    public static double Compute(string? phase, double phaseFraction)
    {
        var i = Array.FindIndex(Phases, p => string.Equals(p, phase, StringComparison.OrdinalIgnoreCase));
        if (i < 0) return Math.Clamp(phaseFraction, 0, 1);
        return (i + Math.Clamp(phaseFraction, 0, 1)) / Phases.Length;
    }

    /// <summary>Remaining time from elapsed time and overall progress; null until there is enough to extrapolate.</summary>
    public static TimeSpan? Eta(DateTime? startedAt, double progress, DateTime now)
    {
        if (startedAt is null || progress < 0.02 || progress >= 1) return null;
        var elapsed = now - startedAt.Value;
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - progress) / progress);
    }
}
