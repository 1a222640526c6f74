using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;
using HierCore.Engine.Tests.Datasets;

namespace HierCore.Engine.Tests.Imaging;

public sealed class MaskLoaderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void No_mask_gives_all_zeros() =>
        Assert.All(MaskLoader.Load(null, 10, 10, 8, 6), b => Assert.Equal(0, b));

    [Fact]
    public void Nonzero_labels_are_defect_after_nearest_resize_and_centre_crop()
    {
        // VisA-style label 7 in the top-right 2×2 corner of an 8×8 mask.
        var path = _tmp.Mask("m.png", 8, 8, value: 7, x0: 6, y0: 0, x1: 8, y1: 2);

        var mask = MaskLoader.Load(path, 8, 8, resize: 16, crop: 12);

        // Resized ×2 the corner covers x 12..15, y 0..3; the crop starts at 2, so x 10..11 and y 0..1 remain.
        var expected = new byte[144];
        foreach (var (x, y) in new[] { (10, 0), (11, 0), (10, 1), (11, 1) }) expected[y * 12 + x] = 1;
        Assert.Equal(expected, mask);
    }

    [Fact]
    public void Mask_of_another_size_names_both_files_and_sizes()
    {
        var mask = _tmp.Mask("bad_mask.png", 8, 8);
        var image = _tmp.Png("img.png", 10, 8);

        var ex = Assert.Throws<DatasetException>(() => MaskLoader.Load(mask, 10, 8, 8, 8, image));

        Assert.Contains(mask, ex.Message);
        Assert.Contains(image, ex.Message);
        Assert.Contains("8x8", ex.Message);
        Assert.Contains("10x8", ex.Message);
    }

    [Fact]
    public void Sample_overload_reads_the_image_size_and_checks_it()
    {
        var image = _tmp.Png("i.png", 12, 12);
        var mask = _tmp.Mask("i_mask.png", 8, 8);
        var sample = new ImageSample("c", Split.Test, image, mask, true, "scratch");

        Assert.Contains("12x12", Assert.Throws<DatasetException>(() => sample.LoadMask(8, 8)).Message);
    }
}
