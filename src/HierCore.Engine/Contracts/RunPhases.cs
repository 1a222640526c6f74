namespace HierCore.Engine.Contracts;

/// <summary>A phase of a run and its share of the whole run in the overall progress.</summary>
public sealed record RunPhase(string Name, double Weight);

/// <summary>
/// The phases a run reports through <see cref="RunProgress"/>, in order, and how they add up to one overall
/// progress. The engine reports only these names; the CLI and the Lab show progress and ETA from
/// <see cref="Overall"/>, so a bar driven by a real run only moves forward.
/// </summary>
public static class RunPhases
{
    public const string Load = "load";
    public const string Features = "features";
    public const string Fit = "fit";
    public const string Score = "score";
    public const string Evaluate = "evaluate";

    /// <summary>
    /// In run order. The weights are rough shares of a first run's wall time on the CPU (backbone features
    /// dominate, then the coreset, then scoring); they only have to be in the right proportion for a usable ETA.
    /// </summary>
    public static readonly IReadOnlyList<RunPhase> All =
    [
        new(Load, 0.02),
        new(Features, 0.48),
        new(Fit, 0.25),
        new(Score, 0.20),
        new(Evaluate, 0.05),
    ];

    public static bool IsKnown(string? phase) => phase is not null && All.Any(p => p.Name == phase);

    /// <summary>
    /// Overall progress in [0, 1]: the weights of the phases before <paramref name="phase"/> plus its weight times
    /// <paramref name="fraction"/> (clamped to [0, 1]). Throws for a name that is not one of <see cref="All"/>.
    /// </summary>
    public static double Overall(string phase, double fraction)
    {
        var before = 0.0;
        foreach (var p in All)
        {
            if (p.Name == phase) return Math.Clamp(before + p.Weight * Math.Clamp(fraction, 0, 1), 0, 1);
            before += p.Weight;
        }
        throw new ArgumentException($"Unknown run phase '{phase}'; the phases are {string.Join(", ", All.Select(p => p.Name))}.", nameof(phase));
    }

    /// <inheritdoc cref="Overall(string, double)"/>
    public static double Overall(RunProgress progress) => Overall(progress.Phase, progress.Fraction);
}
