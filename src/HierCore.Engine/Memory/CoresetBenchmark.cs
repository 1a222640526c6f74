using System.Diagnostics;
using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>What the coreset benchmark selects from.</summary>
public enum CoresetBenchmarkData
{
    /// <summary>Patch-like: 32 clusters, each spread over its own random 8-dim subspace, plus small noise.</summary>
    Clustered,
    /// <summary>Isotropic Gaussian: the worst case for pruning (all distances concentrate).</summary>
    Gaussian,
}

/// <summary>Times naive vs pruned greedy k-center on the same projected features (for `hiercore bench`).</summary>
public static class CoresetBenchmark
{
    public static (double NaiveSeconds, double FastSeconds, bool Identical) Run(
        int n, int d, double ratio, int seed, CoresetBenchmarkData data = CoresetBenchmarkData.Clustered)
    {
        ProjectedFeatures projected;
        using (var features = Synthesize(n, d, seed, data))
            projected = ProjectedFeatures.From(features, CoresetSampler.DefaultProjectionDim, seed);
        int count = CoresetSampler.CoresetSize(n, ratio);

        var clock = Stopwatch.StartNew();
        var fast = CoresetSampler.Select(projected, count, seed, useFast: true);
        double fastSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var naive = CoresetSampler.Select(projected, count, seed, useFast: false);
        double naiveSeconds = clock.Elapsed.TotalSeconds;
        return (naiveSeconds, fastSeconds, naive.AsSpan().SequenceEqual(fast));
    }

    internal static Tensor Synthesize(int n, int d, int seed, CoresetBenchmarkData data)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed + 1, CPU);
        if (data == CoresetBenchmarkData.Gaussian)
            return randn([n, d], generator: g).MoveToOuterDisposeScope();
        const int clusters = 32, latent = 8;
        var centres = randn([clusters, d], generator: g) * 4;
        var bases = randn([clusters, latent, d], generator: g) / MathF.Sqrt(latent);
        var cluster = randint(clusters, [n], generator: g);
        var z = randn([n, 1, latent], generator: g);
        var points = z.bmm(bases.index_select(0, cluster)).squeeze(1) + centres.index_select(0, cluster);
        return (points + 0.05f * randn([n, d], generator: g)).MoveToOuterDisposeScope();
    }
}
