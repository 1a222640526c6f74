using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;

namespace HierCore.Engine.Tests.Datasets;

public sealed class MvtecLoaderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private void WriteClass(string cls, int train = 2, int good = 1)
    {
        for (int i = 0; i < train; i++) _tmp.Png($"{cls}/train/good/{i:000}.png");
        for (int i = 0; i < good; i++) _tmp.Png($"{cls}/test/good/{i:000}.png");
    }

    [Fact]
    public void Loads_classes_in_ordinal_order_with_normals_and_defects()
    {
        WriteClass("zipper", train: 3, good: 2);
        WriteClass("Bottle");
        _tmp.Png("Bottle/test/crack/000.png");
        _tmp.Mask("Bottle/ground_truth/crack/000_mask.png");
        _tmp.Text("readme.txt", "not a class");
        Directory.CreateDirectory(_tmp.PathOf("license"));               // a folder without train/test is no class

        var ds = MvtecLoader.Load(_tmp.Root, "mine");

        Assert.Equal(["Bottle", "zipper"], ds.Classes);
        Assert.Equal(("mine", "mvtec"), (ds.Name, ds.Format));
        Assert.Equal(5, ds.Train.Count);
        Assert.All(ds.Train, s => Assert.False(s.IsAnomalous));
        var crack = Assert.Single(ds.Test, s => s.IsAnomalous);
        Assert.Equal(("Bottle", "crack", _tmp.PathOf("Bottle/ground_truth/crack/000_mask.png")), (crack.ClassName, crack.DefectType, crack.MaskPath));
        Assert.Equal(3, ds.Test.Count(s => s.DefectType == "good" && s.MaskPath is null));
        Assert.Equal("Bottle/test/crack/000", crack.Id);
    }

    [Fact]
    public void Masks_pair_by_stem_where_sorted_order_would_mismatch()
    {
        WriteClass("c");
        // Ordinal sort: images 1, 10, 2 but masks 10_mask, 1_mask, 2_mask: positional pairing would swap 1 and 10.
        foreach (var stem in new[] { "1", "2", "10" })
        {
            _tmp.Png($"c/test/hole/{stem}.png");
            _tmp.Mask($"c/ground_truth/hole/{stem}_mask.png");
        }

        var ds = MvtecLoader.Load(_tmp.Root);

        var holes = ds.Test.Where(s => s.IsAnomalous).ToList();
        Assert.Equal(3, holes.Count);
        Assert.All(holes, s => Assert.Equal(
            Path.GetFileNameWithoutExtension(s.ImagePath) + "_mask", Path.GetFileNameWithoutExtension(s.MaskPath)));
    }

    [Fact]
    public void Non_image_files_are_skipped_and_extensions_match_case_insensitively()
    {
        WriteClass("c", train: 1);
        _tmp.Png("c/train/good/UPPER.PNG");
        _tmp.Png("c/train/good/photo.JpEg");      // PNG bytes under a jpeg name: still listed, decoded later
        _tmp.Text("c/train/good/notes.txt", "hello");
        _tmp.Text("c/train/good/Thumbs.db", "x");

        var ds = MvtecLoader.Load(_tmp.Root);

        Assert.Equal(["000.png", "UPPER.PNG", "photo.JpEg"], ds.Train.Select(s => Path.GetFileName(s.ImagePath)));
    }

    [Fact]
    public void A_class_without_anomalous_test_images_is_allowed()
    {
        WriteClass("c");
        var ds = MvtecLoader.Load(_tmp.Root);
        Assert.DoesNotContain(ds.Test, s => s.IsAnomalous);
    }

    [Fact]
    public void Missing_mask_names_the_image()
    {
        WriteClass("c");
        var img = _tmp.Png("c/test/scratch/007.png");
        _tmp.Mask("c/ground_truth/scratch/008_mask.png");

        var ex = Assert.Throws<DatasetException>(() => MvtecLoader.Load(_tmp.Root));

        Assert.Contains(img, ex.Message);
        Assert.Contains("007_mask.png", ex.Message);
    }

    [Fact]
    public void Missing_train_folder_names_class_and_folder()
    {
        _tmp.Png("cable/test/good/000.png");
        var ex = Assert.Throws<DatasetException>(() => MvtecLoader.Load(_tmp.Root));
        Assert.Contains("'cable'", ex.Message);
        Assert.Contains(Path.Combine("cable", "train", "good"), ex.Message);
    }

    [Fact]
    public void Empty_train_folder_names_the_class()
    {
        Directory.CreateDirectory(_tmp.PathOf("screw/train/good"));
        _tmp.Text("screw/train/good/notes.txt", "only notes");
        _tmp.Png("screw/test/good/000.png");
        var ex = Assert.Throws<DatasetException>(() => MvtecLoader.Load(_tmp.Root));
        Assert.Contains("'screw' has no training images", ex.Message);
    }

    [Fact]
    public void Class_without_test_images_is_an_error_naming_it()
    {
        _tmp.Png("tile/train/good/000.png");
        Assert.Contains("'tile': missing folder", Assert.Throws<DatasetException>(() => MvtecLoader.Load(_tmp.Root)).Message);

        Directory.CreateDirectory(_tmp.PathOf("tile/test/good"));
        Directory.CreateDirectory(_tmp.PathOf("tile/test/crack"));
        Assert.Contains("'tile' has no test images", Assert.Throws<DatasetException>(() => MvtecLoader.Load(_tmp.Root)).Message);
    }

    [Fact]
    public void Missing_root_and_root_without_classes_are_errors_naming_the_folder()
    {
        var missing = _tmp.PathOf("absent");
        Assert.Contains(missing, Assert.Throws<DatasetException>(() => MvtecLoader.Load(missing)).Message);
        _tmp.Png("loose/000.png");
        Assert.Contains(_tmp.Root, Assert.Throws<DatasetException>(() => MvtecLoader.Load(_tmp.Root)).Message);
    }
}
