namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// Interleaved RGB image with float channels in [0, 255]. All pixel math of the generator runs here in
/// plain scalar C# (IEEE-exact), not in Skia, whose SIMD paths may round differently per CPU.
/// </summary>
internal sealed class RgbImage(int width, int height, float[] data)
{
    public RgbImage(int width, int height) : this(width, height, new float[width * height * 3]) { }

    public int Width { get; } = width;
    public int Height { get; } = height;
    public float[] Data { get; } = data.Length == width * height * 3
        ? data
        : throw new ArgumentException($"Pixel buffer holds {data.Length} floats, expected {width}x{height}x3.");

    public int Index(int x, int y) => (y * Width + x) * 3;

    public RgbImage Clone() => new(Width, Height, (float[])Data.Clone());

    /// <summary>Bilinear sample at a continuous pixel-centre coordinate, clamped to the image.</summary>
    public void Sample(double x, double y, Span<float> rgb)
    {
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
        float fx = (float)(x - x0), fy = (float)(y - y0);
        int a = Index(x0, y0), b = Index(x1, y0), c = Index(x0, y1), d = Index(x1, y1);
        for (var ch = 0; ch < 3; ch++)
        {
            var top = Data[a + ch] + (Data[b + ch] - Data[a + ch]) * fx;
            var bottom = Data[c + ch] + (Data[d + ch] - Data[c + ch]) * fx;
            rgb[ch] = top + (bottom - top) * fy;
        }
    }

    /// <summary>Rounds to 8 bits (ties to even), clamped.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Data.Length];
        for (var i = 0; i < Data.Length; i++) bytes[i] = Quantize(Data[i]);
        return bytes;
    }

    public static RgbImage FromBytes(int width, int height, byte[] rgb)
    {
        var img = new RgbImage(width, height);
        for (var i = 0; i < rgb.Length; i++) img.Data[i] = rgb[i];
        return img;
    }

    public static byte Quantize(float v) => (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
}
