using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Pixel anomaly map (METHOD.md §3.4): the patch-score grid bilinearly upsampled to the crop size
/// (align_corners = false, as torch's F.interpolate in PatchCore), then a Gaussian blur with σ = 4 done
/// exactly as scipy.ndimage.gaussian_filter (truncate = 4 → radius ⌊4σ + 0.5⌋, mode 'reflect'), which is
/// what patchcore-inspection calls. Managed code keeps the result bit-stable across devices.
/// </summary>
public static class AnomalyMap
{
    public const double DefaultSigma = 4;
    public const double Truncate = 4;

    /// <summary>patchScores [B, h, w] (or [h, w]) → one crop×crop map (row-major) per image.</summary>
    public static float[][] Compute(Tensor patchScores, int cropSize = 224, double sigma = DefaultSigma)
    {
        ArgumentNullException.ThrowIfNull(patchScores);
        using var scope = NewDisposeScope();
        var grid = patchScores.dim() switch
        {
            2 => patchScores.unsqueeze(0),
            3 => patchScores,
            _ => throw new ArgumentException($"AnomalyMap: patch scores must be [B,h,w] or [h,w], got [{string.Join(",", patchScores.shape)}].", nameof(patchScores)),
        };
        int batch = (int)grid.shape[0], height = (int)grid.shape[1], width = (int)grid.shape[2];
        var all = grid.detach().to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        var maps = new float[batch][];
        Parallel.For(0, batch, b =>
            maps[b] = Compute(all.AsSpan(b * height * width, height * width), height, width, cropSize, sigma));
        return maps;
    }

    /// <summary>A square patch-score grid (e.g. 784 = 28×28 values, row-major) → crop×crop map.</summary>
    public static float[] Compute(float[] patchScores, int cropSize = 224, double sigma = DefaultSigma)
    {
        ArgumentNullException.ThrowIfNull(patchScores);
        int side = (int)Math.Round(Math.Sqrt(patchScores.Length));
        if (side * side != patchScores.Length || side == 0)
            throw new ArgumentException($"AnomalyMap: {patchScores.Length} patch scores do not form a square grid (expected e.g. 784 = 28×28).", nameof(patchScores));
        return Compute(patchScores, side, side, cropSize, sigma);
    }

    private static float[] Compute(ReadOnlySpan<float> grid, int height, int width, int cropSize, double sigma)
    {
        if (cropSize <= 0) throw new ArgumentOutOfRangeException(nameof(cropSize), cropSize, "AnomalyMap: crop size must be positive.");
        if (sigma < 0 || double.IsNaN(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "AnomalyMap: sigma must be ≥ 0 (0 = no blur).");
        var upsampled = BilinearResize(grid, height, width, cropSize, cropSize);
        return sigma == 0 ? upsampled : GaussianBlur(upsampled, cropSize, cropSize, sigma);
    }

    /// <summary>Bilinear resize with torch's align_corners = false convention (half-pixel centres, edge clamp).</summary>
    internal static float[] BilinearResize(ReadOnlySpan<float> source, int inHeight, int inWidth, int outHeight, int outWidth)
    {
        var (y0, y1, wy) = SourceTaps(inHeight, outHeight);
        var (x0, x1, wx) = SourceTaps(inWidth, outWidth);
        var result = new float[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++)
        {
            int row0 = y0[y] * inWidth, row1 = y1[y] * inWidth;
            double fy = wy[y];
            for (int x = 0; x < outWidth; x++)
            {
                double fx = wx[x];
                double top = (1 - fx) * source[row0 + x0[x]] + fx * source[row0 + x1[x]];
                double bottom = (1 - fx) * source[row1 + x0[x]] + fx * source[row1 + x1[x]];
                result[y * outWidth + x] = (float)((1 - fy) * top + fy * bottom);
            }
        }
        return result;
    }

    private static (int[] Lower, int[] Upper, double[] Weight) SourceTaps(int inSize, int outSize)
    {
        var lower = new int[outSize];
        var upper = new int[outSize];
        var weight = new double[outSize];
        double scale = (double)inSize / outSize;
        for (int i = 0; i < outSize; i++)
        {
            double src = Math.Max((i + 0.5) * scale - 0.5, 0);
            int i0 = Math.Min((int)src, inSize - 1);
            lower[i] = i0;
            upper[i] = Math.Min(i0 + 1, inSize - 1);
            weight[i] = src - i0;
        }
        return (lower, upper, weight);
    }

    /// <summary>scipy's 1-d Gaussian: x ∈ [−r, r], r = ⌊truncate·σ + 0.5⌋, weights exp(−x²/2σ²) normalised to sum 1.</summary>
    public static double[] GaussianKernel(double sigma, double truncate = Truncate)
    {
        int radius = (int)(truncate * sigma + 0.5);
        var kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++)
            sum += kernel[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
        for (int i = 0; i < kernel.Length; i++) kernel[i] /= sum;
        return kernel;
    }

    /// <summary>Separable Gaussian blur, rows then columns, scipy 'reflect' boundary (d c b a | a b c d | d c b a).</summary>
    internal static float[] GaussianBlur(float[] image, int height, int width, double sigma)
    {
        var kernel = GaussianKernel(sigma);
        int radius = kernel.Length / 2;
        // scipy filters axis 0 first, then axis 1; the order only matters at float rounding level.
        var columnTaps = ReflectedIndices(height, radius);
        var rowTaps = ReflectedIndices(width, radius);
        var vertical = new double[height * width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double acc = 0;
                for (int k = 0; k < kernel.Length; k++) acc += kernel[k] * image[columnTaps[y + k] * width + x];
                vertical[y * width + x] = acc;
            }
        var result = new float[height * width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double acc = 0;
                for (int k = 0; k < kernel.Length; k++) acc += kernel[k] * vertical[y * width + rowTaps[x + k]];
                result[y * width + x] = (float)acc;
            }
        return result;
    }

    /// <summary>taps[i + k] = source index of position i − radius + k under half-sample symmetric reflection.</summary>
    private static int[] ReflectedIndices(int size, int radius)
    {
        var taps = new int[size + 2 * radius];
        int period = 2 * size;
        for (int i = 0; i < taps.Length; i++)
        {
            int m = ((i - radius) % period + period) % period;
            taps[i] = m < size ? m : period - 1 - m;
        }
        return taps;
    }
}
