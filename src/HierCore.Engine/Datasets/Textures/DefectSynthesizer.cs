using HierCore.Engine.Contracts;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// Draws defects until one passes the validity rule of DATA-FORMATS.md §7.3, measured on the final 8-bit pixels:
/// mask coverage in [0.1 %, 25 %] and mean absolute change inside the mask ≥ 8/255 (a same-texture
/// patch can be invisible, and an invisible "defect" would be label noise).
/// </summary>
internal static class DefectSynthesizer
{
    public static readonly IReadOnlyList<string> DefectTypes = ["stain", "scratch", "patch", "foreign"];

    public const double MinCoverage = 0.001;
    public const double MaxCoverage = 0.25;
    public const double MinMeanAbsChange = 8.0; // in 8-bit units
    public const int MaxAttempts = 200;

    public static DefectResult Create(TextureLibrary library, ClassSource cls, string defectType, RgbImage baseImage, SplitMix64 rng)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var draw = defectType switch
            {
                "stain" => StainDefect.Draw(library, baseImage, rng),
                "scratch" => ScratchDefect.Draw(baseImage, rng),
                "patch" => PatchDefect.Draw(baseImage, rng),
                "foreign" => ForeignDefect.Draw(library, cls, baseImage, rng),
                _ => throw new ArgumentException($"Unknown defect type '{defectType}'.", nameof(defectType)),
            };
            if (draw is null) continue;
            // The pasted content gets the same sensor noise as its surroundings, then everything is rounded.
            NormalSampler.AddNoise(draw.Image, draw.Mask, rng);
            NormalSampler.Round(draw.Image);
            var (coverage, change) = Measure(baseImage, draw.Image, draw.Mask);
            if (IsValid(coverage, change))
                return new DefectResult(draw.Image, draw.Mask, draw.Parameters, attempt, coverage, change);
        }
        throw new DatasetException($"Texture class '{cls.Name}': no valid '{defectType}' defect after {MaxAttempts} attempts " +
                                   "(coverage must lie in [0.1 %, 25 %] and the mean change inside the mask be ≥ 8/255).");
    }

    public static bool IsValid(double coverage, double meanAbsChange) =>
        coverage is >= MinCoverage and <= MaxCoverage && meanAbsChange >= MinMeanAbsChange;

    /// <summary>Mask coverage (fraction of pixels) and mean |Δ| over masked pixels and the three channels.</summary>
    public static (double Coverage, double MeanAbsChange) Measure(RgbImage before, RgbImage after, bool[] mask)
    {
        long count = 0;
        double sum = 0;
        for (var p = 0; p < mask.Length; p++)
        {
            if (!mask[p]) continue;
            count++;
            for (var c = 0; c < 3; c++) sum += Math.Abs(after.Data[p * 3 + c] - before.Data[p * 3 + c]);
        }
        return ((double)count / mask.Length, count == 0 ? 0 : sum / (3.0 * count));
    }
}
