using HierCore.Engine.Contracts;

namespace HierCore.Engine.Methods;

/// <summary>Settings, caches, progress and cancellation shared by a method's Fit and Score.</summary>
public sealed class MethodContext(RunSpec spec, BankCache? banks, IProgress<RunProgress>? progress, CancellationToken cancellation)
{
    public RunSpec Spec { get; } = spec;
    public BankCache? Banks { get; } = banks;
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Group models this run took from the bank cache instead of building (their build time was measured earlier).</summary>
    public int BanksReused { get; private set; }

    /// <summary>(image, group) scores this run took from a shared bank's memo instead of computing.</summary>
    public int ScoresReused { get; private set; }

    /// <summary>
    /// Scoring seconds per test image of this run's routing: each candidate bank's measured cost per image, so the
    /// figure means the same whether the scores were computed now or taken over from an earlier run of the sweep.
    /// </summary>
    public double ScoreSecondsPerImage { get; internal set; } = double.NaN;

    internal void CountBankReused() => BanksReused++;
    internal void CountScoresReused(int n) => ScoresReused += n;

    public void Report(string phase, int done, int total, string? message = null) =>
        progress?.Report(new RunProgress(phase, done, total, message));
}
