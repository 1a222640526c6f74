using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Methods;

/// <summary>
/// A group's patches as one [members·P, D] row matrix, image-major in member order (the numbering of
/// <see cref="FeatureSet.SourcesOf"/>), read from the feature set a few images at a time: a coreset over a whole
/// dataset reads each image once to project it and again only for its picked rows.
/// </summary>
public sealed class GroupPatchRows(FeatureSet set, IReadOnlyList<int> members) : IPatchRows
{
    /// <summary>Images read at once when gathering picked rows (~50 MB of float16 at pooled1024).</summary>
    const int GatherImages = 32;

    long PatchesPerImage => set.PatchesPerImage;
    public long Rows => members.Count * PatchesPerImage;
    public int Dim => set.Dim;

    public Tensor Read(long start, long end)
    {
        if (start < 0 || end > Rows || start >= end) throw new ArgumentOutOfRangeException(nameof(end), $"GroupPatchRows: rows [{start}, {end}) of {Rows}.");
        int first = (int)(start / PatchesPerImage), last = (int)((end - 1) / PatchesPerImage);
        using var scope = NewDisposeScope();
        var images = set.StoredPatchesOf(Enumerable.Range(first, last - first + 1).Select(m => members[m]).ToArray());
        return images.narrow(0, start - first * PatchesPerImage, end - start).MoveToOuterDisposeScope();
    }

    public Tensor Gather(long[] rows)
    {
        using var scope = NewDisposeScope();
        var result = empty([rows.Length, Dim], ScalarType.Float32);
        // Member images that hold picked rows, in order; each is read once.
        var byMember = Enumerable.Range(0, rows.Length).GroupBy(k => (int)(rows[k] / PatchesPerImage)).OrderBy(g => g.Key).ToArray();
        foreach (var chunk in byMember.Chunk(GatherImages))
        {
            using var step = NewDisposeScope();
            var block = set.StoredPatchesOf(chunk.Select(g => members[g.Key]).ToArray());
            var (source, destination) = (new List<long>(), new List<long>());
            for (var c = 0; c < chunk.Length; c++)
                foreach (var k in chunk[c])
                {
                    source.Add(c * PatchesPerImage + rows[k] % PatchesPerImage);
                    destination.Add(k);
                }
            var picked = block.index_select(0, tensor(source.ToArray())).to(ScalarType.Float32);
            result.index_copy_(0, tensor(destination.ToArray()), picked);
        }
        return result.MoveToOuterDisposeScope();
    }
}
