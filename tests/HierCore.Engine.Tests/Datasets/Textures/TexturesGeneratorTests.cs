using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Textures;
using HierCore.Engine.Datasets;

namespace HierCore.Engine.Tests.Datasets.Textures;

public sealed class TexturesGeneratorTests : IDisposable
{
    private readonly SyntheticTextureArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void Writes_mvtec_layout_with_the_requested_counts_and_a_completion_marker()
    {
        var report = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("layout")));

        Assert.True(TexturesGenerator.IsComplete(report.OutputDirectory));
        Assert.Equal(["stripes", "spots"], report.Classes);
        Assert.Equal(2 * (4 + 2 + 4 * 2), report.ImageCount);
        foreach (var cls in report.Classes)
        {
            var root = Path.Combine(report.OutputDirectory, cls);
            Assert.Equal(["000.png", "001.png", "002.png", "003.png"], Names(Path.Combine(root, "train", "good")));
            Assert.Equal(["000.png", "001.png"], Names(Path.Combine(root, "test", "good")));
            foreach (var defect in new[] { "stain", "scratch", "patch", "foreign" })
            {
                Assert.Equal(["000.png", "001.png"], Names(Path.Combine(root, "test", defect)));
                Assert.Equal(["000_mask.png", "001_mask.png"], Names(Path.Combine(root, "ground_truth", defect)));
            }
        }
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(report.OutputDirectory)!, ".*partial*"));
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_differs()
    {
        var a = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("a"), seed: 3));
        var b = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("b"), seed: 3));
        var c = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("c"), seed: 4));

        var filesA = RelativeFiles(a.OutputDirectory);
        Assert.Equal(filesA, RelativeFiles(b.OutputDirectory));
        foreach (var f in filesA)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.OutputDirectory, f)), File.ReadAllBytes(Path.Combine(b.OutputDirectory, f)));
        Assert.Equal(a.ManifestSha256, b.ManifestSha256);

        Assert.NotEqual(a.ManifestSha256, c.ManifestSha256);
        var differing = filesA.Where(f => f.EndsWith(".png") && !f.Contains("_mask"))
            .Count(f => !File.ReadAllBytes(Path.Combine(a.OutputDirectory, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(c.OutputDirectory, f))));
        Assert.Equal(a.ImageCount, differing);
    }

    [Fact]
    public void Manifest_hashes_match_the_files_and_masks_are_exact_and_within_limits()
    {
        var report = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("manifest")));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(report.OutputDirectory, "manifest.json")));
        Assert.Equal(7, manifest.RootElement.GetProperty("seed").GetInt32());
        var images = manifest.RootElement.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(report.ImageCount, images.Count);

        foreach (var image in images)
        {
            var file = Path.Combine(report.OutputDirectory, image.GetProperty("file").GetString()!);
            Assert.Equal(image.GetProperty("sha256").GetString(), Sha256(file));
            if (image.GetProperty("defect").GetString() == "good")
            {
                Assert.False(image.TryGetProperty("mask", out _));
                continue;
            }
            var maskFile = Path.Combine(report.OutputDirectory, image.GetProperty("mask").GetString()!);
            Assert.Equal(image.GetProperty("maskSha256").GetString(), Sha256(maskFile));
            var mask = TextureCodec.DecodeGrayFile(maskFile);
            Assert.All(mask, v => Assert.True(v is 0 or 255, $"{maskFile}: mask value {v}"));
            var coverage = mask.Count(v => v == 255) / (double)mask.Length;
            Assert.InRange(coverage, 0.001, 0.25);
            Assert.Equal(image.GetProperty("coverage").GetDouble(), coverage, 12);
            Assert.True(image.GetProperty("meanAbsChange").GetDouble() >= 8);
        }
    }

    [Fact]
    public void Train_and_test_crops_come_from_disjoint_regions_of_each_photo()
    {
        var report = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("disjoint")) with { TrainPerClass = 12, TestGoodPerClass = 6 });
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(report.OutputDirectory, "manifest.json")));
        var crops = manifest.RootElement.GetProperty("images").EnumerateArray()
            .Select(i => (Photo: i.GetProperty("photo").GetString()!, Split: i.GetProperty("split").GetString()!, Rect: Rect(i.GetProperty("crop"))))
            .ToList();
        var sizes = new Dictionary<string, (int W, int H)> { [SyntheticTextureArchive.StripesEntry] = (200, 150), [SyntheticTextureArchive.SpotsEntry] = (160, 160) };

        foreach (var group in crops.GroupBy(c => c.Photo))
        {
            var train = group.Where(c => c.Split == "train").Select(c => c.Rect).ToList();
            var test = group.Where(c => c.Split == "test").Select(c => c.Rect).ToList();
            Assert.NotEmpty(train);
            Assert.NotEmpty(test);
            Assert.All(group, c => Assert.True(new PixelRect(0, 0, sizes[group.Key].W, sizes[group.Key].H).Contains(c.Rect)));
            foreach (var tr in train)
            foreach (var te in test)
                Assert.False(tr.Intersects(te), $"{group.Key}: train crop {tr} overlaps test crop {te}");
        }

        // A `foreign` piece comes from the other class's test band, never from its training pixels.
        foreach (var image in manifest.RootElement.GetProperty("images").EnumerateArray().Where(i => i.GetProperty("defect").GetString() == "foreign"))
        {
            var parameters = image.GetProperty("parameters");
            var window = Rect(parameters.GetProperty("foreignWindow"));
            var photo = parameters.GetProperty("foreignPhoto").GetString()!;
            Assert.NotEqual(image.GetProperty("photo").GetString(), photo);
            Assert.All(crops.Where(c => c.Photo == photo && c.Split == "train"), c => Assert.False(c.Rect.Intersects(window)));
        }
    }

    [Fact]
    public void The_deb_and_the_extracted_folder_give_the_same_dataset_as_the_pk3()
    {
        var fromPk3 = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("pk3")));
        var fromFolder = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("folder")) with { Source = _archive.WriteExtractedFolder() });
        var fromDeb = TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("deb")) with { Source = _archive.WriteDeb() });

        Assert.Equal(fromPk3.ManifestSha256, fromFolder.ManifestSha256);
        Assert.Equal(fromPk3.ManifestSha256, fromDeb.ManifestSha256);
    }

    [Fact]
    public void Regenerating_replaces_a_finished_dataset_but_never_a_foreign_folder()
    {
        var output = _archive.NewOutput("again");
        TexturesGenerator.Generate(_archive.Options(output, seed: 1));
        var second = TexturesGenerator.Generate(_archive.Options(output, seed: 2));
        Assert.True(TexturesGenerator.IsComplete(output));
        Assert.Contains("\"seed\": 2", File.ReadAllText(Path.Combine(output, "manifest.json")));
        Assert.Equal(second.ManifestSha256 + "\n", File.ReadAllText(Path.Combine(output, TexturesGenerator.CompletionMarker)));

        var userFolder = _archive.NewOutput("user");
        Directory.CreateDirectory(userFolder);
        File.WriteAllText(Path.Combine(userFolder, "notes.txt"), "mine");
        var e = Assert.Throws<DatasetException>(() => TexturesGenerator.Generate(_archive.Options(userFolder)));
        Assert.Contains(userFolder, e.Message);
        Assert.True(File.Exists(Path.Combine(userFolder, "notes.txt")));
    }

    private static PixelRect Rect(JsonElement e) =>
        new(e.GetProperty("x").GetInt32(), e.GetProperty("y").GetInt32(), e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32());

    private static string[] Names(string dir) => Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static List<string> RelativeFiles(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
