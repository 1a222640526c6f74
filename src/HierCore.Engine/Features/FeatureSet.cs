using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Features of a set of images as a method sees them: patch embeddings, image descriptors and opaque
/// content keys. Deliberately holds no class name, path or dataset reference, so a label the scenario
/// withholds cannot be reached through it.
/// </summary>
public sealed class FeatureSet(Tensor patches, float[][] descriptors, string[] contentKeys) : IDisposable
{
    /// <summary>[images, patchesPerImage, dim], float32.</summary>
    public Tensor Patches { get; } = patches;

    /// <summary>g(x) per image: L2-normalised global average of layer3.</summary>
    public float[][] Descriptors { get; } = descriptors;

    /// <summary>Content hash per image (of the image bytes and feature settings): stable memo keys.</summary>
    public string[] ContentKeys { get; } = contentKeys;

    public int Count => (int)Patches.shape[0];
    public int PatchesPerImage => (int)Patches.shape[1];
    public int Dim => (int)Patches.shape[2];

    /// <summary>Patches of the given images flattened to [n·P, D] (a copy).</summary>
    public Tensor PatchesOf(IReadOnlyList<int> images)
    {
        using var index = tensor(images.Select(i => (long)i).ToArray());
        return Patches.index_select(0, index).reshape(-1, Dim);
    }

    /// <summary>Image index of each row of <see cref="PatchesOf"/>.</summary>
    public long[] SourcesOf(IReadOnlyList<int> images)
    {
        var p = PatchesPerImage;
        var src = new long[images.Count * p];
        for (var i = 0; i < images.Count; i++) Array.Fill(src, images[i], i * p, p);
        return src;
    }

    public void Dispose() => Patches.Dispose();
}
