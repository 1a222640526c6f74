using HierCore.Engine.Contracts;
using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Methods;

/// <summary>Patch scores → image score (METHOD.md §3.3).</summary>
public static class PatchScoring
{
    /// <summary>
    /// Image score = max patch score; with <paramref name="reweighting"/>, PatchCore eq. 7 with b neighbours:
    /// s = (1 − exp‖m_test − m*‖ / Σ_{m∈N_b(m*)} exp‖m_test − m‖) · s*, where m* is the nearest memory entry of the
    /// most anomalous test patch m_test. Computed as 1 − softmax to avoid overflowing exp of large distances.
    /// </summary>
    public static double ImageScore(float[] patchScores, Tensor imagePatches, Tensor nearestIndex, MemoryBank bank, bool reweighting, int b = 9)
    {
        var best = 0;
        for (var i = 1; i < patchScores.Length; i++) if (patchScores[i] > patchScores[best]) best = i;
        double sStar = patchScores[best];
        if (!reweighting || bank.Entries < 2 || !double.IsFinite(sStar)) return sStar;

        using var scope = NewDisposeScope();
        var mTest = imagePatches[best].unsqueeze(0);                          // [1, D]
        var mStarIndex = nearestIndex[best].item<long>();
        var mStar = bank.Features[mStarIndex].unsqueeze(0);                   // [1, D]
        var k = (int)Math.Min(b, bank.Entries);
        var neighbours = cdist(mStar, bank.Features).topk(k, largest: false).indexes.squeeze(0); // N_b(m*), includes m*
        var d = cdist(mTest, bank.Features.index_select(0, neighbours)).squeeze(0).to_type(ScalarType.Float64);
        var dStar = sStar;
        var max = Math.Max(dStar, d.max().item<double>());
        var denominator = d.sub(max).exp().sum().item<double>();
        var weight = 1 - Math.Exp(dStar - max) / denominator;
        return weight * sStar;
    }
}
