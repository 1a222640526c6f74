namespace HierCore.Engine.Rendering;

/// <summary>
/// matplotlib's viridis colormap, linearly interpolated between its 11 tenth-stops. Perceptually uniform
/// and readable in greyscale, unlike jet, so equal score steps look like equal colour steps.
/// </summary>
public static class Viridis
{
    private static readonly (byte R, byte G, byte B)[] Stops =
    [
        (0x44, 0x01, 0x54), (0x48, 0x24, 0x75), (0x41, 0x44, 0x87), (0x35, 0x5f, 0x8d),
        (0x2a, 0x78, 0x8e), (0x21, 0x91, 0x8c), (0x22, 0xa8, 0x84), (0x44, 0xbf, 0x70),
        (0x7a, 0xd1, 0x51), (0xbd, 0xdf, 0x26), (0xfd, 0xe7, 0x25),
    ];

    /// <summary>Colour of t ∈ [0, 1] (clamped; NaN maps to 0).</summary>
    public static (byte R, byte G, byte B) At(double t)
    {
        if (double.IsNaN(t) || t < 0) t = 0;
        if (t > 1) t = 1;
        double position = t * (Stops.Length - 1);
        int lower = Math.Min((int)position, Stops.Length - 2);
        double f = position - lower;
        var (a, b) = (Stops[lower], Stops[lower + 1]);
        return (Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
    }

    private static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
