using HierCore.Engine.Datasets.Textures;
using HierCore.Tests.Shared;

namespace HierCore.Engine.Tests.Datasets.Textures;

/// <summary>Runs on the real ufoai-textures package (installed, $HIERCORE_UFOAI_TEXTURES, or a .deb here); see TexturesFact.</summary>
public sealed class RealTexturesPackageTests
{
    [TexturesFact]
    public void The_default_catalog_generates_from_the_real_package()
    {
        var source = TexturesSource.Locate();
        Assert.True(source is not null, "ufoai-textures is missing; CI installs it (.ci/run).");

        var output = Path.Combine(Path.GetTempPath(), $"hiercore-real-textures-{Guid.NewGuid():N}");
        try
        {
            var report = TexturesGenerator.Generate(new TexturesOptions(source!, output, Seed: 1, TrainPerClass: 1, TestGoodPerClass: 1, DefectsPerType: 1));
            Assert.Equal(TextureCatalog.Default.Classes.Select(c => c.Name), report.Classes);
            Assert.Equal(8 * 6, report.ImageCount);
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
