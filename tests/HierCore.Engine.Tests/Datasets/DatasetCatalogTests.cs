using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;

namespace HierCore.Engine.Tests.Datasets;

public sealed class DatasetCatalogTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private void PlainDataset(string root)
    {
        _tmp.Png($"{root}/widget/train/good/a.png");
        _tmp.Png($"{root}/widget/test/good/b.png");
    }

    [Fact]
    public void Resolve_finds_a_named_folder_or_a_path_and_detects_mvtec_layout()
    {
        PlainDataset("sets/parts");

        var byName = DatasetCatalog.Resolve("parts", _tmp.PathOf("sets"));
        var byPath = DatasetCatalog.Resolve(_tmp.PathOf("sets/parts"), _tmp.PathOf("elsewhere"));

        Assert.Equal(("parts", "mvtec"), (byName.Name, byName.Format));
        Assert.Equal(["widget"], byName.Classes);
        Assert.Equal(byName.Train, byPath.Train);
    }

    [Fact]
    public void Unknown_name_lists_the_available_datasets()
    {
        PlainDataset("sets/parts");
        Directory.CreateDirectory(_tmp.PathOf("sets/empty-folder"));

        var ex = Assert.Throws<DatasetException>(() => DatasetCatalog.Resolve("nope", _tmp.PathOf("sets")));

        Assert.Contains("'nope'", ex.Message);
        Assert.Contains("parts", ex.Message);
        Assert.Contains("demo", ex.Message);
        Assert.DoesNotContain("empty-folder", ex.Message);
        Assert.Equal(["demo", "parts"], DatasetCatalog.Discover(_tmp.PathOf("sets")).Where(n => !n.StartsWith("test-")));
    }

    [Fact]
    public void Generated_dataset_is_made_once_and_marked_complete()
    {
        var name = "test-gen-" + Guid.NewGuid().ToString("N");
        int runs = 0;
        DatasetCatalog.RegisterGenerator(name, dir => { runs++; PlainDatasetIn(dir); });

        var first = DatasetCatalog.Resolve(name, _tmp.PathOf("sets"));
        var second = DatasetCatalog.Resolve(name, _tmp.PathOf("sets"));

        Assert.Equal(1, runs);
        Assert.Equal(first.Train, second.Train);
        Assert.True(File.Exists(Path.Combine(first.Root, CompletedDirectory.MarkerFile)));
    }

    [Fact]
    public void A_crash_mid_generation_leaves_nothing_that_looks_complete()
    {
        var name = "test-crash-" + Guid.NewGuid().ToString("N");
        bool crash = true;
        DatasetCatalog.RegisterGenerator(name, dir =>
        {
            PlainDatasetIn(dir);
            if (crash) throw new IOException("disk full");
        });

        Assert.Throws<IOException>(() => DatasetCatalog.Resolve(name, _tmp.PathOf("sets")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tmp.PathOf("sets")));

        // A leftover folder without the marker (e.g. from an older, non-atomic writer) is replaced.
        _tmp.Text($"sets/{name}/stale.txt", "half");
        crash = false;
        var ds = DatasetCatalog.Resolve(name, _tmp.PathOf("sets"));
        Assert.False(File.Exists(_tmp.PathOf($"sets/{name}/stale.txt")));
        Assert.Single(ds.Classes);
    }

    private static void PlainDatasetIn(string dir)
    {
        foreach (var rel in new[] { "widget/train/good/a.png", "widget/test/good/b.png" })
        {
            var path = Path.Combine(dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PngEncoder.Save(new RgbImage(4, 4), path);
        }
    }
}
