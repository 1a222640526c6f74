using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// What to generate. The default counts (DATA-FORMATS.md §7.2: 150 train, 20 test-good, 4 × 10 defects
/// per class) keep a full sweep over them near 20 minutes on 2 cores.
/// </summary>
/// <param name="Source">The ufoai-textures .deb, its extracted folder, or 0textures.pk3.</param>
/// <param name="OutputDirectory">Dataset root to create (MVTec AD layout).</param>
public sealed record TexturesOptions(
    string Source,
    string OutputDirectory,
    int Seed = 0,
    int TrainPerClass = 150,
    int TestGoodPerClass = 20,
    int DefectsPerType = 10,
    int ImageSize = 256)
{
    /// <summary>Class table and stain photos; tests swap in a synthetic archive's table.</summary>
    public TextureCatalog Catalog { get; init; } = TextureCatalog.Default;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            throw new DatasetException("TexturesOptions.OutputDirectory is empty.");
        if (TrainPerClass < 1) throw new DatasetException($"TexturesOptions.TrainPerClass must be ≥ 1 (got {TrainPerClass}).");
        if (TestGoodPerClass < 1) throw new DatasetException($"TexturesOptions.TestGoodPerClass must be ≥ 1 (got {TestGoodPerClass}).");
        if (DefectsPerType < 1) throw new DatasetException($"TexturesOptions.DefectsPerType must be ≥ 1 (got {DefectsPerType}).");
        if (ImageSize is < 32 or > 2048) throw new DatasetException($"TexturesOptions.ImageSize must lie in [32, 2048] (got {ImageSize}).");
        Catalog.Validate();
    }
}

/// <summary>What <see cref="TexturesGenerator.Generate"/> wrote.</summary>
public sealed record TexturesReport(
    string OutputDirectory,
    IReadOnlyList<string> Classes,
    int ImageCount,
    string ManifestSha256,
    TimeSpan Elapsed);
