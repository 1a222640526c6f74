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

    [Fact]
    public void DetectFormat_tells_visa_from_mvtec_and_from_a_folder_that_is_neither()
    {
        PlainDataset("sets/parts");
        _tmp.Png("sets/boards/pcb/a.png");
        _tmp.Text("sets/boards/split_csv/1cls.csv", "object,split,label,image,mask\npcb,train,normal,pcb/a.png,\n");
        _tmp.Png("sets/photos/cat.png");

        Assert.Equal(MvtecLoader.FormatName, DatasetCatalog.DetectFormat(_tmp.PathOf("sets/parts")));
        Assert.Equal(VisaLoader.FormatName, DatasetCatalog.DetectFormat(_tmp.PathOf("sets/boards")));
        Assert.Null(DatasetCatalog.DetectFormat(_tmp.PathOf("sets/photos")));
        Assert.Null(DatasetCatalog.DetectFormat(_tmp.PathOf("sets/missing")));
    }

    [Fact]
    public void DatasetFolders_lists_dataset_folders_only_and_skips_hidden_ones()
    {
        PlainDataset("sets/parts");
        PlainDataset("sets/.parts-tmp");
        _tmp.Png("sets/photos/cat.png");

        Assert.Equal([_tmp.PathOf("sets/parts")], DatasetCatalog.DatasetFolders(_tmp.PathOf("sets")).Select(Path.GetFullPath));
    }

    [Fact]
    public void Describe_counts_each_class_and_a_broken_folder_comes_back_with_its_problem()
    {
        _tmp.Png("sets/parts/widget/train/good/a.png");
        _tmp.Png("sets/parts/widget/train/good/b.png");
        _tmp.Png("sets/parts/widget/test/good/c.png");
        _tmp.Png("sets/parts/widget/test/scratch/d.png");
        _tmp.Png("sets/parts/widget/test/dent/e.png");
        _tmp.Mask("sets/parts/widget/ground_truth/scratch/d_mask.png");
        _tmp.Mask("sets/parts/widget/ground_truth/dent/e_mask.png");
        _tmp.Text("sets/broken/split_csv/1cls.csv", "");

        var parts = DatasetCatalog.Describe(_tmp.PathOf("sets/parts"));
        var broken = DatasetCatalog.Describe(_tmp.PathOf("sets/broken"), "broken-set");

        Assert.Equal(("parts", MvtecLoader.FormatName, null), (parts.Name, parts.Format, parts.Problem));
        var widget = Assert.Single(parts.Classes);
        Assert.Equal(("widget", 2, 1, 2), (widget.Name, widget.Train, widget.TestGood, widget.TestDefective));
        Assert.Equal(["dent", "scratch"], widget.DefectTypes);
        Assert.Equal(_tmp.PathOf("sets/parts/widget/train/good/a.png"), widget.Thumbnail);
        Assert.Equal((2, 3, 2), (parts.TrainImages, parts.TestImages, parts.DefectiveImages));
        Assert.Equal(("broken-set", VisaLoader.FormatName), (broken.Name, broken.Format));
        Assert.Empty(broken.Classes);
        Assert.Contains("empty", broken.Problem);
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
