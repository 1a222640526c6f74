using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Methods;

/// <summary>
/// A coreset built from a group's rows read a block at a time (never the whole group in memory) must be the bank the
/// in-memory path builds from the same patches: same picks, same entries to the bit, same source images.
/// </summary>
public class GroupPatchRowsTests
{
    // 30 images × 700 patches = 21,000 rows: more than one 16,384-row projection block, with an image straddling the
    // block boundary, so a reader that mis-slices a block or an image would change the projected values or the rows.
    const int Images = 30, PerImage = 700, Dim = 12;

    static FeatureSet Set(out Tensor all)
    {
        all = randn([Images, PerImage, Dim], generator: new Generator(11, CPU)).to(ScalarType.Float16);
        var descriptors = Enumerable.Range(0, Images).Select(i => new float[] { i }).ToArray();
        return new FeatureSet(all, descriptors, Enumerable.Range(0, Images).Select(i => $"k{i}").ToArray());
    }

    [Fact]
    public void Streamed_bank_equals_the_bank_built_from_the_group_patches_in_memory()
    {
        using var set = Set(out var all);
        using var _ = all;
        // Members out of order and with gaps: row r belongs to members[r / PerImage].
        int[] members = [.. Enumerable.Range(0, Images).Where(i => i % 7 != 3).Reverse()];
        using var inMemory = set.StoredPatchesOf(members);
        var sources = set.SourcesOf(members);

        using var expected = MemoryBank.Build(inMemory, sources, 0.05, seed: 3, projectionDim: 8);
        using var streamed = MemoryBank.Build(new GroupPatchRows(set, members), sources, 0.05, seed: 3, projectionDim: 8);

        Assert.Equal(expected.SourceImage, streamed.SourceImage);
        Assert.Equal(expected.Features.data<float>().ToArray(), streamed.Features.data<float>().ToArray());
    }

    [Fact]
    public void Read_returns_exactly_the_rows_asked_for_across_image_boundaries()
    {
        using var set = Set(out var all);
        using var _ = all;
        int[] members = [5, 2, 9];
        using var expected = set.StoredPatchesOf(members);
        var rows = new GroupPatchRows(set, members);
        Assert.Equal(3L * PerImage, rows.Rows);
        using var block = rows.Read(PerImage - 5, 2 * PerImage + 7);   // tail of member 0 … head of member 2
        Assert.Equal(expected.narrow(0, PerImage - 5, PerImage + 12).to(ScalarType.Float32).data<float>().ToArray(),
            block.to(ScalarType.Float32).data<float>().ToArray());
        using var gathered = rows.Gather([2L * PerImage + 1, 0, PerImage + 3, 0]);   // any order, repeats allowed
        using var index = tensor(new long[] { 2L * PerImage + 1, 0, PerImage + 3, 0 });
        Assert.Equal(expected.index_select(0, index).to(ScalarType.Float32).data<float>().ToArray(), gathered.data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => rows.Read(0, rows.Rows + 1));
    }
}
