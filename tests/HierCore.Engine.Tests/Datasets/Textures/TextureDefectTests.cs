using HierCore.Engine.Datasets.Textures;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Tests.Datasets.Textures;

public sealed class TextureDefectTests : IDisposable
{
    private readonly SyntheticTextureArchive _archive = new();
    private readonly TextureLibrary _library;

    public TextureDefectTests()
    {
        using var archive = TexturesSource.Open(_archive.Pk3Path);
        _library = TextureLibrary.Load(archive, SyntheticTextureArchive.Catalog, SyntheticTextureArchive.ImageSize);
    }

    public void Dispose() => _archive.Dispose();

    [Theory]
    [InlineData("stain")]
    [InlineData("scratch")]
    [InlineData("patch")]
    [InlineData("foreign")]
    public void A_defect_changes_pixels_only_inside_its_mask_and_visibly_so(string defect)
    {
        foreach (var cls in _library.Classes)
        for (var index = 0; index < 6; index++)
        {
            var job = new SampleJob(cls, "test", defect, index);
            var (baseImage, image, _, result) = TextureSampleFactory.Make(_library, job, seed: 11);
            Assert.NotNull(result);
            var mask = result!.Mask;
            long inside = 0;
            double change = 0;
            for (var p = 0; p < mask.Length; p++)
            for (var c = 0; c < 3; c++)
            {
                var before = RgbImage.Quantize(baseImage.Data[p * 3 + c]);
                var after = RgbImage.Quantize(image.Data[p * 3 + c]);
                if (!mask[p]) Assert.Equal(before, after);
                else { change += Math.Abs(after - before); inside++; }
            }
            var coverage = inside / 3.0 / mask.Length;
            Assert.InRange(coverage, 0.001, 0.25);
            Assert.True(change / inside >= 8, $"{cls.Name}/{defect}/{index}: mean change {change / inside:F2} < 8");
            Assert.Equal(result.MeanAbsChange, change / inside, 9);
        }
    }

    [Fact]
    public void The_written_image_and_mask_are_exactly_what_was_synthesized()
    {
        var job = new SampleJob(_library.Classes[0], "test", "stain", 1);
        var root = _archive.NewOutput("single");
        var record = TextureSampleFactory.Write(_library, job, seed: 5, root);
        var (_, image, _, defect) = TextureSampleFactory.Make(_library, job, seed: 5);

        var written = TextureCodec.DecodeRgbFile(Path.Combine(root, record.File));
        Assert.Equal(image.ToBytes(), written.ToBytes());
        var mask = TextureCodec.DecodeGrayFile(Path.Combine(root, record.MaskFile!));
        Assert.Equal(defect!.Mask.Select(m => m ? (byte)255 : (byte)0), mask);
    }

    [Fact]
    public void Normal_images_carry_no_palette_of_the_source()
    {
        // The synthetic stripes photo has few distinct colours per channel; after resampling and noise a crop must have many.
        var (image, _) = NormalSampler.Sample(_library, _library.Classes[0], test: false, new SplitMix64(1));
        var reds = image.ToBytes().Where((_, i) => i % 3 == 0).Distinct().Count();
        var sourceReds = _library.Classes[0].Photos[0].Pixels.Data.Where((_, i) => i % 3 == 0).Distinct().Count();
        Assert.True(reds > sourceReds, $"crop has {reds} red levels, source {sourceReds}");
    }

    [Theory]
    [InlineData(0.0009, 50, false)]
    [InlineData(0.001, 8, true)]
    [InlineData(0.25, 8, true)]
    [InlineData(0.2501, 50, false)]
    [InlineData(0.1, 7.99, false)]
    public void Validity_rule_follows_data_md(double coverage, double change, bool valid) =>
        Assert.Equal(valid, DefectSynthesizer.IsValid(coverage, change));

    [Fact]
    public void Measure_counts_coverage_and_mean_absolute_change_over_masked_channels()
    {
        var before = new RgbImage(2, 2);
        var after = before.Clone();
        after.Data[0] = 12; after.Data[1] = 6; after.Data[2] = 0;     // pixel 0: |Δ| = 12, 6, 0
        after.Data[9] = 100;                                          // pixel 3, outside the mask
        var (coverage, change) = DefectSynthesizer.Measure(before, after, [true, true, false, false]);
        Assert.Equal(0.5, coverage);
        Assert.Equal(18.0 / 6, change, 12);
    }
}
