using HierCore.Engine.Features;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Features;

public class PatchEmbedderTests
{
    private static float[] Embed(PatchEmbedder embedder, Tensor layer2, Tensor layer3)
    {
        using var rows = embedder.Embed(layer2, layer3);
        return rows.data<float>().ToArray();
    }

    [Fact]
    public void Concat_spreads_a_hot_pixel_over_exactly_its_3x3_neighbourhood_with_one_ninth()
    {
        var l2 = new float[5 * 5];
        l2[2 * 5 + 2] = 1;
        using var layer2 = tensor(l2, [1, 1, 5, 5]);
        using var layer3 = zeros(1, 1, 3, 3);
        var rows = Embed(new ConcatEmbedder(1, 1), layer2, layer3);
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 5; x++)
            {
                float expected = Math.Abs(y - 2) <= 1 && Math.Abs(x - 2) <= 1 ? 1f / 9 : 0f;
                Assert.Equal(expected, rows[(y * 5 + x) * 2], 6);
            }
    }

    [Fact]
    public void Concat_counts_zero_padding_so_a_constant_map_is_damped_at_borders()
    {
        using var layer2 = full(1, 1, 4, 4, 9f);
        using var layer3 = zeros(1, 1, 2, 2);
        var rows = Embed(new ConcatEmbedder(1, 1), layer2, layer3);
        Assert.Equal(9f, rows[(1 * 4 + 1) * 2], 5);   // interior: all 9 slots in the image
        Assert.Equal(6f, rows[(0 * 4 + 1) * 2], 5);   // edge: 6 of 9 slots
        Assert.Equal(4f, rows[(0 * 4 + 0) * 2], 5);   // corner: 4 of 9 slots
    }

    [Fact]
    public void Concat_upsamples_pooled_layer3_bilinearly_and_appends_it_after_layer2()
    {
        var random = new Random(3);
        var grid2 = ManagedReference.RandomGrid(random, 2, 6, 6);
        var grid3 = ManagedReference.RandomGrid(random, 3, 3, 3);
        using var layer2 = ManagedReference.ToTensor(grid2);
        using var layer3 = ManagedReference.ToTensor(grid3);
        var rows = Embed(new ConcatEmbedder(2, 3), layer2, layer3);
        var pooled3 = grid3.Select(p => ManagedReference.Bilinear(Average3x3(p), 6, 6)).ToArray();
        for (int y = 0; y < 6; y++)
            for (int x = 0; x < 6; x++)
            {
                int row = (y * 6 + x) * 5;
                Assert.Equal(Average3x3(grid2[1])[y, x], rows[row + 1], 1e-4);
                for (int c = 0; c < 3; c++) Assert.Equal(pooled3[c][y, x], rows[row + 2 + c], 1e-4);
            }
    }

    [Fact]
    public void Pooled_matches_the_managed_patchcore_reference()
    {
        var random = new Random(7);
        var grid2 = ManagedReference.RandomGrid(random, 2, 4, 4);   // 2·9 = 18 values → pooled to 5
        var grid3 = ManagedReference.RandomGrid(random, 3, 2, 2);   // 3·9 = 27 values → pooled to 5
        using var layer2 = ManagedReference.ToTensor(grid2);
        using var layer3 = ManagedReference.ToTensor(grid3);
        var rows = Embed(new Pooled1024Embedder(2, 3, dim: 5), layer2, layer3);
        var expected = ManagedReference.Pooled(grid2, grid3, 5);
        for (int p = 0; p < 16; p++)
            for (int d = 0; d < 5; d++)
                Assert.Equal(expected[p][d], rows[p * 5 + d], 1e-4);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Pooled_with_an_even_dim_pools_before_upsampling_and_still_matches_the_reference(int dim)
    {
        // Even Dim takes the pooling-first path (layer3 pooled on its own grid, then upsampled): same linear map.
        var random = new Random(11);
        var grid2 = ManagedReference.RandomGrid(random, 2, 4, 4);
        var grid3 = ManagedReference.RandomGrid(random, 3, 2, 2);
        using var layer2 = ManagedReference.ToTensor(grid2);
        using var layer3 = ManagedReference.ToTensor(grid3);
        var rows = Embed(new Pooled1024Embedder(2, 3, dim: dim), layer2, layer3);
        var expected = ManagedReference.Pooled(grid2, grid3, dim);
        for (int p = 0; p < 16; p++)
            for (int d = 0; d < dim; d++)
                Assert.Equal(expected[p][d], rows[p * dim + d], 1e-4);
    }

    [Fact]
    public void Pooled_of_constant_taps_gives_the_constants_in_the_interior_halves()
    {
        using var layer2 = full(1, 2, 4, 4, 2f);
        using var layer3 = full(1, 2, 4, 4, 6f);
        var rows = Embed(new Pooled1024Embedder(2, 2, dim: 4), layer2, layer3);
        // Interior cell (1,1): every unfolded slot is inside the map; the final pool averages neighbour pairs,
        // so the first half comes from layer2 and the second from layer3.
        Assert.Equal(new[] { 2f, 2f, 6f, 6f }, rows.AsSpan((1 * 4 + 1) * 4, 4).ToArray());
    }

    [Fact]
    public void Managed_adaptive_pool_reference_is_right_on_a_hand_example()
    {
        Assert.Equal([1.5, 2.5, 4.5, 5.5], ManagedReference.AdaptiveAveragePool([1, 2, 3, 4, 5, 6], 4));
        Assert.Equal([1, 1.5, 2], ManagedReference.AdaptiveAveragePool([1, 2], 3));
    }

    [Theory]
    [InlineData("concat", 384)]
    [InlineData("pooled1024", 1024)]
    [InlineData(" Concat ", 384)]
    public void Resnet18_taps_give_784_patches_of_the_named_dimension(string name, int dim)
    {
        var embedder = PatchEmbedder.Create(name);
        Assert.Equal(dim, embedder.Dim);
        using var layer2 = rand(2, 128, 28, 28);
        using var layer3 = rand(2, 256, 14, 14);
        using var rows = embedder.Embed(layer2, layer3);
        Assert.Equal(new long[] { 2, 784, dim }, rows.shape);
    }

    [Fact]
    public void Patch_order_is_row_major_y_times_width_plus_x()
    {
        var l2 = new float[3 * 4];
        for (int i = 0; i < l2.Length; i++) l2[i] = i;
        using var layer2 = tensor(l2, [1, 1, 3, 4]);
        using var layer3 = zeros(1, 1, 3, 4);
        var embedder = new ConcatEmbedder(1, 1);
        var rows = Embed(embedder, layer2, layer3);
        // Cell (y=1, x=2) averages values {1,2,3,5,6,7,9,10,11} = 6.
        Assert.Equal(6f, rows[(1 * 4 + 2) * 2], 5);
    }

    [Fact]
    public void Unknown_names_and_wrong_channel_counts_are_clear_errors()
    {
        var e = Assert.Throws<ArgumentException>(() => PatchEmbedder.Create("wide"));
        Assert.Contains("wide", e.Message);
        Assert.Contains("pooled1024", e.Message);
        using var layer2 = zeros(1, 64, 28, 28);
        using var layer3 = zeros(1, 256, 14, 14);
        var wrong = Assert.Throws<ArgumentException>(() => PatchEmbedder.Create("concat").Embed(layer2, layer3));
        Assert.Contains("128", wrong.Message);
    }

    private static double[,] Average3x3(double[,] grid)
    {
        int h = grid.GetLength(0), w = grid.GetLength(1);
        var result = new double[h, w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double sum = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) sum += ManagedReference.At(grid, y + dy, x + dx);
                result[y, x] = sum / 9;
            }
        return result;
    }
}
