using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class AuproTests
{
    // Two 3×2 images. Image A's defect pixels (0,0), (1,1), (0,2) touch only diagonally: one region of 3 under
    // 8-connectivity (three regions under 4-connectivity). Image B has one defect pixel at (1,2).
    private static readonly List<byte[]?> HandMasks = [[1, 0, 1, 0, 1, 0], [0, 0, 0, 0, 0, 1]];
    private static readonly List<float[]> HandMaps =
    [
        [0.9f, 0.1f, 0.5f, 0.2f, 0.7f, 0.3f],
        [0.4f, 0.05f, 0.15f, 0.6f, 0.25f, 0.8f],
    ];

    [Fact]
    public void Hand_computed_example()
    {
        // 8 normal pixels; regions R1 (size 3) and R2 (size 1). Thresholds downwards:
        // 0.9 → PRO (1/3 + 0)/2 = 1/6, FPR 0;  0.8 → (1/3 + 1)/2 = 2/3;  0.7 → (2/3 + 1)/2 = 5/6;
        // 0.6 (normal) → FPR 1/8;  0.5 → PRO 1;  0.4 → FPR 2/8; ...
        // ∫₀^0.3 = 0.125·5/6 + (0.3 − 0.125)·1 = 67/240; AUPRO = 67/240 / 0.3 = 67/72.
        Assert.Equal(67.0 / 72.0, Aupro.Compute(HandMaps, HandMasks, 3, 2), 12);
        // Up to FPR 0.1 the curve is flat at 5/6 after the jump at FPR 0.
        Assert.Equal(5.0 / 6.0, Aupro.Compute(HandMaps, HandMasks, 3, 2, maxFpr: 0.1), 12);
    }

    [Fact]
    public void Compute_does_not_keep_the_curve_of_a_large_pooled_set()
    {
        // 100 maps of 100 × 100 with distinct scores: ~1 M curve points. The sort needs 8 bytes per pixel (score and
        // payload) plus region labels of the masked maps; keeping the curve as arrays would add 16 bytes per point
        // and more for list growth. Allocation is counted on this thread, so other tests do not disturb it.
        const int w = 100, h = 100, images = 100;
        var random = new Random(3);
        var maps = new List<float[]>();
        var masks = new List<byte[]?>();
        for (int i = 0; i < images; i++)
        {
            maps.Add([.. Enumerable.Range(0, w * h).Select(_ => random.NextSingle())]);
            masks.Add(i % 2 == 0 ? null : [.. Enumerable.Range(0, w * h).Select(j => (byte)(j % w < 10 && j / w < 10 ? 1 : 0))]);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var aupro = Aupro.Compute(maps, masks, w, h);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(aupro, 0.0, 1.0);
        Assert.InRange(allocated, (long)images * w * h * 8, (long)images * w * h * 12);
    }

    [Fact]
    public void Hand_computed_curve_points()
    {
        var (fpr, pro) = Aupro.Curve(HandMaps, HandMasks, 3, 2);
        Assert.Equal([0, 0, 0, 0, 0.125, 0.125, 0.25], fpr[..7]);
        double[] expectedPro = [0, 1.0 / 6, 2.0 / 3, 5.0 / 6, 5.0 / 6, 1, 1];
        for (int i = 0; i < expectedPro.Length; i++) Assert.Equal(expectedPro[i], pro[i], 12);
        Assert.Equal(1.0, fpr[^1]);
        Assert.Equal(1.0, pro[^1], 12);
    }

    [Fact]
    public void A_tie_between_a_defect_and_a_normal_pixel_is_one_diagonal_step()
    {
        // Curve (0,0) → (1,1); area to 0.3 is 0.3²/2, normalised 0.15. Breaking the tie either way gives 1 or 0.
        Assert.Equal(0.15, Aupro.Compute([[0.5f, 0.5f]], [[1, 0]], 2, 1), 12);
    }

    [Fact]
    public void A_perfect_map_scores_one_and_an_inverted_map_zero()
    {
        List<byte[]?> masks = [[0, 1, 1, 0, 0, 0, 0, 0, 1], null];
        List<float[]> perfect = [masks[0]!.Select(m => m > 0 ? 1f : 0f).ToArray(), new float[9]];
        List<float[]> inverted = [masks[0]!.Select(m => m > 0 ? 0f : 1f).ToArray(), Enumerable.Repeat(1f, 9).ToArray()];
        Assert.Equal(1.0, Aupro.Compute(perfect, masks, 3, 3), 12);
        Assert.Equal(0.0, Aupro.Compute(inverted, masks, 3, 3), 12);
    }

    [Fact]
    public void No_defect_region_gives_NaN()
    {
        Assert.True(double.IsNaN(Aupro.Compute([[0.1f, 0.9f]], [null], 2, 1)));
    }

    [Fact]
    public void Trapezoid_interpolates_the_point_at_the_limit()
    {
        // (0,0)–(0.2,0.5)–(0.4,1): y(0.3) = 0.75; area = 0.2·0.25 + 0.1·(0.5 + 0.75)/2 = 0.1125.
        Assert.Equal(0.1125, Aupro.TrapezoidUpTo([0, 0.2, 0.4], [0, 0.5, 1], 0.3), 12);
    }

    [Fact]
    public void Wrong_map_size_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Aupro.Compute([new float[5]], [null], 3, 2));
        Assert.Contains("width×height", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Equals_a_threshold_by_threshold_reference_on_random_maps(int seed)
    {
        const int w = 7, h = 6;
        var rng = new Random(seed);
        var maps = new List<float[]>();
        var masks = new List<byte[]?>();
        for (int i = 0; i < 5; i++)
        {
            var mask = i == 4 ? null : Enumerable.Range(0, w * h).Select(_ => (byte)(rng.NextDouble() < 0.25 ? 1 : 0)).ToArray();
            maps.Add(Enumerable.Range(0, w * h).Select(j => (float)Math.Round(rng.NextDouble() * 20 + (mask?[j] ?? 0) * 6)).ToArray());
            masks.Add(mask);
        }
        Assert.Equal(ReferenceAupro(maps, masks, w, h, 0.3), Aupro.Compute(maps, masks, w, h), 10);
    }

    /// <summary>AUPRO straight from the definition: label regions by repeated min-label propagation, then for
    /// each distinct threshold count overlaps and false positives from scratch.</summary>
    private static double ReferenceAupro(List<float[]> maps, List<byte[]?> masks, int w, int h, double maxFpr)
    {
        var regions = new List<List<float>>();
        var normals = new List<float>();
        for (int i = 0; i < maps.Count; i++)
        {
            var label = Enumerable.Range(0, w * h).Select(j => masks[i]?[j] > 0 ? j : -1).ToArray();
            for (bool changed = true; changed;)
            {
                changed = false;
                for (int j = 0; j < w * h; j++)
                    for (int k = 0; k < w * h; k++)
                        if (label[j] >= 0 && label[k] >= 0 && label[k] < label[j]
                            && Math.Abs(j / w - k / w) <= 1 && Math.Abs(j % w - k % w) <= 1)
                            (label[j], changed) = (label[k], true);
            }
            foreach (var g in Enumerable.Range(0, w * h).Where(j => label[j] >= 0).GroupBy(j => label[j]))
                regions.Add(g.Select(j => maps[i][j]).ToList());
            normals.AddRange(Enumerable.Range(0, w * h).Where(j => label[j] < 0).Select(j => maps[i][j]));
        }
        var xs = new List<double> { 0 };
        var ys = new List<double> { 0 };
        foreach (var t in maps.SelectMany(m => m).Distinct().OrderByDescending(t => t))
        {
            xs.Add(normals.Count(s => s >= t) / (double)normals.Count);
            ys.Add(regions.Average(r => r.Count(s => s >= t) / (double)r.Count));
        }
        double area = 0;
        for (int i = 1; i < xs.Count && xs[i - 1] < maxFpr; i++)
        {
            double x1 = Math.Min(xs[i], maxFpr);
            double y1 = ys[i - 1] + (ys[i] - ys[i - 1]) * (x1 - xs[i - 1]) / (xs[i] - xs[i - 1] == 0 ? 1 : xs[i] - xs[i - 1]);
            area += (x1 - xs[i - 1]) * (ys[i - 1] + y1) / 2;
        }
        return area / maxFpr;
    }
}
