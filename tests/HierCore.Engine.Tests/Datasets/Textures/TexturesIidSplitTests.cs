using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Textures;

namespace HierCore.Engine.Tests.Datasets.Textures;

/// <summary>The default (iid) split: crops from all of a class's photos at random, non-overlapping positions.</summary>
public sealed class TexturesIidSplitTests : IDisposable
{
    private readonly SyntheticTextureArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void No_two_crops_share_a_pixel_and_each_class_draws_from_all_its_photos()
    {
        var report = TexturesGenerator.Generate(_archive.IidOptions(_archive.NewOutput("iid")));
        using var manifest = Manifest(report);
        Assert.Equal("iid", manifest.RootElement.GetProperty("split").GetString());
        var crops = Crops(manifest);
        Assert.Equal(2 * 9, crops.Count);

        for (var i = 0; i < crops.Count; i++)
        for (var j = i + 1; j < crops.Count; j++)
            if (crops[i].Photo == crops[j].Photo)
                Assert.False(crops[i].Rect.Intersects(crops[j].Rect), $"{crops[i].File} and {crops[j].File} share pixels of {crops[i].Photo}");

        // The manifest lists each class's photos, and the crops of the two-photo class use both of them.
        var stripes = manifest.RootElement.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "stripes");
        var listed = stripes.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("entry").GetString()).ToArray();
        Assert.Equal(new[] { SyntheticTextureArchive.StripesEntry, SyntheticTextureArchive.ChecksEntry }, listed!);
        Assert.Equal(listed.Order(), crops.Where(c => c.Class == "stripes").Select(c => c.Photo).Distinct().Order());
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_moves_the_crops()
    {
        var a = TexturesGenerator.Generate(_archive.IidOptions(_archive.NewOutput("a"), seed: 3));
        var b = TexturesGenerator.Generate(_archive.IidOptions(_archive.NewOutput("b"), seed: 3));
        var c = TexturesGenerator.Generate(_archive.IidOptions(_archive.NewOutput("c"), seed: 4));
        Assert.Equal(a.ManifestSha256, b.ManifestSha256);
        using var ma = Manifest(a);
        using var mc = Manifest(c);
        Assert.NotEqual(Crops(ma).Select(x => x.Rect), Crops(mc).Select(x => x.Rect));
    }

    [Fact]
    public void A_foreign_piece_is_cut_from_a_test_crop_of_the_other_class_never_from_training_pixels()
    {
        var report = TexturesGenerator.Generate(_archive.IidOptions(_archive.NewOutput("foreign")));
        using var manifest = Manifest(report);
        var crops = Crops(manifest);
        var foreign = manifest.RootElement.GetProperty("images").EnumerateArray().Where(i => i.GetProperty("defect").GetString() == "foreign").ToList();
        Assert.NotEmpty(foreign);
        foreach (var image in foreign)
        {
            var parameters = image.GetProperty("parameters");
            var window = Rect(parameters.GetProperty("foreignWindow"));
            var photo = parameters.GetProperty("foreignPhoto").GetString()!;
            Assert.Contains(crops, c => c.Photo == photo && c.Split == "test" && c.Defect == "good" && c.Rect.Contains(window));
            Assert.All(crops.Where(c => c.Photo == photo && c.Split == "train"), c => Assert.False(c.Rect.Intersects(window)));
        }
    }

    [Fact]
    public void Asking_for_more_crops_than_the_photos_hold_names_the_class_and_the_remedy()
    {
        var e = Assert.Throws<DatasetException>(() => TexturesGenerator.Generate(_archive.IidOptions(_archive.NewOutput("full")) with { TrainPerClass = 40 }));
        Assert.Contains("'stripes'", e.Message);
        Assert.Contains("non-overlapping", e.Message);
        Assert.Contains("--train", e.Message);
        Assert.False(Directory.Exists(_archive.NewOutput("full")));
    }

    private static JsonDocument Manifest(TexturesReport report) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(report.OutputDirectory, "manifest.json")));

    private static List<(string File, string Class, string Photo, string Split, string Defect, PixelRect Rect)> Crops(JsonDocument manifest) =>
        manifest.RootElement.GetProperty("images").EnumerateArray()
            .Select(i => (i.GetProperty("file").GetString()!, i.GetProperty("class").GetString()!, i.GetProperty("photo").GetString()!,
                i.GetProperty("split").GetString()!, i.GetProperty("defect").GetString()!, Rect(i.GetProperty("crop"))))
            .ToList();

    private static PixelRect Rect(JsonElement e) =>
        new(e.GetProperty("x").GetInt32(), e.GetProperty("y").GetInt32(), e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32());
}
