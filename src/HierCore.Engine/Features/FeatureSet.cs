using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Features of a set of images as a method sees them: patch embeddings, image descriptors and opaque
/// content keys. Deliberately holds no class name, path or dataset reference, so a label the scenario
/// withholds cannot be reached through it. Patches are not held here but read from a <see cref="IPatchSource"/>
/// a few images at a time (from the feature cache in a real run), so memory does not grow with the dataset.
/// </summary>
public sealed class FeatureSet(IPatchSource patches, float[][] descriptors, string[] contentKeys) : IDisposable
{
    /// <summary>A set whose patches are one in-memory tensor [images, patchesPerImage, dim] (small sets, tests).</summary>
    public FeatureSet(Tensor patches, float[][] descriptors, string[] contentKeys)
        : this(new TensorPatchSource(patches), descriptors, contentKeys) { }

    readonly IPatchSource _source = patches.Count == contentKeys.Length && descriptors.Length == contentKeys.Length
        ? patches
        : throw new ArgumentException($"FeatureSet: {patches.Count} images of patches, {descriptors.Length} descriptors and {contentKeys.Length} keys must agree.");

    /// <summary>g(x) per image: L2-normalised global average of layer3.</summary>
    public float[][] Descriptors { get; } = descriptors;

    /// <summary>Content hash per image (of the image bytes and feature settings): stable memo keys.</summary>
    public string[] ContentKeys { get; } = contentKeys;

    public int Count => _source.Count;
    public int PatchesPerImage => _source.PatchesPerImage;
    public int Dim => _source.Dim;

    /// <summary>Element type the patches are kept in (float16 from the cache): every value converts to float32 exactly.</summary>
    public ScalarType StoredType => _source.StoredType;

    /// <summary>Patches of the given images flattened to [n·P, D], float32 (a copy).</summary>
    public Tensor PatchesOf(IReadOnlyList<int> images) => _source.Read(images, ScalarType.Float32);

    /// <summary>As <see cref="PatchesOf"/> but in <see cref="StoredType"/>: half the bytes of float32 for cached features.</summary>
    public Tensor StoredPatchesOf(IReadOnlyList<int> images) => _source.Read(images, _source.StoredType);

    /// <summary>The same images and patches with other descriptors (the patch source stays owned by this set).</summary>
    public FeatureSet WithDescriptors(float[][] newDescriptors) => new(new BorrowedPatchSource(_source), newDescriptors, ContentKeys);

    /// <summary>Image index of each row of <see cref="PatchesOf"/>.</summary>
    public long[] SourcesOf(IReadOnlyList<int> images)
    {
        var p = PatchesPerImage;
        var src = new long[images.Count * p];
        for (var i = 0; i < images.Count; i++) Array.Fill(src, images[i], i * p, p);
        return src;
    }

    public void Dispose() => _source.Dispose();
}

/// <summary>Where a <see cref="FeatureSet"/>'s patches come from.</summary>
public interface IPatchSource : IDisposable
{
    int Count { get; }
    int PatchesPerImage { get; }
    int Dim { get; }
    ScalarType StoredType { get; }

    /// <summary>[n·P, D] patches of the given images, in the given element type; the caller owns the tensor.</summary>
    Tensor Read(IReadOnlyList<int> images, ScalarType type);
}

/// <summary>Patches held as one tensor [images, P, D].</summary>
public sealed class TensorPatchSource(Tensor patches) : IPatchSource
{
    public int Count => (int)patches.shape[0];
    public int PatchesPerImage => (int)patches.shape[1];
    public int Dim => (int)patches.shape[2];
    public ScalarType StoredType => patches.dtype;

    public Tensor Read(IReadOnlyList<int> images, ScalarType type)
    {
        using var scope = NewDisposeScope();
        using var index = tensor(images.Select(i => (long)i).ToArray());
        return patches.index_select(0, index).reshape(-1, Dim).to(type).MoveToOuterDisposeScope();
    }

    public void Dispose() => patches.Dispose();
}

/// <summary>A view of another set's source that does not dispose it.</summary>
sealed class BorrowedPatchSource(IPatchSource inner) : IPatchSource
{
    public int Count => inner.Count;
    public int PatchesPerImage => inner.PatchesPerImage;
    public int Dim => inner.Dim;
    public ScalarType StoredType => inner.StoredType;
    public Tensor Read(IReadOnlyList<int> images, ScalarType type) => inner.Read(images, type);
    public void Dispose() { }
}
