namespace HierCore.Engine.Methods;

/// <summary>
/// A group's class-wise decision criterion, estimated from scores of training normals that its bank has not
/// memorised: z = (s − c)/σ and the deployable threshold τ = c + λσ (METHOD.md §4). <see cref="Mean"/>,
/// <see cref="Std"/>, <see cref="Median"/> and <see cref="Mad"/> describe the sample; <see cref="Center"/> and
/// <see cref="Spread"/> are what z uses — the mean and σ unless a <see cref="CriterionScale"/> chose otherwise.
/// </summary>
public sealed record DecisionCriterion(double Mean, double Std, int Samples, double[] Quantiles)
{
    /// <summary>Quantile levels stored in <see cref="Quantiles"/>.</summary>
    public static readonly double[] Levels = [0.5, 0.9, 0.95, 0.99, 1.0];

    /// <summary>Fewest unmemorised normal scores a group needs for a criterion of its own (σ needs two).</summary>
    public const int MinimumSample = 2;

    /// <summary>The <see cref="Fallback"/> of a group that borrowed the criterion pooled over its method's other groups.</summary>
    public const string PooledFallback = "pooled";

    /// <summary>Null for a criterion estimated from the group's own sample; <see cref="PooledFallback"/> otherwise.</summary>
    public string? Fallback { get; init; }

    public double Median { get; init; } = Quantiles.Length > 0 ? Quantiles[0] : Mean;

    /// <summary>Median absolute deviation from the median (unscaled).</summary>
    public double Mad { get; init; }

    /// <summary>Location of z: the mean under the default scale, the median under <c>robust</c>.</summary>
    public double Center { get; init; } = Mean;

    /// <summary>Spread of z: σ under <c>z</c>, 1.4826·MAD under <c>robust</c>, shrunk σ under <c>shrink:κ</c>.</summary>
    public double Spread { get; init; } = Std;

    public double Normalize(double score) => (score - Center) / Spread;

    public double Threshold(double lambda) => Center + lambda * Spread;

    /// <summary>
    /// From a sample of normal image scores. Infinite scores (an image with no admissible memory entry) are
    /// dropped. σ is floored so a degenerate sample cannot make z infinite.
    /// </summary>
    public static DecisionCriterion FromSample(IReadOnlyCollection<double> sample)
    {
        var finite = sample.Where(double.IsFinite).OrderBy(x => x).ToArray();
        if (finite.Length == 0) throw new InvalidOperationException("No finite normal score to estimate a criterion from.");
        var mean = finite.Average();
        var variance = finite.Length > 1 ? finite.Sum(x => (x - mean) * (x - mean)) / (finite.Length - 1) : 0;
        var std = Math.Max(Math.Sqrt(variance), SpreadFloor(mean));
        var quantiles = Levels.Select(q => Quantile(finite, q)).ToArray();
        var median = Quantile(finite, 0.5);
        var mad = Quantile(finite.Select(x => Math.Abs(x - median)).OrderBy(x => x).ToArray(), 0.5);
        return new DecisionCriterion(mean, std, finite.Length, quantiles) { Median = median, Mad = mad };
    }

    /// <summary>
    /// The criterion of a group with fewer than <see cref="MinimumSample"/> own scores (a one-image group): estimated
    /// from the other groups' samples pooled, with <see cref="Samples"/> = the group's own count and the fallback named.
    /// Pooling mixes the other groups' scales, so it is a stand-in — but one with a real spread, where the group's own
    /// μ = s, σ ≈ 0 would flag every image routed to it.
    /// </summary>
    public static DecisionCriterion Pooled(IEnumerable<double> otherGroupsSamples, int ownSamples) =>
        FromSample(otherGroupsSamples.ToArray()) with { Samples = ownSamples, Fallback = PooledFallback };
    /// <summary>The smallest spread z may divide by, relative to the score's magnitude.</summary>
    public static double SpreadFloor(double location) => 1e-6 * Math.Max(1, Math.Abs(location));

    /// <summary>Linear-interpolation quantile of a sorted sample (numpy's default).</summary>
    static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
