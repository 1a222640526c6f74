using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Patches read from the feature cache on demand: a run holds only the images it is working on (one group's
/// training images while its bank is built, a batch of test images while they are scored). The stored payload
/// is copied straight into the tensor; float16 → float32 is exact, so a reader gets the very values a run that
/// kept everything in memory would have used. An entry that vanished or went corrupt since extraction is
/// computed again through <paramref name="recompute"/>.
/// </summary>
public sealed class CachedPatchSource(
    FeatureCache cache, string settingsKey, string[] contentKeys, int patchesPerImage, int dim, Action<int> recompute) : IPatchSource
{
    public int Count => contentKeys.Length;
    public int PatchesPerImage => patchesPerImage;
    public int Dim => dim;
    public ScalarType StoredType => cache.Storage == FeatureStorage.Float16 ? ScalarType.Float16 : ScalarType.Float32;

    // One read buffer, reused for every entry (entries of a setting all have the same size): reading a group or
    // a test batch allocates nothing per image. Reads are serialised on it.
    readonly object _readGate = new();
    byte[]? _buffer;

    public Tensor Read(IReadOnlyList<int> images, ScalarType type)
    {
        using var scope = NewDisposeScope();
        var rows = (long)patchesPerImage;
        var stored = empty([images.Count * rows, dim], StoredType);
        lock (_readGate)
        {
            for (var i = 0; i < images.Count; i++)
            {
                var (length, layout) = Entry(images[i]);
                if (layout.PatchCount != patchesPerImage || layout.Dim != dim)
                    throw new InvalidOperationException($"Feature cache entry {contentKeys[images[i]]} holds {layout.PatchCount}×{layout.Dim} patches, expected {patchesPerImage}×{dim}.");
                // A row block of a fresh contiguous tensor: its byte span is exactly this image's rows.
                using var rowsOfImage = stored.narrow(0, i * rows, rows);
                _buffer!.AsSpan(0, length).Slice(layout.PayloadOffset, layout.PayloadBytes).CopyTo(rowsOfImage.bytes);
            }
        }
        return (type == StoredType ? stored : stored.to(type)).MoveToOuterDisposeScope();
    }

    (int Length, FeatureCacheFormat.Layout Layout) Entry(int image)
    {
        var key = contentKeys[image];
        if (cache.TryGetEntry(key, settingsKey, ref _buffer, out var length, out var layout)) return (length, layout);
        recompute(image);
        return cache.TryGetEntry(key, settingsKey, ref _buffer, out length, out layout)
            ? (length, layout)
            : throw new InvalidOperationException($"Feature cache entry {key} could not be written again under {cache.Root}.");
    }

    public void Dispose() { }
}
