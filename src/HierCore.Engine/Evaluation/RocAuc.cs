using System.Numerics;

namespace HierCore.Engine.Evaluation;

/// <summary>
/// Area under the ROC curve, equal to scikit-learn's <c>roc_auc_score</c>: the probability that an anomalous
/// sample scores above a normal one, a tie counting one half (Mann–Whitney U / (n₀·n₁)).
/// </summary>
public static class RocAuc
{
    /// <summary>AUROC of <paramref name="scores"/> (higher = more anomalous); NaN when either class is absent.</summary>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        ScoreValidation.CheckLengths(scores.Length, labels.Length, nameof(RocAuc));
        int positives = 0;
        foreach (var l in labels) if (l) positives++;
        var pos = new double[positives];
        var neg = new double[labels.Length - positives];
        int p = 0, n = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            ScoreValidation.CheckNotNaN(scores[i], i, nameof(RocAuc));
            if (labels[i]) pos[p++] = scores[i]; else neg[n++] = scores[i];
        }
        return FromSplit(pos, neg);
    }

    /// <summary>
    /// AUROC from the scores of each class, given separately. Both arrays are sorted in place.
    /// Splitting by class first means the sort needs no label payload: 4 or 8 bytes per sample,
    /// which matters for pixel AUROC over tens of millions of pixels.
    /// </summary>
    internal static double FromSplit<T>(T[] positives, T[] negatives) where T : IFloatingPoint<T>
    {
        if (positives.Length == 0 || negatives.Length == 0) return double.NaN;
        Array.Sort(positives);
        Array.Sort(negatives);
        // Twice the U statistic: 2 for every (pos > neg) pair, 1 for every tie. Stays exact in a long
        // for up to ~2·10⁹ samples per class (2·n₀·n₁ < 2⁶³).
        long twiceU = 0;
        int below = 0;   // negatives strictly below the current positive
        int upTo = 0;    // negatives ≤ the current positive
        foreach (var s in positives)
        {
            while (below < negatives.Length && negatives[below] < s) below++;
            if (upTo < below) upTo = below;
            while (upTo < negatives.Length && negatives[upTo] == s) upTo++;
            twiceU += 2L * below + (upTo - below);
        }
        return twiceU / (2.0 * positives.Length * negatives.Length);
    }
}
