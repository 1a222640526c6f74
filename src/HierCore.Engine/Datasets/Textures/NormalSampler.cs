using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>Cuts normal ("good") images: a random window of the split's band, resampled, mirrored, with sensor-like noise.</summary>
internal static class NormalSampler
{
    /// <summary>Noise after resampling hides the leftover palette quantization steps (σ in 8-bit units).</summary>
    public const double NoiseSigma = 1.5;

    public static (RgbImage Image, CropRecord Crop) Sample(TextureLibrary library, ClassSource cls, bool test, SplitMix64 rng)
    {
        var photo = cls.Photos[rng.NextInt(cls.Photos.Count)];
        var region = test ? photo.TestRegion : photo.TrainRegion;
        var s = cls.CropSize;
        var crop = new PixelRect(region.X + rng.NextInt(region.Width - s + 1), region.Y + rng.NextInt(region.Height - s + 1), s, s);
        var flipH = cls.Definition.AllowFlips && rng.NextBool();
        var flipV = cls.Definition.AllowFlips && rng.NextBool();
        var image = Resampler.Resample(photo.Pixels, crop, library.ImageSize, library.ImageSize);
        image = Flip(image, flipH, flipV);
        AddNoise(image, null, rng);
        Round(image);
        return (image, new CropRecord(photo.Entry, crop, flipH, flipV));
    }

    public static RgbImage Flip(RgbImage src, bool flipH, bool flipV)
    {
        if (!flipH && !flipV) return src;
        var dst = new RgbImage(src.Width, src.Height);
        for (var y = 0; y < src.Height; y++)
        for (var x = 0; x < src.Width; x++)
        {
            var i = src.Index(flipH ? src.Width - 1 - x : x, flipV ? src.Height - 1 - y : y);
            var o = dst.Index(x, y);
            dst.Data[o] = src.Data[i]; dst.Data[o + 1] = src.Data[i + 1]; dst.Data[o + 2] = src.Data[i + 2];
        }
        return dst;
    }

    /// <summary>Adds noise to every pixel, or only where <paramref name="mask"/> is set.</summary>
    public static void AddNoise(RgbImage image, bool[]? mask, SplitMix64 rng)
    {
        for (var p = 0; p < image.Width * image.Height; p++)
        {
            if (mask is not null && !mask[p]) continue;
            for (var c = 0; c < 3; c++) image.Data[p * 3 + c] += (float)(NoiseSigma * rng.NextGaussianish());
        }
    }

    /// <summary>Rounds in place so the float image equals the bytes that will be written.</summary>
    public static void Round(RgbImage image)
    {
        for (var i = 0; i < image.Data.Length; i++) image.Data[i] = RgbImage.Quantize(image.Data[i]);
    }
}
