using HierCore.Engine.Contracts;

namespace HierCore.Engine.Methods;

/// <summary>
/// What a method's Fit and Score are given: settings, the bank cache, progress and cancellation. Read-only: a
/// method returns its statistics (<see cref="FitReport"/>, <see cref="ScoreReport"/>) instead of writing them here.
/// </summary>
public sealed class MethodContext(RunSpec spec, BankCache? banks, IProgress<RunProgress>? progress, CancellationToken cancellation)
{
    public RunSpec Spec { get; } = spec;
    public BankCache? Banks { get; } = banks;
    public CancellationToken Cancellation { get; } = cancellation;

    public void Report(string phase, int done, int total, string? message = null) =>
        progress?.Report(new RunProgress(phase, done, total, message));
}

/// <summary>Where a fit's group models came from.</summary>
/// <param name="CoresetsBuilt">Groups whose coreset and criterion were computed by this fit.</param>
/// <param name="CoresetsReused">Groups whose criterion this fit estimated on a coreset already in memory (another criterion or re-weighting).</param>
/// <param name="BanksReused">Groups taken whole from the in-memory cache (built earlier in this process).</param>
/// <param name="BanksLoaded">Names of the groups loaded from the on-disk bank store.</param>
public sealed record FitReport(int CoresetsBuilt, int CoresetsReused, int BanksReused, IReadOnlyList<string> BanksLoaded)
{
    public static FitReport From(IReadOnlyList<(string Group, BankOrigin Origin)> groups) => new(
        groups.Count(g => g.Origin == BankOrigin.Built),
        groups.Count(g => g.Origin == BankOrigin.CoresetReused),
        groups.Count(g => g.Origin == BankOrigin.Memory),
        groups.Where(g => g.Origin == BankOrigin.Disk).Select(g => g.Group).ToArray());
}

/// <summary>A method's verdicts and what scoring them cost.</summary>
/// <param name="ScoresReused">(image, group) scores taken from a shared bank's memo instead of computed.</param>
/// <param name="SecondsPerImage">
/// Scoring seconds per test image of this run's routing: each candidate bank's measured cost per image, so the
/// figure means the same whether the scores were computed now or taken over from an earlier run of the sweep
/// (NaN when no bank has a measured cost).
/// </param>
public sealed record ScoreReport(IReadOnlyList<Prediction> Predictions, int ScoresReused, double SecondsPerImage);
