using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Memory;

public class MemoryBankTests
{
    /// <summary>Patches whose first feature encodes their source image (image·100), so rows can be traced.</summary>
    private static (Tensor Patches, long[] Sources) TraceablePatches(int images, int perImage, int d)
    {
        var sources = Enumerable.Range(0, images * perImage).Select(i => (long)(i / perImage)).ToArray();
        var patches = randn([images * perImage, d], generator: new Generator(3, CPU));
        patches[.., 0] = tensor(sources.Select(s => s * 100f).ToArray());
        return (patches, sources);
    }

    [Fact]
    public void Build_keeps_ceil_ratio_n_rows_with_their_source_ids_aligned()
    {
        var (patches, sources) = TraceablePatches(images: 9, perImage: 23, d: 6);
        using var _ = patches;
        using var bank = MemoryBank.Build(patches, sources, 0.1, seed: 4);
        Assert.Equal(21, bank.Entries);   // ⌈0.1·207⌉
        Assert.Equal([21L, 6L], bank.Features.shape);
        var encoded = bank.Features[.., 0].data<float>().ToArray();
        for (int i = 0; i < bank.Entries; i++) Assert.Equal(bank.SourceImage[i] * 100f, encoded[i]);
        Assert.Equal(21 * 6 * 4 + 21 * 8, bank.Bytes);
        var picks = CoresetSampler.Select(patches, 21, 4);
        Assert.Equal(picks.Select(p => sources[p]), bank.SourceImage);
    }

    [Fact]
    public void Nearest_ignores_the_excluded_image_and_finds_an_exact_entry_otherwise()
    {
        var (patches, sources) = TraceablePatches(images: 5, perImage: 10, d: 4);
        using var _ = patches;
        using var bank = MemoryBank.Build(patches, sources, 1.0, seed: 1);
        using var queries = patches[10..20];   // image 1's own patches
        var (d, i) = bank.Nearest(queries);
        Assert.All(d.data<float>().ToArray(), v => Assert.Equal(0f, v, 3));
        Assert.Equal(Enumerable.Range(10, 10).Select(v => (long)v), i.data<long>().ToArray());
        var (dx, ix) = bank.Nearest(queries, excludeSourceImage: 1);
        Assert.Equal([10L], dx.shape);
        Assert.All(dx.data<float>().ToArray(), v => Assert.True(v > 50));   // the next image is ≥ 100 away in feature 0
        Assert.All(ix.data<long>().ToArray(), v => Assert.NotEqual(1L, bank.SourceImage[v]));
    }

    [Fact]
    public void Mismatched_source_ids_are_rejected_with_a_message()
    {
        using var patches = zeros(10, 3);
        var e = Assert.Throws<ArgumentException>(() => MemoryBank.Build(patches, new long[9], 0.5, 1));
        Assert.Contains("MemoryBank", e.Message);
    }
}
