using System.Diagnostics;
using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Cli.Bench;

/// <summary>Throughput of the blockwise nearest-neighbour search next to a plain matrix product.</summary>
public sealed record KnnBenchmarkResult(double KnnSeconds, double KnnGflops, double MatmulSeconds, double MatmulGflops)
{
    /// <summary>Effective kNN GFLOP/s as a fraction of matmul GFLOP/s (target ≥ 0.6).</summary>
    public double Fraction => KnnGflops / MatmulGflops;
}

public static class KnnBenchmark
{
    /// <summary>
    /// Times <see cref="NearestNeighbourSearch.Nearest(Tensor, Tensor, Tensor?, Tensor?, int)"/> on random
    /// [queries, dim] × [bankSize, dim] (counted as 2·Q·M·D flops) and an n³ matmul (2·n³ flops), best of
    /// <paramref name="repeats"/> each after one warm-up, on the CPU.
    /// </summary>
    public static KnnBenchmarkResult Run(int queries, int bankSize, int dim, int seed, int matmulSize = 2048, int repeats = 3)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed, CPU);
        var q = randn([queries, dim], generator: g);
        var b = randn([bankSize, dim], generator: g);
        double knn = Best(repeats, () => NearestNeighbourSearch.Nearest(q, b).Distances.Dispose());
        var x = randn([matmulSize, matmulSize], generator: g);
        var y = randn([matmulSize, matmulSize], generator: g);
        double mm = Best(repeats, () => x.mm(y).Dispose());
        double knnFlops = 2.0 * queries * bankSize * dim, mmFlops = 2.0 * matmulSize * matmulSize * (double)matmulSize;
        return new KnnBenchmarkResult(knn, knnFlops / knn / 1e9, mm, mmFlops / mm / 1e9);
    }

    private static double Best(int repeats, Action action)
    {
        using var _ = no_grad();
        action();
        double best = double.PositiveInfinity;
        for (int r = 0; r < Math.Max(1, repeats); r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
