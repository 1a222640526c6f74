using System.Security.Cryptography;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>One image to make: class, split ("train"/"test"), defect type ("good" or a defect) and index.</summary>
internal sealed record SampleJob(ClassSource Class, string Split, string DefectType, int Index)
{
    public string RelativeImagePath => $"{Class.Name}/{Split}/{DefectType}/{Index:D3}.png";
    public string RelativeMaskPath => $"{Class.Name}/ground_truth/{DefectType}/{Index:D3}_mask.png";
    public bool IsDefect => DefectType != "good";
}

/// <summary>Makes one image (and mask) from its own random stream, and writes it.</summary>
internal static class TextureSampleFactory
{
    public static SplitMix64 StreamFor(int seed, SampleJob job) => SplitMix64.ForKey(seed, job.RelativeImagePath);

    /// <summary>The normal image a job starts from, the finished image and (for defects) the defect.</summary>
    public static (RgbImage Base, RgbImage Image, CropRecord Crop, DefectResult? Defect) Make(TextureLibrary library, SampleJob job, int seed)
    {
        var rng = StreamFor(seed, job);
        var (normal, crop) = NormalSampler.Sample(library, job.Class, job.Split == "test", rng);
        if (!job.IsDefect) return (normal, normal, crop, null);
        var defect = DefectSynthesizer.Create(library, job.Class, job.DefectType, normal, rng);
        return (normal, defect.Image, crop, defect);
    }

    public static ManifestImage Write(TextureLibrary library, SampleJob job, int seed, string root)
    {
        var (_, image, crop, defect) = Make(library, job, seed);
        var png = TextureCodec.EncodeRgbPng(image.ToBytes(), image.Width, image.Height);
        var imageSha = Save(root, job.RelativeImagePath, png);
        if (defect is null)
            return new ManifestImage(job.RelativeImagePath, null, job.Class.Name, job.Split, job.DefectType, crop, null, imageSha, null);

        var maskBytes = new byte[defect.Mask.Length];
        for (var p = 0; p < maskBytes.Length; p++) maskBytes[p] = defect.Mask[p] ? (byte)255 : (byte)0;
        var maskSha = Save(root, job.RelativeMaskPath, TextureCodec.EncodeGrayPng(maskBytes, image.Width, image.Height));
        return new ManifestImage(job.RelativeImagePath, job.RelativeMaskPath, job.Class.Name, job.Split, job.DefectType, crop, defect, imageSha, maskSha);
    }

    private static string Save(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
