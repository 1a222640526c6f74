using HierCore.Engine.Imaging;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>A rendered demo image: its defect-free version, the final image, and for defects the exact mask.</summary>
internal sealed record DemoSample(RgbImage Clean, RgbImage Image, byte[]? Mask, DefectRecord? Defect);

/// <summary>What was drawn, for the manifest: parameters and the two validity measures.</summary>
internal sealed record DefectRecord(string Kind, IReadOnlyDictionary<string, double> Parameters, double Coverage, double MeanAbsChange, int Attempts);

/// <summary>Rasterises scenes with sensor noise and paints defects; all randomness flows from one image seed.</summary>
internal static class DemoRenderer
{
    public const double MinCoverage = 0.001, MaxCoverage = 0.25, MinMeanAbsChange = 8.0 / 255;
    private const double NoiseAmplitude = 6;
    private const int MaxAttempts = 50;

    public static DemoSample Render(DemoClass cls, ulong imageSeed, string? defectKind, int size)
    {
        var rng = new SplitMix64(imageSeed);
        var scene = cls.Sample(rng);
        ulong noiseSeed = rng.NextUInt64();
        var clean = new RgbImage(size, size);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                Put(clean, x, y, scene.Colour(ToCanvas(x, size), ToCanvas(y, size)), noiseSeed);
        if (defectKind is null) return new DemoSample(clean, clean, null, null);

        // Redraw until the defect is valid (DATA-FORMATS.md §7.3): 0.1-25 % of the image, mean change >= 8/255.
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var defect = Defect.Sample(defectKind, scene, cls.Severity, rng);
            var (image, mask, coverage, change) = Apply(clean, scene, defect, noiseSeed);
            if (coverage >= MinCoverage && coverage <= MaxCoverage && change >= MinMeanAbsChange)
                return new DemoSample(clean, image, mask, new DefectRecord(defectKind, defect.Parameters, coverage, change, attempt));
        }
        throw new InvalidOperationException($"Demo class '{cls.Name}': no valid '{defectKind}' defect in {MaxAttempts} draws at size {size}.");
    }

    private static (RgbImage Image, byte[] Mask, double Coverage, double MeanAbsChange) Apply(
        RgbImage clean, DemoScene scene, Defect defect, ulong noiseSeed)
    {
        int size = clean.Width;
        var image = clean with { Rgb = (byte[])clean.Rgb.Clone() };
        var (u0, v0, u1, v1) = defect.Bounds;
        int x0 = Math.Max(0, ToPixel(u0, size)), x1 = Math.Min(size - 1, ToPixel(u1, size));
        int y0 = Math.Max(0, ToPixel(v0, size)), y1 = Math.Min(size - 1, ToPixel(v1, size));
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
            {
                double u = ToCanvas(x, size), v = ToCanvas(y, size);
                if (defect.Covers(u, v)) Put(image, x, y, defect.Paint(u, v, scene.Colour(u, v)), noiseSeed);
            }
        // The mask is where the pixels changed, so it is exact by construction; Defect.Visible makes it the
        // whole painted region in practice.
        var mask = new byte[size * size];
        long changed = 0, changeSum = 0;
        for (int p = 0; p < mask.Length; p++)
        {
            int i = p * 3;
            int d = Math.Abs(image.Rgb[i] - clean.Rgb[i]) + Math.Abs(image.Rgb[i + 1] - clean.Rgb[i + 1]) + Math.Abs(image.Rgb[i + 2] - clean.Rgb[i + 2]);
            if (d == 0) continue;
            mask[p] = 255;
            changed++;
            changeSum += d;
        }
        double coverage = (double)changed / mask.Length;
        double meanChange = changed == 0 ? 0 : changeSum / (3.0 * 255 * changed);
        return (image, mask, coverage, meanChange);
    }

    private static double ToCanvas(int pixel, int size) => (pixel + 0.5) * DemoScene.Canvas / size;

    private static int ToPixel(double canvas, int size) => (int)Math.Floor(canvas * size / DemoScene.Canvas);

    /// <summary>Adds per-pixel sensor noise (a hash of the pixel, identical in clean and defective renders) and quantises.</summary>
    private static void Put(RgbImage img, int x, int y, Rgb c, ulong noiseSeed)
    {
        ulong h = SplitMix64.Hash(noiseSeed, x, y);
        double n1 = (h & 0xFFFF) / 65535.0, n2 = ((h >> 16) & 0xFFFF) / 65535.0;
        double luma = NoiseAmplitude * (n1 + n2 - 1);               // triangular, sensor-like
        double chroma = ((h >> 32) & 0xFFFF) / 65535.0 * 4 - 2;
        int i = img.IndexOf(x, y);
        img.Rgb[i] = Quantise(c.R + luma + chroma);
        img.Rgb[i + 1] = Quantise(c.G + luma);
        img.Rgb[i + 2] = Quantise(c.B + luma - chroma);
    }

    private static byte Quantise(double v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)Math.Round(v);
}
