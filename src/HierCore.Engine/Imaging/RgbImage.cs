namespace HierCore.Engine.Imaging;

/// <summary>An 8-bit RGB image, row-major HWC (3 bytes per pixel, no padding).</summary>
public sealed record RgbImage(int Width, int Height, byte[] Rgb)
{
    public RgbImage(int width, int height) : this(width, height, new byte[checked(width * height * 3)]) { }

    /// <summary>Offset of pixel (x, y)'s red byte in <see cref="Rgb"/>.</summary>
    public int IndexOf(int x, int y) => (y * Width + x) * 3;
}
