using HierCore.Engine.Datasets.Textures;

namespace HierCore.Engine.Tests.Datasets.Textures;

/// <summary>Runs on the real ufoai-textures package when the machine has it (installed, $HIERCORE_UFOAI_TEXTURES, or a .deb here).</summary>
public sealed class RealTexturesPackageTests
{
    [Theory]
    [InlineData(TexturesSplit.Iid)]
    [InlineData(TexturesSplit.Bands)]
    public void The_default_catalog_generates_from_the_real_package(TexturesSplit split)
    {
        var source = TexturesSource.Locate();
        if (source is null)
        {
            // Skipped on a developer machine without the package; CI installs it, so there it must be found.
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "CI must have ufoai-textures installed (.ci/run installs it).");
            return;
        }

        var output = Path.Combine(Path.GetTempPath(), $"hiercore-real-textures-{Guid.NewGuid():N}");
        try
        {
            var report = TexturesGenerator.Generate(new TexturesOptions(source, output, Seed: 1) { Split = split, TrainPerClass = 1, TestGoodPerClass = 1, DefectsPerType = 1 });
            var catalog = TextureCatalog.For(split);
            Assert.Equal(catalog.Classes.Select(c => c.Name), report.Classes);
            Assert.Equal(catalog.Classes.Count * 6, report.ImageCount);
            foreach (var cls in report.Classes)
            {
                var image = TextureCodec.DecodeRgbFile(Path.Combine(output, cls, "test", "patch", "000.png"));
                Assert.Equal((256, 256), (image.Width, image.Height));
                var mask = TextureCodec.DecodeGrayFile(Path.Combine(output, cls, "ground_truth", "patch", "000_mask.png"));
                Assert.InRange(mask.Count(v => v == 255) / (double)mask.Length, 0.02 * 0.9, 0.15 * 1.1);
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
