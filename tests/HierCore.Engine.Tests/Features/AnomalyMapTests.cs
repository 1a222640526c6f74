using HierCore.Engine.Features;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Features;

public class AnomalyMapTests
{
    [Fact]
    public void Gaussian_kernel_matches_scipy_truncation_and_hand_values()
    {
        var k1 = AnomalyMap.GaussianKernel(1);
        Assert.Equal(9, k1.Length);                      // radius ⌊4·1 + 0.5⌋ = 4
        Assert.Equal(0.3989434, k1[4], 1e-6);            // 1 / (1 + 2·(e^-½ + e^-2 + e^-4.5 + e^-8))
        Assert.Equal(0.2419714, k1[3], 1e-6);
        Assert.Equal(33, AnomalyMap.GaussianKernel(4).Length);   // σ = 4 → radius 16
        Assert.Equal(1.0, AnomalyMap.GaussianKernel(4).Sum(), 1e-12);
    }

    [Fact]
    public void Bilinear_upsampling_uses_half_pixel_centres_and_edge_clamp()
    {
        // 1-d profile of [0, 1] upsampled ×2 with align_corners=false is [0, 0.25, 0.75, 1].
        var map = AnomalyMap.Compute([0f, 1f, 2f, 3f], cropSize: 4, sigma: 0);
        double[] r = [0, 0.25, 0.75, 1];
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 4; x++)
                Assert.Equal(2 * r[y] + r[x], map[y * 4 + x], 1e-6);
    }

    [Fact]
    public void Bilinear_upsampling_equals_torch_interpolate()
    {
        using var grid = rand(1, 1, 28, 28);
        using var expected = nn.functional.interpolate(grid, size: [224, 224], mode: InterpolationMode.Bilinear, align_corners: false);
        var map = AnomalyMap.Compute(grid.data<float>().ToArray(), cropSize: 224, sigma: 0);
        var reference = expected.data<float>().ToArray();
        for (int i = 0; i < map.Length; i++) Assert.Equal(reference[i], map[i], 1e-5);
    }

    [Fact]
    public void Constant_map_stays_constant_everywhere_including_borders()
    {
        var map = AnomalyMap.Compute(Enumerable.Repeat(2.5f, 784).ToArray());
        Assert.Equal(224 * 224, map.Length);
        Assert.All(map, v => Assert.Equal(2.5, v, 1e-5));
    }

    [Fact]
    public void Blurred_delta_is_the_normalised_kernel_outer_product_symmetric_with_unit_mass()
    {
        var delta = new float[28 * 28];
        delta[14 * 28 + 14] = 1;
        var map = AnomalyMap.Compute(delta, cropSize: 28, sigma: 1);   // same size: upsampling is the identity
        var k = AnomalyMap.GaussianKernel(1);
        for (int dy = -4; dy <= 4; dy++)
            for (int dx = -4; dx <= 4; dx++)
            {
                Assert.Equal(k[dy + 4] * k[dx + 4], map[(14 + dy) * 28 + 14 + dx], 1e-7);
                Assert.Equal(map[(14 + dy) * 28 + 14 + dx], map[(14 - dy) * 28 + 14 - dx], 7);
                Assert.Equal(map[(14 + dy) * 28 + 14 + dx], map[(14 + dx) * 28 + 14 + dy], 7);
            }
        Assert.Equal(0f, map[(14 + 5) * 28 + 14]);
        Assert.Equal(1.0, map.Sum(v => (double)v), 1e-6);
    }

    [Fact]
    public void Border_uses_scipy_reflect_which_repeats_the_edge_sample()
    {
        // Delta on the top edge. scipy 'reflect' maps row −1 to row 0, so row 0 gets k[0] + k[1]
        // ('constant' or torch-style 'mirror' would give k[0] alone) and the column mass stays 1.
        var delta = new float[16 * 16];
        delta[0 * 16 + 8] = 1;
        var map = AnomalyMap.Compute(delta, cropSize: 16, sigma: 1);
        var k = AnomalyMap.GaussianKernel(1);
        Assert.Equal((k[4] + k[3]) * k[4], map[0 * 16 + 8], 1e-7);
        Assert.Equal((k[3] + k[2]) * k[4], map[1 * 16 + 8], 1e-7);
        Assert.Equal(1.0, map.Sum(v => (double)v), 1e-6);
    }

    [Fact]
    public void Batched_tensor_input_gives_one_map_per_image()
    {
        using var scores = stack([zeros(28, 28), ones(28, 28) * 3]);
        var maps = AnomalyMap.Compute(scores);
        Assert.Equal(2, maps.Length);
        Assert.All(maps[0], v => Assert.Equal(0f, v));
        Assert.All(maps[1], v => Assert.Equal(3.0, v, 1e-5));
    }

    [Fact]
    public void Non_square_score_vectors_are_rejected_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => AnomalyMap.Compute(new float[783]));
        Assert.Contains("783", e.Message);
    }
}
