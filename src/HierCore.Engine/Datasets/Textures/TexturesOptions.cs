using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>How train and test normals are drawn from the photos.</summary>
public enum TexturesSplit
{
    /// <summary>
    /// The default: train and test crops of a class are drawn from all its photos at random, non-overlapping
    /// positions, so test normals come from the same process as training normals (as in MVTec AD and VisA).
    /// </summary>
    Iid,

    /// <summary>
    /// The drift benchmark: train crops from one band of each photo, every test crop from a disjoint band,
    /// so test normals drift away from training normals.
    /// </summary>
    Bands,
}

/// <summary>
/// What to generate. Counts default per split: <c>bands</c> keeps DATA-FORMATS.md §7.2's minimum (150 train,
/// 20 test-good, 4 × 10 defects per class); <c>iid</c> needs every crop of a class to fit its photos without
/// overlap, so it defaults to 60 train, 20 test-good and 4 × 5 defects (100 crops per class).
/// </summary>
/// <param name="Source">The ufoai-textures .deb, its extracted folder, or 0textures.pk3.</param>
/// <param name="OutputDirectory">Dataset root to create (MVTec AD layout).</param>
public sealed record TexturesOptions(string Source, string OutputDirectory, int Seed = 0, int ImageSize = 256)
{
    readonly int? _train, _testGood, _defects;
    readonly TextureCatalog? _catalog;

    public TexturesSplit Split { get; init; } = TexturesSplit.Iid;

    public int TrainPerClass { get => _train ?? (Split == TexturesSplit.Bands ? 150 : 60); init => _train = value; }
    public int TestGoodPerClass { get => _testGood ?? 20; init => _testGood = value; }
    public int DefectsPerType { get => _defects ?? (Split == TexturesSplit.Bands ? 10 : 5); init => _defects = value; }

    /// <summary>Class table and stain photos (the split's own by default); tests swap in a synthetic archive's table.</summary>
    public TextureCatalog Catalog { get => _catalog ?? TextureCatalog.For(Split); init => _catalog = value; }

    /// <summary>Crops per class: train, test-good and every defect type.</summary>
    public int CropsPerClass => TrainPerClass + TestGoodPerClass + DefectsPerType * DefectSynthesizer.DefectTypes.Count;

    /// <summary>"iid" or "bands", as the CLI option and the manifest spell it.</summary>
    public static string Name(TexturesSplit split) => split == TexturesSplit.Bands ? "bands" : "iid";

    public static TexturesSplit ParseSplit(string text) => text.Trim().ToLowerInvariant() switch
    {
        "iid" => TexturesSplit.Iid,
        "bands" => TexturesSplit.Bands,
        _ => throw new DatasetException($"Unknown textures split '{text}'; use iid (the default) or bands (the drift benchmark)."),
    };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            throw new DatasetException("TexturesOptions.OutputDirectory is empty.");
        if (TrainPerClass < 1) throw new DatasetException($"TexturesOptions.TrainPerClass must be ≥ 1 (got {TrainPerClass}).");
        if (TestGoodPerClass < 1) throw new DatasetException($"TexturesOptions.TestGoodPerClass must be ≥ 1 (got {TestGoodPerClass}).");
        if (DefectsPerType < 1) throw new DatasetException($"TexturesOptions.DefectsPerType must be ≥ 1 (got {DefectsPerType}).");
        if (ImageSize is < 32 or > 2048) throw new DatasetException($"TexturesOptions.ImageSize must lie in [32, 2048] (got {ImageSize}).");
        if (!Enum.IsDefined(Split)) throw new DatasetException($"TexturesOptions.Split: unknown value {Split}.");
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
