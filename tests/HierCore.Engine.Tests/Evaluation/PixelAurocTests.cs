using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class PixelAurocTests
{
    [Fact]
    public void Equals_the_plain_AUROC_of_the_flattened_maps()
    {
        var rng = new Random(11);
        var maps = new List<float[]>();
        var masks = new List<byte[]?>();
        var flatScores = new List<double>();
        var flatLabels = new List<bool>();
        for (int i = 0; i < 6; i++)
        {
            var map = new float[64];
            byte[]? mask = i % 3 == 0 ? null : new byte[64]; // null = normal image
            for (int j = 0; j < 64; j++)
            {
                if (mask is not null && rng.NextDouble() < 0.2) mask[j] = 255;
                map[j] = (float)Math.Round(rng.NextDouble() * 10 + (mask?[j] > 0 ? 3 : 0)); // coarse → many ties
                flatScores.Add(map[j]);
                flatLabels.Add(mask?[j] > 0);
            }
            maps.Add(map);
            masks.Add(mask);
        }
        double expected = RocAuc.Compute(flatScores.ToArray(), flatLabels.ToArray());
        Assert.Equal(expected, PixelAuroc.Compute(maps, masks), 12);
        Assert.Equal(Reference.PairCountingAuroc(flatScores, flatLabels), expected, 12);
    }

    [Fact]
    public void Hand_computed_two_images()
    {
        // Defect pixels {0.8, 0.3}; normal pixels {0.1, 0.3, 0.5, 0.2}.
        // 0.8 beats all 4; 0.3 beats 0.1 and 0.2, ties 0.3 → 2.5. AUROC = 6.5 / 8.
        List<float[]> maps = [[0.8f, 0.1f, 0.3f], [0.3f, 0.5f, 0.2f]];
        List<byte[]?> masks = [[1, 0, 1], null];
        Assert.Equal(6.5 / 8, PixelAuroc.Compute(maps, masks), 12);
    }

    [Fact]
    public void No_defect_pixel_gives_NaN()
    {
        Assert.True(double.IsNaN(PixelAuroc.Compute([[0.1f, 0.2f]], [new byte[2]])));
    }

    [Fact]
    public void A_mask_of_the_wrong_size_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => PixelAuroc.Compute([[0.1f, 0.2f]], [new byte[3]]));
        Assert.Contains("mask #0", e.Message);
    }
}
