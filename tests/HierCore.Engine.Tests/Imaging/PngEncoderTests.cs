using HierCore.Engine.Imaging;

namespace HierCore.Engine.Tests.Imaging;

public sealed class PngEncoderTests
{
    [Fact]
    public void Same_pixels_give_same_bytes_and_different_pixels_different_bytes()
    {
        var a = new RgbImage(16, 16);
        for (int i = 0; i < a.Rgb.Length; i++) a.Rgb[i] = (byte)(i * 7);
        var b = a with { Rgb = (byte[])a.Rgb.Clone() };

        Assert.Equal(PngEncoder.Encode(a), PngEncoder.Encode(b));
        b.Rgb[100] ^= 1;
        Assert.NotEqual(PngEncoder.Encode(a), PngEncoder.Encode(b));
    }

    [Fact]
    public void Output_is_a_png_file()
    {
        var bytes = PngEncoder.EncodeGray(new byte[4], 2, 2);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeGray(new byte[3], 2, 2));
    }
}
