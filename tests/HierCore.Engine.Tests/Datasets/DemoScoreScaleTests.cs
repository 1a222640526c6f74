using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Imaging;
using Xunit.Abstractions;

namespace HierCore.Engine.Tests.Datasets;

/// <summary>
/// The property the demo is built on (README, "The multi-class demo"): a busy or varied class's held-out normal has
/// no near twin among its class's training images at patch level, while a regular class's has one. PatchCore scores
/// an image by that nearest-neighbour distance, so this is what puts the classes on different normal score scales.
/// Plain pixel patches stand in for backbone features; the images are those of a real (small) demo dataset plan.
/// </summary>
public sealed class DemoScoreScaleTests(ITestOutputHelper output)
{
    private const int Size = 96, Patch = 6, TrainImages = 8;
    private static readonly string[] Regular = ["stripes", "grid", "disc", "rod"], Busy = ["noise", "woven"];

    [Fact]
    public void Held_out_normals_of_busy_classes_lie_far_from_every_training_patch_and_those_of_regular_classes_do_not()
    {
        var jobs = DemoDatasetGenerator.PlanJobs(0, new DemoSize(ImageSize: Size, Train: TrainImages, TestGood: 1, TestDefective: 0));
        var distance = jobs.GroupBy(j => j.Class.Name).ToDictionary(g => g.Key, g => NearestTwinDistance(g.ToList()));
        string all = string.Join(", ", distance.Select(kv => $"{kv.Key} {kv.Value:F1}"));
        output.WriteLine($"mean nearest-twin patch distance: {all}");

        double farthestRegular = Regular.Max(c => distance[c]);
        foreach (var busy in Busy)
            Assert.True(distance[busy] > 2 * farthestRegular, $"{busy} is not on a higher scale than the regular classes: {all}");
    }

    [Fact]
    public void Busy_classes_get_coarse_defects_and_regular_classes_fine_ones()
    {
        var severity = DemoClass.All.ToDictionary(c => c.Name, c => c.Severity);
        Assert.All(Busy, c => Assert.Same(DefectSeverity.Coarse, severity[c]));
        Assert.All(Regular, c => Assert.Same(DefectSeverity.Fine, severity[c]));
        // Fine defects are smaller and fainter on every axis, or the regular classes' defects would not score moderately.
        var (fine, coarse) = (DefectSeverity.Fine, DefectSeverity.Coarse);
        Assert.True(fine.ScratchAlpha.Max < coarse.ScratchAlpha.Min && fine.StainAlpha.Max < coarse.StainAlpha.Min);
        Assert.True(fine.StainRadius.Max <= coarse.StainRadius.Min && fine.ScratchHalfLength.Max <= coarse.ScratchHalfLength.Max);
    }

    /// <summary>Mean over the held-out normal's patches of the RMS distance (8-bit units) to the nearest training patch.</summary>
    private static double NearestTwinDistance(IReadOnlyList<DemoDatasetGenerator.Job> jobs)
    {
        RgbImage Render(DemoDatasetGenerator.Job j) => DemoRenderer.Render(j.Class, j.ImageSeed, null, Size).Clean;
        var bank = jobs.Where(j => j.Split == Split.Train).SelectMany(j => Patches(Render(j), stride: 3)).ToList();
        var queries = Patches(Render(jobs.Single(j => j.Split == Split.Test)), stride: Patch);
        return queries.Average(q => Math.Sqrt(bank.Min(b => Distance2(q, b)) / q.Length));
    }

    private static List<float[]> Patches(RgbImage image, int stride)
    {
        var patches = new List<float[]>();
        for (int y = 0; y + Patch <= image.Height; y += stride)
            for (int x = 0; x + Patch <= image.Width; x += stride)
            {
                var p = new float[Patch * Patch * 3];
                for (int dy = 0; dy < Patch; dy++)
                    for (int dx = 0; dx < Patch * 3; dx++)
                        p[dy * Patch * 3 + dx] = image.Rgb[image.IndexOf(x, y + dy) + dx];
                patches.Add(p);
            }
        return patches;
    }

    private static float Distance2(float[] a, float[] b)
    {
        float sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            float d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
