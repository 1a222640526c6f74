namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// Separable Mitchell–Netravali (B = C = 1/3) resampling of an integral source window. The kernel is
/// widened by the downscale factor (anti-aliasing), which also mixes neighbouring palette entries so a
/// detector cannot key on the reduced palette of many sources. Only pixels inside the window are read,
/// so a crop never borrows pixels from the other split's region.
/// </summary>
internal static class Resampler
{
    private const double Support = 2.0;

    public static RgbImage Resample(RgbImage src, PixelRect window, int outWidth, int outHeight)
    {
        if (window.X < 0 || window.Y < 0 || window.Right > src.Width || window.Bottom > src.Height || window.Width <= 0 || window.Height <= 0)
            throw new ArgumentOutOfRangeException(nameof(window), $"Window {window} lies outside the {src.Width}x{src.Height} source.");
        var xTaps = Weights(window.X, window.Width, outWidth);
        var yTaps = Weights(window.Y, window.Height, outHeight);

        // Horizontal pass over the window's rows only.
        var tmp = new float[window.Height * outWidth * 3];
        for (var y = 0; y < window.Height; y++)
        {
            var row = (window.Y + y) * src.Width * 3;
            for (var x = 0; x < outWidth; x++)
            {
                var (first, w) = xTaps[x];
                float r = 0, g = 0, b = 0;
                for (var k = 0; k < w.Length; k++)
                {
                    var i = row + (first + k) * 3;
                    r += w[k] * src.Data[i];
                    g += w[k] * src.Data[i + 1];
                    b += w[k] * src.Data[i + 2];
                }
                var o = (y * outWidth + x) * 3;
                tmp[o] = r; tmp[o + 1] = g; tmp[o + 2] = b;
            }
        }

        var dst = new RgbImage(outWidth, outHeight);
        for (var y = 0; y < outHeight; y++)
        {
            var (first, w) = yTaps[y];
            for (var x = 0; x < outWidth; x++)
            {
                float r = 0, g = 0, b = 0;
                for (var k = 0; k < w.Length; k++)
                {
                    var i = ((first - window.Y + k) * outWidth + x) * 3;
                    r += w[k] * tmp[i];
                    g += w[k] * tmp[i + 1];
                    b += w[k] * tmp[i + 2];
                }
                var o = dst.Index(x, y);
                dst.Data[o] = r; dst.Data[o + 1] = g; dst.Data[o + 2] = b;
            }
        }
        return dst;
    }

    /// <summary>Per output sample: first source index and normalized weights, clamped inside [start, start+length).</summary>
    private static (int First, float[] W)[] Weights(int start, int length, int outLength)
    {
        var scale = (double)length / outLength;
        var filterScale = Math.Max(1.0, scale);
        var radius = Support * filterScale;
        var taps = new (int, float[])[outLength];
        for (var i = 0; i < outLength; i++)
        {
            var centre = start + (i + 0.5) * scale - 0.5;
            var lo = (int)Math.Floor(centre - radius) + 1;
            var hi = (int)Math.Floor(centre + radius);
            var raw = new double[hi - lo + 1];
            double sum = 0;
            for (var j = lo; j <= hi; j++)
            {
                var w = Mitchell((j - centre) / filterScale);
                raw[j - lo] = w;
                sum += w;
            }
            // Fold taps outside the window onto its edge pixels (clamp-to-edge inside the window).
            var first = Math.Max(lo, start);
            var last = Math.Min(hi, start + length - 1);
            var weights = new float[last - first + 1];
            for (var j = lo; j <= hi; j++)
                weights[Math.Clamp(j, first, last) - first] += (float)(raw[j - lo] / sum);
            taps[i] = (first, weights);
        }
        return taps;
    }

    internal static double Mitchell(double x)
    {
        const double b = 1.0 / 3, c = 1.0 / 3;
        x = Math.Abs(x);
        if (x < 1)
            return ((12 - 9 * b - 6 * c) * x * x * x + (-18 + 12 * b + 6 * c) * x * x + (6 - 2 * b)) / 6;
        if (x < 2)
            return ((-b - 6 * c) * x * x * x + (6 * b + 30 * c) * x * x + (-12 * b - 48 * c) * x + (8 * b + 24 * c)) / 6;
        return 0;
    }
}
