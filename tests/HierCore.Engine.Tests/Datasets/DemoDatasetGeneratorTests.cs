using System.Text.Json;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;

namespace HierCore.Engine.Tests.Datasets;

public sealed class DemoDatasetGeneratorTests : IDisposable
{
    private static readonly DemoSize Tiny = new(ImageSize: 64, Train: 2, TestGood: 1, TestDefective: 2);
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_different_images()
    {
        DemoDatasetGenerator.Generate(_tmp.PathOf("a"), seed: 5, Tiny);
        DemoDatasetGenerator.Generate(_tmp.PathOf("b"), seed: 5, Tiny);
        DemoDatasetGenerator.Generate(_tmp.PathOf("c"), seed: 6, Tiny);
        var (a, b, c) = (Files(_tmp.PathOf("a")), Files(_tmp.PathOf("b")), Files(_tmp.PathOf("c")));

        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, kv => Assert.Equal(kv.Value, b[kv.Key]));
        Assert.Equal(a.Keys.Order(), c.Keys.Order());
        Assert.All(a.Keys.Where(k => k.EndsWith(".png") && !k.Contains("_mask")), k => Assert.NotEqual(a[k], c[k]));
    }

    [Fact]
    public void Loads_as_mvtec_with_six_classes_and_the_requested_counts()
    {
        DemoDatasetGenerator.Generate(_tmp.PathOf("d"), seed: 0, Tiny);
        var ds = DatasetCatalog.Load(_tmp.PathOf("d"));

        Assert.Equal(["disc", "grid", "noise", "rod", "stripes", "woven"], ds.Classes);
        foreach (var cls in ds.Classes)
        {
            Assert.Equal(2, ds.Train.Count(s => s.ClassName == cls));
            Assert.Equal(1, ds.Test.Count(s => s.ClassName == cls && !s.IsAnomalous));
            var defects = ds.Test.Where(s => s.ClassName == cls && s.IsAnomalous).ToList();
            Assert.Equal(2, defects.Count);
            Assert.Equal(2, defects.Select(s => s.DefectType).Distinct().Count());   // one of each type
        }
        DatasetValidator.Verify(ds, decodeAll: true);
        using var manifest = JsonDocument.Parse(File.ReadAllText(_tmp.PathOf("d/manifest.json")));
        Assert.Equal(0, manifest.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(6 * 5, manifest.RootElement.GetProperty("files").GetArrayLength());
        var severity = manifest.RootElement.GetProperty("classes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("defectSeverity").GetString());
        Assert.Equal("coarse", severity["noise"]);
        Assert.Equal("fine", severity["stripes"]);
    }

    [Fact]
    public void Masks_are_exactly_where_the_image_differs_from_its_defect_free_rendering()
    {
        var size = Tiny with { ImageSize = 96, Train = 1, TestGood = 1 };
        DemoDatasetGenerator.Generate(_tmp.PathOf("m"), seed: 3, size);
        var ds = DatasetCatalog.Load(_tmp.PathOf("m"));

        foreach (var s in ds.Test.Where(s => s.IsAnomalous))
        {
            var image = ImageDecoder.Decode(s.ImagePath);
            var mask = ImageDecoder.Decode(s.MaskPath!);
            var clean = DemoDatasetGenerator.RenderClean(3, s.ClassName, s.DefectType, int.Parse(Path.GetFileNameWithoutExtension(s.ImagePath)), size);
            int masked = 0;
            double change = 0;
            for (int p = 0; p < 96 * 96; p++)
            {
                int d = Math.Abs(image.Rgb[3 * p] - clean.Rgb[3 * p]) + Math.Abs(image.Rgb[3 * p + 1] - clean.Rgb[3 * p + 1])
                    + Math.Abs(image.Rgb[3 * p + 2] - clean.Rgb[3 * p + 2]);
                Assert.True((mask.Rgb[3 * p] != 0) == (d != 0), $"{s.Id}: mask and change disagree at pixel {p}");
                Assert.True(mask.Rgb[3 * p] is 0 or 255, $"{s.Id}: mask value {mask.Rgb[3 * p]}");
                if (d != 0) { masked++; change += d / 3.0; }
            }
            Assert.InRange(masked / (96.0 * 96), 0.001, 0.25);
            Assert.True(change / masked >= 8, $"{s.Id}: mean change {change / masked:F1} < 8");
        }
    }

    [Fact]
    public void Normals_vary_between_images()
    {
        DemoDatasetGenerator.Generate(_tmp.PathOf("v"), seed: 1, Tiny with { TestDefective = 0 });
        var ds = DatasetCatalog.Load(_tmp.PathOf("v"));
        foreach (var cls in ds.Classes)
        {
            var pair = ds.Train.Where(s => s.ClassName == cls).Select(s => ImageDecoder.Decode(s.ImagePath).Rgb).ToList();
            double mad = pair[0].Zip(pair[1], (x, y) => Math.Abs(x - y)).Average();
            Assert.True(mad > 3, $"{cls}: train normals differ by only {mad:F2} per channel");
        }
    }

    [Fact]
    public void Bad_sizes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDatasetGenerator.Generate(_tmp.PathOf("x"), 0, Tiny with { Train = 0 }));
        Assert.Throws<ArgumentException>(() => DemoDatasetGenerator.Generate(_tmp.PathOf("x"), 0, Tiny with { Classes = ["nope"] }));
        Assert.False(Directory.Exists(_tmp.PathOf("x")));
    }
}
