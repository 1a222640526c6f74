namespace HierCore.Engine.Tests.Features;

/// <summary>
/// Deliberately naive re-implementations of the torch operations the embedders use, written from their
/// definitions, so tests can compare the TorchSharp pipeline with an independent computation.
/// Grids are [C][H][W] in nested arrays.
/// </summary>
internal static class ManagedReference
{
    /// <summary>torch adaptive_avg_pool1d: window i = [⌊i·L/n⌋, ⌈(i+1)·L/n⌉).</summary>
    public static double[] AdaptiveAveragePool(IReadOnlyList<double> values, int n)
    {
        int length = values.Count;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            int start = (int)Math.Floor((double)i * length / n);
            int end = (int)Math.Ceiling((double)(i + 1) * length / n);
            double sum = 0;
            for (int j = start; j < end; j++) sum += values[j];
            result[i] = sum / (end - start);
        }
        return result;
    }

    /// <summary>Bilinear, align_corners=false, one channel.</summary>
    public static double[,] Bilinear(double[,] grid, int outH, int outW)
    {
        int inH = grid.GetLength(0), inW = grid.GetLength(1);
        var result = new double[outH, outW];
        for (int y = 0; y < outH; y++)
            for (int x = 0; x < outW; x++)
            {
                double sy = Math.Max((y + 0.5) * inH / outH - 0.5, 0), sx = Math.Max((x + 0.5) * inW / outW - 0.5, 0);
                int y0 = (int)sy, x0 = (int)sx;
                int y1 = Math.Min(y0 + 1, inH - 1), x1 = Math.Min(x0 + 1, inW - 1);
                double fy = sy - y0, fx = sx - x0;
                result[y, x] = (1 - fy) * ((1 - fx) * grid[y0, x0] + fx * grid[y0, x1])
                             + fy * ((1 - fx) * grid[y1, x0] + fx * grid[y1, x1]);
            }
        return result;
    }

    /// <summary>Value of the zero-padded grid at (y, x).</summary>
    public static double At(double[,] grid, int y, int x) =>
        y < 0 || x < 0 || y >= grid.GetLength(0) || x >= grid.GetLength(1) ? 0 : grid[y, x];

    /// <summary>Unfold 3×3, padding 1: channel c·9 + ky·3 + kx of cell (y, x) is grid_c[y+ky−1, x+kx−1].</summary>
    public static double[][,] Unfold3x3(double[][,] channels)
    {
        int h = channels[0].GetLength(0), w = channels[0].GetLength(1);
        var result = new double[channels.Length * 9][,];
        for (int c = 0; c < channels.Length; c++)
            for (int k = 0; k < 9; k++)
            {
                var plane = new double[h, w];
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                        plane[y, x] = At(channels[c], y + k / 3 - 1, x + k % 3 - 1);
                result[c * 9 + k] = plane;
            }
        return result;
    }

    /// <summary>Official PatchCore embedding of one image, from the definitions (patchcore-inspection _embed).</summary>
    public static double[][] Pooled(double[][,] layer2, double[][,] layer3, int dim)
    {
        int h = layer2[0].GetLength(0), w = layer2[0].GetLength(1);
        var patches2 = Unfold3x3(layer2);
        var patches3 = Unfold3x3(layer3).Select(p => Bilinear(p, h, w)).ToArray();
        var rows = new double[h * w][];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var pooled2 = AdaptiveAveragePool(patches2.Select(p => p[y, x]).ToArray(), dim);
                var pooled3 = AdaptiveAveragePool(patches3.Select(p => p[y, x]).ToArray(), dim);
                rows[y * w + x] = AdaptiveAveragePool([.. pooled2, .. pooled3], dim);
            }
        return rows;
    }

    public static double[][,] RandomGrid(Random random, int channels, int h, int w) =>
        Enumerable.Range(0, channels).Select(_ =>
        {
            var plane = new double[h, w];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    plane[y, x] = Math.Round(random.NextDouble() * 4, 3);
            return plane;
        }).ToArray();

    /// <summary>[C][H,W] → a [1, C, H, W] float tensor.</summary>
    public static TorchSharp.torch.Tensor ToTensor(double[][,] channels)
    {
        int h = channels[0].GetLength(0), w = channels[0].GetLength(1);
        var data = new float[channels.Length * h * w];
        for (int c = 0; c < channels.Length; c++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    data[(c * h + y) * w + x] = (float)channels[c][y, x];
        return TorchSharp.torch.tensor(data, [1, channels.Length, h, w]);
    }
}
