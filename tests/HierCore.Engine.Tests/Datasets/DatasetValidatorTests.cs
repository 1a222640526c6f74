using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;

namespace HierCore.Engine.Tests.Datasets;

public sealed class DatasetValidatorTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private AnomalyDataset Fixture()
    {
        _tmp.Png("c/train/good/000.png");
        _tmp.Png("c/test/good/000.png");
        _tmp.Png("c/test/dent/000.png");
        _tmp.Mask("c/ground_truth/dent/000_mask.png");
        return MvtecLoader.Load(_tmp.Root);
    }

    [Fact]
    public void A_sound_dataset_passes_both_checks()
    {
        var ds = Fixture();
        DatasetValidator.Verify(ds, decodeAll: false);
        DatasetValidator.Verify(ds, decodeAll: true);
    }

    [Fact]
    public void Reports_every_bad_file_by_name()
    {
        var ds = Fixture();
        var corrupt = _tmp.Text("c/train/good/001.png", "not a png");
        var wrongMask = _tmp.Mask("c/ground_truth/dent/001_mask.png", 6, 6);
        _tmp.Png("c/test/dent/001.png");
        ds = MvtecLoader.Load(_tmp.Root);

        var ex = Assert.Throws<DatasetException>(() => DatasetValidator.Verify(ds, decodeAll: false));

        Assert.Contains("2 problem(s)", ex.Message);
        Assert.Contains(corrupt, ex.Message);
        Assert.Contains(wrongMask, ex.Message);
    }

    [Fact]
    public void Truncated_image_is_caught_only_when_decoding_all()
    {
        Fixture();
        var img = new RgbImage(64, 64);
        new Random(3).NextBytes(img.Rgb);
        var bytes = PngEncoder.Encode(img);
        var cut = _tmp.Prepare("c/train/good/002.png");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var ds = MvtecLoader.Load(_tmp.Root);

        DatasetValidator.Verify(ds, decodeAll: false);
        Assert.Contains(cut, Assert.Throws<DatasetException>(() => DatasetValidator.Verify(ds, decodeAll: true)).Message);
    }
}
