using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Memory;

public class NearestNeighbourSearchTests
{
    private static Tensor Random(int n, int d, ulong seed) => randn([n, d], generator: new Generator(seed, CPU));

    private static void AssertSame((Tensor D, Tensor I) expected, (Tensor D, Tensor I) actual)
    {
        Assert.Equal(expected.I.data<long>().ToArray(), actual.I.data<long>().ToArray());
        var e = expected.D.data<float>().ToArray();
        var a = actual.D.data<float>().ToArray();
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++)
            if (float.IsPositiveInfinity(e[i])) Assert.True(float.IsPositiveInfinity(a[i]));
            else Assert.InRange(a[i], e[i] - 1e-4f, e[i] + 1e-4f);
    }

    [Fact]
    public void Hand_computed_distance_is_euclidean_not_squared()
    {
        using var q = tensor(new float[] { 0, 0 }, [1, 2]);
        using var b = tensor(new float[] { 3, 4, 6, 8 }, [2, 2]);
        var (d, i) = NearestNeighbourSearch.Nearest(q, b);
        Assert.Equal(5f, d.item<float>(), 4);
        Assert.Equal(0L, i.item<long>());
    }

    [Theory]
    [InlineData(50, 70, 7, 13)]     // blocks smaller than the inputs, ragged last blocks
    [InlineData(50, 70, 512, 1024)] // one block
    [InlineData(33, 200, 1, 1)]
    public void Blockwise_search_equals_full_matrix_search(int nq, int nb, int queryBlock, int bankBlock)
    {
        using var q = Random(nq, 24, 1);
        using var b = Random(nb, 24, 2);
        AssertSame(NearestNeighbourSearch.NearestNaive(q, b),
                   NearestNeighbourSearch.Nearest(q, b, null, null, 1, queryBlock, bankBlock));
    }

    [Fact]
    public void Source_exclusion_matches_the_full_matrix_with_mixed_and_single_source_blocks()
    {
        using var q = Random(60, 16, 3);
        using var b = Random(90, 16, 4);
        // Queries 0–29 come from image 7 (one-source blocks), the rest from images 0..5 (mixed blocks).
        using var qs = tensor(Enumerable.Range(0, 60).Select(i => i < 30 ? 7L : i % 6).ToArray());
        using var bs = tensor(Enumerable.Range(0, 90).Select(i => (long)(i % 8)).ToArray());
        var blockwise = NearestNeighbourSearch.Nearest(q, b, qs, bs, 1, 10, 16);
        AssertSame(NearestNeighbourSearch.NearestNaive(q, b, qs, bs), blockwise);
        var sources = bs.data<long>().ToArray();
        var qsrc = qs.data<long>().ToArray();
        var idx = blockwise.Indices.data<long>().ToArray();
        for (int i = 0; i < 60; i++) Assert.NotEqual(qsrc[i], sources[idx[i]]);
    }

    [Fact]
    public void A_query_whose_every_entry_is_excluded_gets_infinity_and_index_minus_one()
    {
        using var q = Random(5, 4, 5);
        using var b = Random(12, 4, 6);
        using var qs = tensor(new long[] { 1, 1, 2, 1, 3 });
        using var bs = tensor(Enumerable.Repeat(1L, 12).ToArray());   // the whole bank is image 1
        var (d, i) = NearestNeighbourSearch.Nearest(q, b, qs, bs, 1, 2, 5);
        var dist = d.data<float>().ToArray();
        var index = i.data<long>().ToArray();
        foreach (int row in new[] { 0, 1, 3 })
        {
            Assert.True(float.IsPositiveInfinity(dist[row]));
            Assert.Equal(-1L, index[row]);
        }
        Assert.True(float.IsFinite(dist[2]) && index[2] >= 0);
        AssertSame(NearestNeighbourSearch.NearestNaive(q, b, qs, bs), (d, i));
    }

    [Fact]
    public void K_nearest_equal_the_full_matrix_search_including_padding_when_few_are_left()
    {
        using var q = Random(20, 8, 7);
        using var b = Random(45, 8, 8);
        AssertSame(NearestNeighbourSearch.NearestNaive(q, b, null, null, 3),
                   NearestNeighbourSearch.Nearest(q, b, null, null, 3, 6, 4));
        using var qs = tensor(Enumerable.Repeat(0L, 20).ToArray());
        using var bs = tensor(Enumerable.Range(0, 45).Select(i => i < 43 ? 0L : 1L).ToArray());   // only 2 usable
        var (d, i) = NearestNeighbourSearch.Nearest(q, b, qs, bs, 3, 6, 4);
        AssertSame(NearestNeighbourSearch.NearestNaive(q, b, qs, bs, 3), (d, i));
        Assert.All(i[.., 2].data<long>().ToArray(), v => Assert.Equal(-1L, v));
    }

    [Fact]
    public void Mismatched_inputs_are_rejected_with_a_message()
    {
        using var q = Random(3, 4, 1);
        using var b = Random(3, 5, 1);
        var e = Assert.Throws<ArgumentException>(() => NearestNeighbourSearch.Nearest(q, b));
        Assert.Contains("NearestNeighbourSearch", e.Message);
        using var b4 = Random(3, 4, 2);
        using var qs = tensor(new long[] { 1, 2, 3 });
        Assert.Throws<ArgumentException>(() => NearestNeighbourSearch.Nearest(q, b4, qs, null));
    }
}
