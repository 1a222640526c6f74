using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Memory;

public class CoresetSamplerTests
{
    private static Tensor Random(int n, int d, int seed) => randn([n, d], generator: new Generator((ulong)seed, CPU));

    [Theory]
    [InlineData(500, 16, 0.1, 1)]
    [InlineData(800, 200, 0.25, 2)]   // D > 128: projected
    [InlineData(1200, 64, 0.5, 3)]
    [InlineData(300, 8, 1.0, 4)]      // every point, down to zero min-distances
    public void Pruned_selection_equals_naive_selection_on_gaussian_data(int n, int d, double ratio, int seed)
    {
        using var x = Random(n, d, seed);
        int count = CoresetSampler.CoresetSize(n, ratio);
        Assert.Equal(CoresetSampler.SelectNaive(x, count, seed), CoresetSampler.Select(x, count, seed));
    }

    [Theory]
    [InlineData(3000, 384, 5)]
    [InlineData(2000, 32, 6)]
    [InlineData(20_000, 128, 7)]      // cells ≥ 16,384 points: the parallel scan path
    public void Pruned_selection_equals_naive_selection_on_clustered_data(int n, int d, int seed)
    {
        using var x = SyntheticPatchFeatures.Generate(n, d, seed, SyntheticPatchShape.Clustered);
        int count = CoresetSampler.CoresetSize(n, 0.1);
        Assert.Equal(CoresetSampler.SelectNaive(x, count, seed), CoresetSampler.Select(x, count, seed));
    }

    [Fact]
    public void Pruned_selection_equals_naive_selection_with_duplicate_rows_and_ties()
    {
        // Only 40 distinct rows, each repeated: many exact ties in min-distance, broken by the smaller index.
        using var distinct = Random(40, 12, 9);
        using var index = randint(40, [600], generator: new Generator(10, CPU));
        using var x = distinct.index_select(0, index);
        Assert.Equal(CoresetSampler.SelectNaive(x, 100, 3), CoresetSampler.Select(x, 100, 3));
    }

    [Fact]
    public void Pruned_search_holds_about_one_copy_of_the_rows_however_often_points_change_cells()
    {
        // Clustered rows, many picks: each point moves to a nearer pick about ln(picks) times. If a cell kept the
        // room of every point that ever joined it, the cells would hold several copies of the features.
        const int n = 20_000, count = 1_000;
        using var x = SyntheticPatchFeatures.Generate(n, 64, 12, SyntheticPatchShape.Clustered);
        var naive = CoresetSampler.SelectNaive(x, count, 12);
        var search = KCenterPruned.Start(ProjectedFeatures.From(x, CoresetSampler.DefaultProjectionDim, 12), count, 12);
        long peak = 0;
        for (int t = 0; t < count; t++)
        {
            Assert.Equal(naive[t], search.Pick(t));
            peak = Math.Max(peak, search.RowsHeld);
        }
        // Room is trimmed once a quarter of it is empty: at most 4/3 of the points, plus one slot per empty cell.
        Assert.InRange(peak, n, n * 4 / 3 + count + 16);
    }

    [Theory]
    [InlineData(30, 0.1, 3)]
    [InlineData(31, 0.1, 4)]
    [InlineData(1000, 0.1, 100)]
    [InlineData(7, 0.5, 4)]
    [InlineData(5, 1.0, 5)]
    public void Coreset_size_is_the_ceiling_of_ratio_times_n(int n, double ratio, int expected)
    {
        Assert.Equal(expected, CoresetSampler.CoresetSize(n, ratio));
        using var x = Random(n, 4, 1);
        Assert.Equal(expected, CoresetSampler.Select(x, CoresetSampler.CoresetSize(n, ratio), 1).Length);
    }

    [Fact]
    public void Picks_follow_the_greedy_rule_computed_independently_in_double_precision()
    {
        const int seed = 11;
        using var x = Random(300, 10, seed);   // D ≤ 128: no projection
        var picks = CoresetSampler.SelectNaive(x, 30, seed);
        using var x64 = x.to(ScalarType.Float64);
        using var all = cdist(x64, x64);
        var starts = HierCore.Engine.Memory.KCenterStart.StartPoints(300, seed);
        using var startIndex = tensor(starts.Select(s => (long)s).ToArray());
        var min = all.index_select(1, startIndex).mean([1]);
        foreach (long pick in picks)
        {
            Assert.Equal(min.argmax().item<long>(), pick);
            min = minimum(min, all[pick]);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_picks_and_another_seed_other_ones()
    {
        using var x = Random(400, 200, 5);
        var a = CoresetSampler.Select(x, 40, 21);
        Assert.Equal(a, CoresetSampler.Select(x, 40, 21));
        Assert.NotEqual(a, CoresetSampler.Select(x, 40, 22));
        Assert.Equal(40, a.Distinct().Count());
    }

    [Fact]
    public void Bad_count_or_shape_is_rejected_with_a_message()
    {
        using var x = Random(10, 3, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoresetSampler.Select(x, 11, 1));
        Assert.Contains("CoresetSampler", e.Message);
        using var flat = zeros(10);
        Assert.Throws<ArgumentException>(() => CoresetSampler.Select(flat, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoresetSampler.CoresetSize(10, 0));
    }

    [Fact]
    public void A_cancelled_selection_stops_with_an_operation_cancelled_error()
    {
        using var x = Random(2000, 16, 8);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => CoresetSampler.Select(x, 200, 0, ct: cts.Token));
        Assert.Throws<OperationCanceledException>(() => CoresetSampler.SelectNaive(x, 200, 0, ct: cts.Token));
    }
}
