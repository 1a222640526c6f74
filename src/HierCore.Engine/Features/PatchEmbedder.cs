using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Locally aware patch features (METHOD.md §2.3): turns the backbone's two taps into one vector per
/// layer2 grid cell. Output rows are in row-major patch order (y * W + x) of the layer2 grid.
/// </summary>
public abstract class PatchEmbedder
{
    /// <summary>The embedding names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [ConcatEmbedder.EmbeddingName, Pooled1024Embedder.EmbeddingName];

    public const string DefaultName = ConcatEmbedder.EmbeddingName;

    /// <summary>
    /// Suffix of the feature settings key for an embedding whose values changed since caches were first written
    /// ("" for the first revision), so a cache never mixes values of two revisions.
    /// </summary>
    public static string RevisionSuffix(string name) => Contracts.EmbeddingRevisions.Suffix(name);

    /// <summary>Name used in settings keys and run configurations.</summary>
    public abstract string Name { get; }

    /// <summary>Length D of each patch vector.</summary>
    public abstract int Dim { get; }

    public int Layer2Channels { get; }
    public int Layer3Channels { get; }

    protected PatchEmbedder(int layer2Channels, int layer3Channels)
    {
        if (layer2Channels <= 0) throw new ArgumentOutOfRangeException(nameof(layer2Channels), layer2Channels, "PatchEmbedder: layer2 channel count must be positive.");
        if (layer3Channels <= 0) throw new ArgumentOutOfRangeException(nameof(layer3Channels), layer3Channels, "PatchEmbedder: layer3 channel count must be positive.");
        Layer2Channels = layer2Channels;
        Layer3Channels = layer3Channels;
    }

    /// <summary>
    /// Creates an embedder by name: <c>concat</c> (default, D = C2 + C3 = 384 for ResNet18) or
    /// <c>pooled1024</c> (official PatchCore form, D = 1024). Channel counts default to ResNet18's taps.
    /// </summary>
    public static PatchEmbedder Create(string name, int layer2Channels = 128, int layer3Channels = 256)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            ConcatEmbedder.EmbeddingName => new ConcatEmbedder(layer2Channels, layer3Channels),
            Pooled1024Embedder.EmbeddingName => new Pooled1024Embedder(layer2Channels, layer3Channels),
            _ => throw new ArgumentException(
                $"PatchEmbedder: unknown embedding '{name}'. Known embeddings: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>
    /// layer2 [B, C2, H, W] and layer3 [B, C3, h, w] (float32, same device) → [B, H·W, D].
    /// The result is moved to the caller's dispose scope; intermediates are freed here.
    /// </summary>
    public Tensor Embed(Tensor layer2, Tensor layer3)
    {
        Validate(layer2, layer3);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var rows = EmbedCore(layer2, layer3);
        return rows.contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Produces [B, H·W, D] from validated taps.</summary>
    protected abstract Tensor EmbedCore(Tensor layer2, Tensor layer3);

    /// <summary>Channel-first grid [B, C, H, W] → patch rows [B, H·W, C] in row-major order.</summary>
    protected static Tensor ToPatchRows(Tensor grid) =>
        grid.flatten(2).permute(0, 2, 1);

    /// <summary>Bilinear, align_corners=false: the resampling PatchCore uses to bring layer3 onto layer2's grid.</summary>
    protected static Tensor UpsampleTo(Tensor grid, long height, long width) =>
        grid.shape[2] == height && grid.shape[3] == width
            ? grid
            : nn.functional.interpolate(grid, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);

    private void Validate(Tensor layer2, Tensor layer3)
    {
        ArgumentNullException.ThrowIfNull(layer2);
        ArgumentNullException.ThrowIfNull(layer3);
        if (layer2.dim() != 4 || layer3.dim() != 4)
            throw new ArgumentException($"{GetType().Name}: expected 4-d taps [B,C,H,W], got layer2 {Shape(layer2)} and layer3 {Shape(layer3)}.");
        if (layer2.shape[0] != layer3.shape[0])
            throw new ArgumentException($"{GetType().Name}: batch sizes differ, layer2 {Shape(layer2)} vs layer3 {Shape(layer3)}.");
        if (layer2.shape[1] != Layer2Channels)
            throw new ArgumentException($"{GetType().Name}: layer2 must have {Layer2Channels} channels, got {Shape(layer2)}.", nameof(layer2));
        if (layer3.shape[1] != Layer3Channels)
            throw new ArgumentException($"{GetType().Name}: layer3 must have {Layer3Channels} channels, got {Shape(layer3)}.", nameof(layer3));
        if (layer2.dtype != ScalarType.Float32 || layer3.dtype != ScalarType.Float32)
            throw new ArgumentException($"{GetType().Name}: taps must be float32, got {layer2.dtype} and {layer3.dtype}.");
    }

    private static string Shape(Tensor t) => "[" + string.Join(",", t.shape) + "]";
}
