using System.Diagnostics;
using HierCore.Engine.Memory;

namespace HierCore.Cli.Bench;

/// <summary>Times naive vs pruned greedy k-center on the same projected features (for `hiercore bench`).</summary>
public static class CoresetBenchmark
{
    public static (double NaiveSeconds, double FastSeconds, bool Identical) Run(
        int n, int d, double ratio, int seed, SyntheticPatchShape shape = SyntheticPatchShape.Clustered)
    {
        // Projected once, outside the clocks: the comparison is of the two search loops only.
        ProjectedFeatures projected;
        using (var features = SyntheticPatchFeatures.Generate(n, d, seed, shape))
            projected = ProjectedFeatures.From(features, CoresetSampler.DefaultProjectionDim, seed);
        var count = CoresetSampler.CoresetSize(n, ratio);

        // Naive first: the pruned search consumes the projected rows (it reorders them in place).
        var clock = Stopwatch.StartNew();
        var naive = CoresetSampler.Select(projected, count, seed, useFast: false);
        var naiveSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var fast = CoresetSampler.Select(projected, count, seed, useFast: true);
        var fastSeconds = clock.Elapsed.TotalSeconds;
        return (naiveSeconds, fastSeconds, naive.AsSpan().SequenceEqual(fast));
    }
}
